import type { Redis } from 'ioredis';
import type { CardsShown } from '../../src/ports/cards-shown.ts';

/** Raises the stored revision only: two workers finishing out of order never lower it. */
const RAISE = `
local v = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
if tonumber(ARGV[1]) > v then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) end
return 1`;

/** The revision each message shows, in Redis, kept as long as closed requests are (late clicks). */
export class RedisCardsShown implements CardsShown {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds = 90 * 24 * 3600,
  ) {}

  private key = (messageKey: string) => `${this.prefix}:approval:shown:${messageKey}`;

  async shown(messageKey: string): Promise<number> {
    return Number((await this.redis.get(this.key(messageKey))) ?? 0) || 0;
  }

  async markShown(messageKey: string, revision: number): Promise<void> {
    await this.redis.eval(RAISE, 1, this.key(messageKey), String(revision), String(this.ttlSeconds));
  }
}
