import type { OnceStore } from '../../src/ports/once-store.ts';

export interface RememberingOnceStoreOptions {
  /** Keys remembered at most this long, whatever their TTL in Redis. @defaultValue 600 */
  maxRememberSeconds?: number;
  /** At most this many keys remembered; the oldest go first. @defaultValue 50_000 */
  maxKeys?: number;
  /** @defaultValue Date.now */
  nowMs?: () => number;
}

/**
 * A OnceStore in front of another (Redis) that answers the repeats this process has already seen
 * without a round trip. Odoo 17/18 POST the same record version once per automation rule, within
 * milliseconds (recorded: three POSTs for one transition), so most webhook repeats reach the
 * process that took the first; each claim costs a Redis round trip and is most of a repeat's CPU.
 *
 * Only what is certain is answered here: a key this process claimed (until its TTL, and while it
 * was not released) is a repeat; a repeat that arrives while the first claim is still in flight
 * waits for it (whichever way it went, the key is then held in Redis: a repeat). Everything else,
 * including a key another process claimed, goes to the inner store, which stays the truth shared
 * by every web process.
 */
export class RememberingOnceStore implements OnceStore {
  /** key -> when it is forgotten (ms); Map order is insertion order, so the oldest come first. */
  private readonly claimed = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<boolean>>();
  private readonly maxRememberMs: number;
  private readonly maxKeys: number;
  private readonly nowMs: () => number;

  constructor(
    private readonly inner: OnceStore,
    options: RememberingOnceStoreOptions = {},
  ) {
    this.maxRememberMs = (options.maxRememberSeconds ?? 600) * 1000;
    this.maxKeys = options.maxKeys ?? 50_000;
    this.nowMs = options.nowMs ?? Date.now;
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    const now = this.nowMs();
    const until = this.claimed.get(key);
    if (until !== undefined) {
      if (until > now) return false;
      this.claimed.delete(key);
    }
    const pending = this.inFlight.get(key);
    if (pending) {
      // Claimed by the first or found taken: held in Redis either way. Failed: try again here.
      const held = await pending.then(() => true, () => false);
      if (held) return false;
    }
    const claim = this.inner.claim(key, ttlSeconds);
    this.inFlight.set(key, claim);
    try {
      const won = await claim;
      if (won) this.remember(key, now + Math.min(ttlSeconds * 1000, this.maxRememberMs));
      return won;
    } finally {
      if (this.inFlight.get(key) === claim) this.inFlight.delete(key);
    }
  }

  async release(key: string): Promise<void> {
    this.claimed.delete(key);
    await this.inner.release(key);
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
