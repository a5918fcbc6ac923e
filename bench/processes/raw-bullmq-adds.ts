import { Queue } from 'bullmq';
import { Redis } from 'ioredis';

/**
 * The queue's own speed, in its own process: `total` BullMQ adds, `concurrency` in flight at a
 * time, each job the size of an Odoo webhook body. Input (argv[2], JSON): { redisUrl, prefix,
 * total, concurrency }. Prints { addsPerSecond, ms, cpuMs }.
 */
const input = JSON.parse(process.argv[2] ?? '{}') as { redisUrl: string; prefix: string; total: number; concurrency: number };
const queue = new Queue('scan', { connection: new Redis(input.redisUrl, { maxRetriesPerRequest: null }), prefix: input.prefix });
await queue.waitUntilReady();
const body = (id: number) => ({ _action: 'Send Webhook Notification(#421)', _id: id, _model: 'purchase.order', id, name: `P${id}`, state: 'to approve', partner_id: 15, user_id: 8, amount_total: 12000.0, write_date: '2026-11-26 22:17:21.480189' });
let next = 0;
const cpu0 = process.cpuUsage();
const started = performance.now();
await Promise.all(
  Array.from({ length: input.concurrency }, async () => {
    while (next < input.total) {
      const id = ++next;
      await queue.add('baseline', body(id), { jobId: `raw-${id}` });
    }
  }),
);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ addsPerSecond: (input.total / ms) * 1000, ms, cpuMs: (cpu.user + cpu.system) / 1000 }));
await queue.close();
process.exit(0);
