import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Teams person the fake's member endpoints know (TeamsChannelAccount). */
export interface FakeTeamsMember {
  /** Teams user id, `29:...`. */
  id: string;
  aadObjectId: string;
  name: string;
  email: string;
  userPrincipalName: string;
}

export type BotConnectorOperation = 'createConversation' | 'sendToConversation' | 'replyToActivity' | 'updateActivity' | 'getMember' | 'getPagedMembers';

export interface BotConnectorCall {
  operation: BotConnectorOperation;
  method: string;
  path: string;
  conversationId: string;
  /** The activity replied to or updated. */
  activityId?: string;
  memberId?: string;
  body: Record<string, unknown>;
  authorization: string | undefined;
  /** The HTTP status the fake answered. */
  status: number;
  /** The id the fake gave the new activity or conversation. */
  createdId?: string;
}

export type BotConnectorFailure = { status: 429; retryAfterSeconds: number } | { status: number };

export interface FakeBotConnector {
  /** The serviceUrl to put in activities (ends with `/`). */
  url: string;
  calls: BotConnectorCall[];
  callsOf(operation: BotConnectorOperation): BotConnectorCall[];
  /** The next calls of `operation` fail this way, in order (queue several to fail several). */
  failNext(operation: BotConnectorOperation, failure: BotConnectorFailure): void;
  addMember(member: FakeTeamsMember): void;
  stop(): Promise<void>;
}

/**
 * The Bot Connector REST API (v3) at the HTTP level, on 127.0.0.1 and a free port: the endpoints
 * botbuilder's ConnectorClient and TeamsInfo call, with the same answers (ResourceResponse ids,
 * ConversationResourceResponse, TeamsChannelAccount, 404 MemberNotFoundInConversation), 429 with
 * Retry-After on demand, and every call recorded.
 */
export async function startFakeBotConnector(options: { members?: FakeTeamsMember[] } = {}): Promise<FakeBotConnector> {
  const members = new Map<string, FakeTeamsMember>();
  const addMember = (m: FakeTeamsMember) => {
    members.set(m.id, m);
    members.set(m.aadObjectId, m);
  };
  for (const m of options.members ?? []) addMember(m);
  const calls: BotConnectorCall[] = [];
  const failures = new Map<BotConnectorOperation, BotConnectorFailure[]>();
  let counter = 0;
  const nextId = () => `${1_700_000_000_000 + ++counter}`;

  const server = createServer((req, res) => {
    void readBody(req).then((raw) => handle(req, res, raw)).catch((err: unknown) => send(res, 500, { error: { code: 'ServiceError', message: String(err) } }));
  });

  function handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const route = routeOf(req.method ?? 'GET', parts);
    if (!route) {
      send(res, 404, { error: { code: 'NotFound', message: `no route for ${req.method} ${url.pathname}` } });
      return;
    }
    let body: Record<string, unknown> = {};
    if (raw) {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        send(res, 400, { error: { code: 'BadArgument', message: 'the body is not JSON' } });
        return;
      }
    }
    const call: BotConnectorCall = { ...route, method: req.method ?? 'GET', path: url.pathname, body, authorization: req.headers.authorization, status: 0 };
    calls.push(call);
    const failure = failures.get(route.operation)?.shift();
    if (failure) {
      call.status = failure.status;
      const headers: Record<string, string> = failure.status === 429 && 'retryAfterSeconds' in failure ? { 'retry-after': String(failure.retryAfterSeconds) } : {};
      send(res, failure.status, { error: { code: failure.status === 429 ? 'Throttled' : 'ServiceError', message: `fake failure ${failure.status}` } }, headers);
      return;
    }
    const answer = answerOf(call);
    call.status = answer.status;
    send(res, answer.status, answer.body);
  }

  function answerOf(call: BotConnectorCall): { status: number; body: unknown } {
    switch (call.operation) {
      case 'createConversation': {
        const memberList = Array.isArray(call.body.members) ? (call.body.members as Array<{ id?: unknown }>) : [];
        if (memberList.length === 0 || typeof call.body.bot !== 'object') return { status: 400, body: { error: { code: 'BadArgument', message: 'bot and members are required' } } };
        const id = `a:personal-${String(memberList[0]!.id ?? '')}-${nextId()}`;
        call.createdId = id;
        return { status: 201, body: { id, activityId: '', serviceUrl: '' } };
      }
      case 'sendToConversation':
      case 'replyToActivity': {
        if (call.body.type !== 'message') return { status: 400, body: { error: { code: 'BadArgument', message: 'unknown activity type' } } };
        const id = nextId();
        call.createdId = id;
        return { status: 201, body: { id } };
      }
      case 'updateActivity':
        return { status: 200, body: { id: call.activityId } };
      case 'getMember': {
        const m = call.memberId ? members.get(call.memberId) : undefined;
        return m ? { status: 200, body: accountOf(m) } : { status: 404, body: { error: { code: 'MemberNotFoundInConversation', message: 'The member is not in the conversation' } } };
      }
      case 'getPagedMembers':
        return { status: 200, body: { members: [...new Set(members.values())].map(accountOf) } };
    }
  }

  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    callsOf: (operation) => calls.filter((c) => c.operation === operation),
    failNext(operation, failure) {
      failures.set(operation, [...(failures.get(operation) ?? []), failure]);
    },
    addMember,
    stop: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function routeOf(method: string, parts: string[]): Pick<BotConnectorCall, 'operation' | 'conversationId' | 'activityId' | 'memberId'> | null {
  if (parts[0] !== 'v3' || parts[1] !== 'conversations') return null;
  const conversationId = parts[2] ?? '';
  if (parts.length === 2 && method === 'POST') return { operation: 'createConversation', conversationId: '' };
  if (parts.length === 4 && parts[3] === 'activities' && method === 'POST') return { operation: 'sendToConversation', conversationId };
  if (parts.length === 5 && parts[3] === 'activities' && method === 'POST') return { operation: 'replyToActivity', conversationId, activityId: parts[4]! };
  if (parts.length === 5 && parts[3] === 'activities' && method === 'PUT') return { operation: 'updateActivity', conversationId, activityId: parts[4]! };
  if (parts.length === 5 && parts[3] === 'members' && method === 'GET') return { operation: 'getMember', conversationId, memberId: parts[4]! };
  if (parts.length === 4 && parts[3] === 'pagedmembers' && method === 'GET') return { operation: 'getPagedMembers', conversationId };
  return null;
}

function accountOf(m: FakeTeamsMember): Record<string, unknown> {
  const [givenName, ...rest] = m.name.split(' ');
  return { id: m.id, name: m.name, aadObjectId: m.aadObjectId, email: m.email, userPrincipalName: m.userPrincipalName, givenName, surname: rest.join(' '), userRole: 'user', tenantId: 'tenant-0001' };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
