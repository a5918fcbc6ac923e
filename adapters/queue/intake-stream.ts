import type { Redis } from 'ioredis';
import type { EnqueueOptions, JobQueue, OnceJobQueue } from '../../src/ports/job-queue.ts';
import { QUEUE_NAMES, type QueueName } from '../../src/queue/queue-names.ts';
import { onceRedisKey } from '../store/redis-once-store.ts';

/**
 * Claims a once-key and appends the entry, atomically (a script runs alone): KEYS[1] the once-key,
 * KEYS[2] the stream, ARGV[1] the TTL in seconds, ARGV[2..] the entry's fields. The key is set
 * after the XADD, so an XADD that fails leaves it unclaimed. 1: added; 0: claimed before.
 */
const ENQUEUE_ONCE_LUA = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('XADD', KEYS[2], '*', unpack(ARGV, 2))
redis.call('SET', KEYS[1], '1', 'EX', ARGV[1])
return 1`;

type WithEnqueueOnce = Redis & { chatopsIntakeEnqueueOnce(onceKey: string, stream: string, ttlSeconds: number, ...fields: string[]): Promise<number> };

/** The Redis stream the web process writes its intake to (clicks, webhooks), one per key prefix. */
export function intakeStreamKey(prefix: string): string {
  return `${prefix}:intake`;
}

/** One job as it waits in the intake stream: where it goes, and everything BullMQ's add needs. */
export interface IntakeEntry {
  queue: QueueName;
  name: string;
  jobId: string;
  data: unknown;
  /** Epoch ms before which the job must not run (a delayed enqueue), else absent. */
  notBefore?: number;
}

/** The stream entry's fields, flat as XADD takes them: q, n, i, d (JSON) and t (notBefore). */
export function intakeFields(entry: IntakeEntry): string[] {
  const fields = ['q', entry.queue, 'n', entry.name, 'i', entry.jobId, 'd', JSON.stringify(entry.data ?? null)];
  if (entry.notBefore !== undefined) fields.push('t', String(entry.notBefore));
  return fields;
}

/** Reads back what intakeFields wrote; null for anything else (it never came from this code). */
export function readIntakeFields(fields: string[]): IntakeEntry | null {
  const get = (name: string) => {
    for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
    return undefined;
  };
  const queue = get('q');
  const name = get('n');
  const jobId = get('i');
  const data = get('d');
  if (!queue || !(QUEUE_NAMES as readonly string[]).includes(queue) || !name || !jobId || data === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  const t = Number(get('t'));
  return { queue: queue as QueueName, name, jobId, data: parsed, ...(Number.isFinite(t) && get('t') !== undefined ? { notBefore: t } : {}) };
}

/**
 * The web process's JobQueue: a job is one XADD to the intake stream, and the worker's relay
 * (relay-intake.ts) adds it to its BullMQ queue under the same job id. Why not BullMQ's add here:
 * a click or a webhook must be durable before it is answered, and measured side by side on bare
 * node:http, one connection per request (`npm run bench -- approval-clicks`), BullMQ's add cost
 * 0.07 ms of CPU per request in a warmed-up process (0.25 ms after a single burst) against 0.02 ms
 * (0.07 ms) for one XADD, on an answer that costs 0.16 ms itself. The entry is as durable as the job (same Redis, same AOF); the relay's consumer group
 * hands a dead relay's entries to another, and the job id keeps a re-relayed entry one job.
 */
export class StreamIntakeQueue implements JobQueue, OnceJobQueue {
  private readonly key: string;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly now: () => number = Date.now,
  ) {
    this.key = intakeStreamKey(prefix);
    // EVALSHA, and EVAL once when Redis does not know the script yet (ioredis's defineCommand).
    if (!('chatopsIntakeEnqueueOnce' in redis)) redis.defineCommand('chatopsIntakeEnqueueOnce', { numberOfKeys: 2, lua: ENQUEUE_ONCE_LUA });
  }

  async enqueue(queue: QueueName, name: string, data: unknown, options: EnqueueOptions): Promise<void> {
    await this.redis.xadd(this.key, '*', ...intakeFields(this.entry(queue, name, data, options)));
  }

  /**
   * One round trip for a first webhook of a record version (was two: SET NX, then the add): the
   * claim uses the OnceStore's key (`<prefix>:once:<key>`), so both see the same claims.
   */
  async enqueueOnce(once: { key: string; ttlSeconds: number }, queue: QueueName, name: string, data: unknown, options: EnqueueOptions): Promise<boolean> {
    const added = await (this.redis as WithEnqueueOnce).chatopsIntakeEnqueueOnce(onceRedisKey(this.prefix, once.key), this.key, once.ttlSeconds, ...intakeFields(this.entry(queue, name, data, options)));
    return added === 1;
  }

  private entry(queue: QueueName, name: string, data: unknown, options: EnqueueOptions): IntakeEntry {
    return { queue, name, jobId: options.jobId, data, ...(options.delayMs ? { notBefore: this.now() + options.delayMs } : {}) };
  }
}
