import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { BurstGate } from '../../src/alerts/lifecycle/exception-store.ts';

/**
 * Per-channel burst windows in Redis, shared by every process: INCR on a counter that expires with
 * the window (the window's id is set with it), and a set of the keys waiting for the digest.
 */
const ADMIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[1])
end
local left = redis.call('PTTL', KEYS[1])
local id = redis.call('GET', KEYS[2]) or ARGV[2]
return {n, left, id}`;

const TAKE = `
local keys = redis.call('SMEMBERS', KEYS[1])
redis.call('DEL', KEYS[1])
return keys`;

export class RedisBurstGate implements BurstGate {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async admit(channel: string, max: number, windowMs: number) {
    const base = `${this.prefix}:alerts:burst:${channel}`;
    const [n, left, id] = (await this.redis.eval(ADMIT, 2, `${base}:count`, `${base}:window`, String(windowMs), randomUUID().slice(0, 8))) as [number, number, string];
    return { admitted: n <= max, window: id, windowLeftMs: Math.max(0, left) };
  }

  async hold(channel: string, keys: readonly string[]): Promise<void> {
    if (keys.length) await this.redis.sadd(`${this.prefix}:alerts:burst:${channel}:held`, ...keys);
  }

  async takeHeld(channel: string): Promise<string[]> {
    return (await this.redis.eval(TAKE, 1, `${this.prefix}:alerts:burst:${channel}:held`)) as string[];
  }
}
