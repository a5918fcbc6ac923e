import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from '../../adapters/workspace/api/web-api-router.ts';

export interface FakeSlackUser {
  id: string;
  email: string;
  name: string;
  isBot?: boolean;
  deleted?: boolean;
}

export type FakeSlackFailure = { status: 429; retryAfter: number } | { status: number } | { error: string };

export interface FakeSlackCall {
  method: string;
  body: Record<string, unknown>;
  /** What the fake answered (set once answered). */
  response?: Record<string, unknown>;
  /** When it arrived (Date.now()). */
  at: number;
  /** Answered 429 by a rate-limit storm. */
  limited?: boolean;
}

export interface FakeSlackApi {
  /** The Web API base URL, ending with /api/ (give it to WebClient as slackApiUrl). */
  url: string;
  /** A response_url the fake accepts; posts to it are recorded as method `response_url`. */
  responseUrl: string;
  calls: FakeSlackCall[];
  callsOf(method: string): FakeSlackCall[];
  /** The next call of `method` fails this way (queue several to fail several calls). */
  failNext(method: string, failure: FakeSlackFailure): void;
  /** A 429 storm: every call about `channel` answers 429 with Retry-After for the next `forMs`. */
  rateLimitChannel(channel: string, retryAfterSeconds: number, forMs: number): void;
  stop(): Promise<void>;
}

export interface FakeSlackOptions {
  users?: FakeSlackUser[];
  /** The bot token the fake accepts. @defaultValue 'xoxb-test-token' */
  token?: string;
}

type Handler = (body: Record<string, unknown>) => Record<string, unknown>;

/**
 * Slack's Web API at the HTTP level, on 127.0.0.1 and a free port: the same wire format WebClient
 * speaks (form bodies with JSON-encoded nested arguments, or JSON), the same `ok`/`error`
 * envelopes, 429 with Retry-After, Bearer token checks, and a few Block Kit limit checks so a card
 * Slack would refuse is refused here too.
 */
export async function startFakeSlackApi(options: FakeSlackOptions = {}): Promise<FakeSlackApi> {
  const token = options.token ?? 'xoxb-test-token';
  const users = new Map((options.users ?? []).map((u) => [u.id, u]));
  const calls: FakeSlackCall[] = [];
  const failures = new Map<string, FakeSlackFailure[]>();
  const storms = new Map<string, { retryAfter: number; until: number }>();
  const messages = new Map<string, Record<string, unknown>>();
  let tsCounter = 0;
  let viewCounter = 0;

  const nextTs = () => `${1_700_000_000 + tsCounter}.${String(++tsCounter).padStart(6, '0')}`;
  const userOrError = (id: unknown) => (typeof id === 'string' ? users.get(id) : undefined);

  const handlers: Record<string, Handler> = {
    'auth.test': () => ({ ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'procurebot', team_id: 'T0FAKE', user_id: 'UBOT0001', bot_id: 'BBOT0001' }),
    'chat.postMessage': (b) => {
      const problem = channelProblem(b.channel) ?? messageProblem(b);
      if (problem) return { ok: false, error: problem };
      const channel = String(b.channel);
      const ts = nextTs();
      messages.set(`${channel}/${ts}`, b);
      return { ok: true, channel, ts, message: { type: 'message', text: b.text, blocks: b.blocks, ts, bot_id: 'BBOT0001' } };
    },
    'chat.update': (b) => {
      const problem = channelProblem(b.channel) ?? messageProblem(b);
      if (problem) return { ok: false, error: problem };
      const key = `${String(b.channel)}/${String(b.ts)}`;
      if (!messages.has(key)) return { ok: false, error: 'message_not_found' };
      messages.set(key, b);
      return { ok: true, channel: b.channel, ts: b.ts, text: b.text };
    },
    'chat.postEphemeral': (b) => {
      const problem = channelProblem(b.channel) ?? (userOrError(b.user) ? null : 'user_not_found') ?? messageProblem(b);
      if (problem) return { ok: false, error: problem };
      return { ok: true, message_ts: nextTs() };
    },
    'views.open': (b) => {
      if (typeof b.trigger_id !== 'string' || !b.trigger_id) return { ok: false, error: 'invalid_arguments' };
      const problem = viewProblem(b.view);
      if (problem) return { ok: false, error: problem };
      return { ok: true, view: { ...(b.view as object), id: `V${String(++viewCounter).padStart(8, '0')}` } };
    },
    'views.update': (b) => (viewProblem(b.view) ? { ok: false, error: viewProblem(b.view) } : { ok: true, view: { ...(b.view as object), id: b.view_id ?? 'V00000000' } }),
    'views.publish': (b) => (userOrError(b.user_id) ? { ok: true, view: { ...(b.view as object), id: 'VHOME0001' } } : { ok: false, error: 'user_not_found' }),
    'users.info': (b) => {
      const u = userOrError(b.user);
      if (!u) return { ok: false, error: 'user_not_found' };
      return {
        ok: true,
        user: { id: u.id, name: u.name.toLowerCase().replace(/\s+/g, '.'), real_name: u.name, deleted: u.deleted ?? false, is_bot: u.isBot ?? false, profile: { email: u.email, real_name: u.name, display_name: u.name } },
      };
    },
    'users.lookupByEmail': (b) => {
      const u = [...users.values()].find((x) => x.email?.toLowerCase() === String(b.email ?? '').toLowerCase());
      if (!u) return { ok: false, error: 'users_not_found' };
      return { ok: true, user: { id: u.id, name: u.name.toLowerCase().replace(/\s+/g, '.'), real_name: u.name, deleted: u.deleted ?? false, is_bot: u.isBot ?? false, profile: { email: u.email, real_name: u.name, display_name: u.name } } };
    },
    'conversations.open': (b) => {
      const ids = String(b.users ?? '').split(',').filter(Boolean);
      if (ids.length !== 1) return { ok: false, error: ids.length ? 'not_implemented' : 'users_list_not_supplied' };
      const u = userOrError(ids[0]);
      if (!u) return { ok: false, error: 'user_not_found' };
      if (u.isBot) return { ok: false, error: 'cannot_dm_bot' };
      return { ok: true, channel: { id: `D${u.id.slice(1)}` } };
    },
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'fake_crashed', detail: String(err) }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    // The same reading of WebClient's bodies as the local workspace's Web API.
    const body: Record<string, unknown> = parseArgs(req.headers['content-type'], raw) ?? {};
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/response/')) {
      calls.push({ method: 'response_url', body, at: Date.now() });
      return send(res, 200, { ok: true });
    }
    const method = path.replace(/^\/api\//, '');
    const call: FakeSlackCall = { method, body, at: Date.now() };
    calls.push(call);
    const storm = typeof body.channel === 'string' ? storms.get(body.channel) : undefined;
    if (storm && storm.until > call.at) {
      call.limited = true;
      return send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(storm.retryAfter) });
    }
    const failure = failures.get(method)?.shift();
    if (failure) {
      if ('error' in failure) return send(res, 200, { ok: false, error: failure.error });
      const headers: Record<string, string> = 'retryAfter' in failure ? { 'retry-after': String(failure.retryAfter) } : {};
      return send(res, failure.status, { ok: false, error: failure.status === 429 ? 'ratelimited' : 'fake_http_error' }, headers);
    }
    const auth = req.headers.authorization;
    const given = auth?.startsWith('Bearer ') ? auth.slice(7) : typeof body.token === 'string' ? body.token : undefined;
    if (!given) return send(res, 200, { ok: false, error: 'not_authed' });
    if (given !== token) return send(res, 200, { ok: false, error: 'invalid_auth' });
    const handler = handlers[method];
    call.response = handler ? handler(body) : { ok: false, error: 'unknown_method' };
    send(res, 200, call.response);
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    url: `${base}/api/`,
    responseUrl: `${base}/response/T0FAKE/1/abc`,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method),
    rateLimitChannel(channel, retryAfterSeconds, forMs) {
      storms.set(channel, { retryAfter: retryAfterSeconds, until: Date.now() + forMs });
    },
    failNext(method, failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    stop: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function channelProblem(channel: unknown): string | null {
  if (typeof channel !== 'string' || !channel) return 'channel_not_found';
  return null;
}

function messageProblem(body: Record<string, unknown>): string | null {
  if (body.text === undefined && body.blocks === undefined) return 'no_text';
  if (typeof body.text === 'string' && body.text.length > 40_000) return 'msg_too_long';
  if (body.blocks !== undefined) return blocksProblem(body.blocks, 50);
  return null;
}

function viewProblem(view: unknown): string | null {
  if (!view || typeof view !== 'object') return 'invalid_arguments';
  const v = view as { type?: unknown; title?: { text?: unknown }; blocks?: unknown; private_metadata?: unknown };
  if (v.type !== 'modal' && v.type !== 'home') return 'invalid_arguments';
  if (v.type === 'modal' && (typeof v.title?.text !== 'string' || v.title.text.length > 24)) return 'invalid_arguments';
  if (typeof v.private_metadata === 'string' && v.private_metadata.length > 3_000) return 'invalid_arguments';
  return blocksProblem(v.blocks, 100);
}

/** The Block Kit limits most often broken; Slack answers invalid_blocks for these. */
function blocksProblem(blocks: unknown, maxBlocks: number): string | null {
  if (!Array.isArray(blocks) || blocks.length > maxBlocks) return 'invalid_blocks';
  const tooLong = (t: unknown, max: number) => typeof t !== 'object' || t === null || typeof (t as { text?: unknown }).text !== 'string' || (t as { text: string }).text.length > max || (t as { text: string }).text.length === 0;
  for (const b of blocks as Array<Record<string, unknown>>) {
    switch (b.type) {
      case 'header':
        if (tooLong(b.text, 150)) return 'invalid_blocks';
        break;
      case 'section': {
        const fields = b.fields as unknown[] | undefined;
        if (!b.text && !fields) return 'invalid_blocks';
        if (b.text && tooLong(b.text, 3_000)) return 'invalid_blocks';
        if (fields && (fields.length > 10 || fields.some((f) => tooLong(f, 2_000)))) return 'invalid_blocks';
        break;
      }
      case 'context': {
        const elements = b.elements as unknown[] | undefined;
        if (!elements || elements.length === 0 || elements.length > 10) return 'invalid_blocks';
        break;
      }
      case 'actions': {
        const elements = b.elements as Array<Record<string, unknown>> | undefined;
        if (!elements || elements.length === 0 || elements.length > 25) return 'invalid_blocks';
        const ids = new Set<unknown>();
        for (const e of elements) {
          if (tooLong(e.text, 75) || (typeof e.value === 'string' && e.value.length > 2_000) || ids.has(e.action_id)) return 'invalid_blocks';
          ids.add(e.action_id);
        }
        break;
      }
      case 'divider':
      case 'input':
        break;
      case 'image':
        // Slack also fetches the image at post time (an unreachable URL is invalid_blocks too).
        if (typeof b.image_url !== 'string' || !/^https?:\/\//.test(b.image_url) || b.image_url.length > 3_000) return 'invalid_blocks';
        if (typeof b.alt_text !== 'string' || b.alt_text.length === 0 || b.alt_text.length > 2_000) return 'invalid_blocks';
        break;
      default:
        return 'invalid_blocks';
    }
  }
  return null;
}
