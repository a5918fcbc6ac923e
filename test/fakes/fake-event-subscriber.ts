import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { verifyEventSignature, EVENT_SIGNATURE_HEADER } from '../../adapters/events/sign-event.ts';
import type { ChatopsEvent } from '../../src/events/chatops-event.ts';

export interface ReceivedEvent {
  event: ChatopsEvent;
  /** null when the signature checked out. */
  signatureProblem: string | null;
  headers: http.IncomingHttpHeaders;
}

/**
 * An HTTP subscriber of the bot's events, as an n8n Webhook node would be: it can be "down"
 * (connection refused), answer a status of the test's choosing, and records what it took.
 */
export interface FakeEventSubscriber {
  url: string;
  received: ReceivedEvent[];
  /** Every request, accepted or not (to count calls during an outage). */
  calls: number;
  /** Answer this status instead of 200 (null: 200). */
  answer: number | null;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeEventSubscriber(secret: string): Promise<FakeEventSubscriber> {
  const received: ReceivedEvent[] = [];
  const sockets = new Set<Socket>();
  const state = { calls: 0, answer: null as number | null };
  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.calls++;
      if (state.answer !== null) return void res.writeHead(state.answer).end();
      const body = Buffer.concat(chunks).toString('utf8');
      const problem = verifyEventSignature(secret, req.headers[EVENT_SIGNATURE_HEADER] as string | undefined, body, Math.floor(Date.now() / 1000));
      received.push({ event: JSON.parse(body) as ChatopsEvent, signatureProblem: problem, headers: req.headers });
      res.writeHead(problem ? 401 : 200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  };
  let server = http.createServer(handler);
  server.on('connection', (s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const stop = () => new Promise<void>((r) => {
    for (const s of sockets) s.destroy();
    server.close(() => r());
  });
  return {
    url: `http://127.0.0.1:${port}/webhook/chatops`,
    received,
    get calls() { return state.calls; },
    get answer() { return state.answer; },
    set answer(v) { state.answer = v; },
    down: stop,
    async up() {
      server = http.createServer(handler);
      server.on('connection', (s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
      await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    },
    close: stop,
  };
}
