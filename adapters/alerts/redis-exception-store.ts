import type { Redis } from 'ioredis';
import type { ExceptionStore } from '../../src/alerts/lifecycle/exception-store.ts';
import type { TrackedException } from '../../src/alerts/lifecycle/tracked-exception.ts';

/**
 * Tracked exceptions in Redis: one hash {doc: JSON, rev: n} per key, and a set of the keys not
 * cleared. Every change is a compare-and-set on rev in Lua (like the approval store), so scans,
 * clicks and ticks on any number of processes never overwrite each other. A cleared exception stays
 * readable for `clearedRetentionSeconds` (late clicks get a sensible answer), then expires.
 */
const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'doc', ARGV[1], 'rev', '0')
if ARGV[2] == 'open' then redis.call('SADD', KEYS[2], ARGV[3]) end
return 1`;

const CAS = `
if redis.call('HGET', KEYS[1], 'rev') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'doc', ARGV[2], 'rev', ARGV[3])
if ARGV[4] == 'open' then
  redis.call('SADD', KEYS[2], ARGV[5])
  redis.call('PERSIST', KEYS[1])
else
  redis.call('SREM', KEYS[2], ARGV[5])
  redis.call('EXPIRE', KEYS[1], ARGV[6])
end
return 1`;

export class RedisExceptionStore implements ExceptionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly clearedRetentionSeconds = 30 * 24 * 3600,
  ) {}

  private docKey = (key: string) => `${this.prefix}:alerts:exc:${key}`;
  private get openSet() {
    return `${this.prefix}:alerts:open`;
  }

  async get(key: string): Promise<TrackedException | null> {
    const doc = await this.redis.hget(this.docKey(key), 'doc');
    return doc ? (JSON.parse(doc) as TrackedException) : null;
  }

  async getMany(keys: readonly string[]): Promise<Map<string, TrackedException>> {
    const out = new Map<string, TrackedException>();
    for (let i = 0; i < keys.length; i += 500) {
      const chunk = keys.slice(i, i + 500);
      const pipeline = this.redis.pipeline();
      for (const k of chunk) pipeline.hget(this.docKey(k), 'doc');
      const results = (await pipeline.exec()) ?? [];
      results.forEach(([err, doc], j) => {
        if (!err && typeof doc === 'string') out.set(chunk[j]!, JSON.parse(doc) as TrackedException);
      });
    }
    return out;
  }

  openKeys(): Promise<string[]> {
    return this.redis.smembers(this.openSet);
  }

  async upsert(key: string, create: () => TrackedException | null, change: (t: TrackedException) => TrackedException) {
    for (let attempt = 0; attempt < 200; attempt++) {
      const [doc, rev] = await this.redis.hmget(this.docKey(key), 'doc', 'rev');
      if (!doc || rev === null || rev === undefined) {
        const fresh = create();
        if (!fresh) return { before: null, after: null };
        const created = await this.redis.eval(CREATE, 2, this.docKey(key), this.openSet, JSON.stringify(fresh), fresh.status === 'cleared' ? 'cleared' : 'open', key);
        if (created === 1) return { before: null, after: fresh };
        continue; // someone else created it meanwhile: apply the change to theirs
      }
      const written = await this.cas(key, doc, rev, change);
      if (written) return written;
    }
    throw new Error(`exception ${key}: too much contention, gave up after 200 attempts`);
  }

  async update(key: string, change: (t: TrackedException) => TrackedException) {
    for (let attempt = 0; attempt < 200; attempt++) {
      const [doc, rev] = await this.redis.hmget(this.docKey(key), 'doc', 'rev');
      if (!doc || rev === null || rev === undefined) return null;
      const written = await this.cas(key, doc, rev, change);
      if (written) return written;
    }
    throw new Error(`exception ${key}: too much contention, gave up after 200 attempts`);
  }

  private async cas(key: string, doc: string, rev: string, change: (t: TrackedException) => TrackedException): Promise<{ before: TrackedException; after: TrackedException } | null> {
    const before = JSON.parse(doc) as TrackedException;
    const next = change(before);
    if (next === before) return { before, after: before };
    const after = { ...next, revision: before.revision + 1 };
    const ok = await this.redis.eval(CAS, 2, this.docKey(key), this.openSet, rev, JSON.stringify(after), String(Number(rev) + 1), after.status === 'cleared' ? 'cleared' : 'open', key, String(this.clearedRetentionSeconds));
    return ok === 1 ? { before, after } : null;
  }
}
