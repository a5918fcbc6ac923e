import { createServer, connect, type Socket } from 'node:net';

export interface ToggleProxy {
  url: string;
  /** Cuts the connection of any request whose bytes contain `text` (e.g. one RPC method); null stops. */
  failRequestsContaining(text: string | null): void;
  /** Odoo "goes down": open connections are cut and new ones are refused until up(). */
  down(): void;
  /** The server "hangs": connections stay open but what the client sends is swallowed, until up(). */
  stall(): void;
  up(): void;
  /** Odoo "hangs": requests are held (not answered, not cut) until release() forwards them. */
  hold(): void;
  release(): void;
  stop(): Promise<void>;
}

/** A TCP proxy in front of a server on loopback, to take it down and bring it back mid-test. */
export async function startToggleProxy(targetPort: number): Promise<ToggleProxy> {
  let isDown = false;
  let stalled = false;
  let poison: string | null = null;
  let held: Array<() => void> | null = null;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    if (isDown) return client.destroy();
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.on('data', (chunk: Buffer) => {
      if (stalled) return;
      if (poison && chunk.includes(poison)) {
        client.destroy();
        upstream.destroy();
        return;
      }
      if (held) held.push(() => upstream.write(chunk));
      else upstream.write(chunk);
    });
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    failRequestsContaining(text) {
      poison = text;
    },
    down() {
      isDown = true;
      for (const s of sockets) s.destroy();
    },
    stall() {
      stalled = true;
    },
    up() {
      isDown = false;
      stalled = false;
    },
    hold() {
      held ??= [];
    },
    release() {
      const waiting = held ?? [];
      held = null;
      for (const send of waiting) send();
    },
    stop: () =>
      new Promise((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}
