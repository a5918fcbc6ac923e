import { createServer, type IncomingMessage } from 'node:http';

export type FakeOpenAiReply =
  | { kind: 'json'; content: unknown; finishReason?: 'stop' | 'length'; usage?: { prompt: number; completion: number } }
  | { kind: 'raw'; content: string; finishReason?: 'stop' | 'length' }
  | { kind: 'refusal'; refusal: string }
  | { kind: 'status'; status: number; retryAfterMs?: number }
  | { kind: 'hang' };

export interface FakeOpenAi {
  /** The base URL to give the SDK (ends with /v1). */
  url: string;
  requests: Array<{ path: string; body: Record<string, unknown> }>;
  /** Replies in order; when empty, the last one repeats. */
  reply(...replies: FakeOpenAiReply[]): void;
  stop(): Promise<void>;
}

/** An OpenAI-compatible chat completions endpoint on loopback, scripted per test. */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: FakeOpenAi['requests'] = [];
  let script: FakeOpenAiReply[] = [];
  let last: FakeOpenAiReply = { kind: 'status', status: 500 };
  const hanging = new Set<() => void>();
  const read = (req: IncomingMessage) => new Promise<string>((ok) => {
    let b = '';
    req.on('data', (d) => (b += String(d)));
    req.on('end', () => ok(b));
  });
  const server = createServer(async (req, res) => {
    const body = JSON.parse((await read(req)) || '{}') as Record<string, unknown>;
    requests.push({ path: req.url ?? '', body });
    const r = script.shift() ?? last;
    last = r;
    const completion = (message: Record<string, unknown>, finish: string, usage = { prompt: 120, completion: 80 }) => ({
      id: `chatcmpl-${requests.length}`, object: 'chat.completion', created: Math.floor(Date.now() / 1000), model: String(body.model),
      choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finish, logprobs: null }],
      usage: { prompt_tokens: usage.prompt, completion_tokens: usage.completion, total_tokens: usage.prompt + usage.completion },
    });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    switch (r.kind) {
      case 'json':
        return send(200, completion({ content: JSON.stringify(r.content), refusal: null }, r.finishReason ?? 'stop', r.usage));
      case 'raw':
        return send(200, completion({ content: r.content, refusal: null }, r.finishReason ?? 'stop'));
      case 'refusal':
        return send(200, completion({ content: null, refusal: r.refusal }, 'stop'));
      case 'status':
        return send(r.status, { error: { message: `fake error ${r.status}`, type: 'fake', code: null } }, r.retryAfterMs !== undefined ? { 'retry-after-ms': String(r.retryAfterMs) } : {});
      case 'hang':
        hanging.add(() => res.destroy());
        return;
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`,
    requests,
    reply(...replies) {
      script = replies;
      if (replies.length) last = replies[replies.length - 1]!;
    },
    stop: () =>
      new Promise((done) => {
        for (const h of hanging) h();
        server.close(() => done());
      }),
  };
}
