import type { EnqueueOptions, OnceJobQueue } from '../../src/ports/job-queue.ts';
import type { QueueName } from '../../src/queue/queue-names.ts';

export interface RememberingOnceQueueOptions {
  /** Keys remembered at most this long, whatever their TTL in Redis. @defaultValue 600 */
  maxRememberSeconds?: number;
  /** At most this many keys remembered; the oldest go first. @defaultValue 50_000 */
  maxKeys?: number;
  /** @defaultValue Date.now */
  nowMs?: () => number;
}

/**
 * A OnceJobQueue in front of another (the intake stream in Redis) that answers the repeats this
 * process has already taken without a round trip. Odoo 17/18 POST the same record version once per
 * automation rule, within milliseconds (recorded: three POSTs for one transition), so most webhook
 * repeats reach the process that took the first, and each would cost a Redis round trip.
 *
 * Only what is certain is answered here: a key this process claimed (until its TTL) is a repeat;
 * a repeat that arrives while the first is still in flight waits for it (whichever way it went,
 * the key is then held in Redis: a repeat; if it failed, the repeat tries again). Everything else,
 * including a key another process claimed, goes to the inner queue, which stays the truth shared by
 * every web process.
 */
export class RememberingOnceQueue implements OnceJobQueue {
  /** key -> when it is forgotten (ms); Map order is insertion order, so the oldest come first. */
  private readonly claimed = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<boolean>>();
  private readonly maxRememberMs: number;
  private readonly maxKeys: number;
  private readonly nowMs: () => number;

  constructor(
    private readonly inner: OnceJobQueue,
    options: RememberingOnceQueueOptions = {},
  ) {
    this.maxRememberMs = (options.maxRememberSeconds ?? 600) * 1000;
    this.maxKeys = options.maxKeys ?? 50_000;
    this.nowMs = options.nowMs ?? Date.now;
  }

  async enqueueOnce(once: { key: string; ttlSeconds: number }, queue: QueueName, name: string, data: unknown, options: EnqueueOptions): Promise<boolean> {
    const { key, ttlSeconds } = once;
    const now = this.nowMs();
    const until = this.claimed.get(key);
    if (until !== undefined) {
      if (until > now) return false;
      this.claimed.delete(key);
    }
    const pending = this.inFlight.get(key);
    if (pending) {
      // Taken by the first or found taken: held in Redis either way. Failed: try again here.
      const held = await pending.then(() => true, () => false);
      if (held) return false;
    }
    const taking = this.inner.enqueueOnce(once, queue, name, data, options);
    this.inFlight.set(key, taking);
    try {
      const added = await taking;
      if (added) this.remember(key, now + Math.min(ttlSeconds * 1000, this.maxRememberMs));
      return added;
    } finally {
      if (this.inFlight.get(key) === taking) this.inFlight.delete(key);
    }
  }

  /** How many keys are remembered now (for tests and metrics). */
  get size(): number {
    return this.claimed.size;
  }

  private remember(key: string, until: number): void {
    this.claimed.delete(key);
    this.claimed.set(key, until);
    const now = this.nowMs();
    for (const [oldest, expires] of this.claimed) {
      if (this.claimed.size <= this.maxKeys && expires > now) break;
      this.claimed.delete(oldest);
    }
  }
}
