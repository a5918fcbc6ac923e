import { createServer } from 'node:http';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';

/**
 * The baseline server of the HTTP benches, in its own process: bare node:http that reads the body,
 * parses it (JSON, or Slack's form), and answers; with `add`, one BullMQ add per request first,
 * with a job id derived from the body as the bot does (a repeat is one more round trip, no job);
 * with `xadd`, one XADD of the parsed body to a stream instead (the Redis work of the bot's intake).
 * Input (argv[2], JSON): { mode: 'respond' | 'add' | 'xadd', redisUrl?, prefix? }. Prints { port }.
 */
const input = JSON.parse(process.argv[2] ?? '{}') as { mode: 'respond' | 'add' | 'xadd'; redisUrl?: string; prefix?: string };
const queue = input.mode === 'add' ? new Queue('scan', { connection: new Redis(input.redisUrl!, { maxRetriesPerRequest: null }), prefix: input.prefix! }) : null;
// As the bot's intake connection: auto-pipelined, no offline queue.
const stream = input.mode === 'xadd' ? new Redis(input.redisUrl!, { enableAutoPipelining: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : null;
if (stream) await new Promise((ready) => stream.once('ready', ready));
let counter = 0;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    let data: Record<string, unknown>;
    let jobId: string;
    try {
      if (String(req.headers['content-type']).startsWith('application/json')) {
        data = JSON.parse(text) as Record<string, unknown>;
        jobId = `baseline-${String(data._model)}-${String(data._id)}-${String(data.write_date)}`.replace(/[: ]/g, '_');
      } else {
        data = JSON.parse(new URLSearchParams(text).get('payload') ?? '{}') as Record<string, unknown>;
        jobId = `baseline-click-${process.pid}-${counter++}`;
      }
    } catch {
      res.writeHead(400).end();
      return;
    }
    const answer = () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
    if (stream) return void stream.xadd(`${input.prefix!}:baseline-intake`, '*', 'i', jobId, 'd', JSON.stringify(data)).then(answer, () => res.writeHead(500).end());
    if (!queue) return answer();
    queue.add('baseline', data, { jobId }).then(answer, () => res.writeHead(500).end());
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  stream?.disconnect();
  void (queue ? queue.close() : Promise.resolve()).then(() => process.exit(0));
});
