import type { Redis } from 'ioredis';
import type { ExceptionStore } from '../../src/alerts/lifecycle/exception-store.ts';
import type { TrackedException } from '../../src/alerts/lifecycle/tracked-exception.ts';
import { changeDocument, readDocument } from '../store/cas-document.ts';

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

  get(key: string): Promise<TrackedException | null> {
    return readDocument<TrackedException>(this.redis, this.docKey(key));
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
    let created: TrackedException | null = null;
    const outcome = await this.change(key, change, async () => {
      const fresh = create();
      if (!fresh) return null;
      const ok = await this.redis.eval(CREATE, 2, this.docKey(key), this.openSet, JSON.stringify(fresh), fresh.status === 'cleared' ? 'cleared' : 'open', key);
      if (ok !== 1) return 'retry'; // someone else created it meanwhile: apply the change to theirs
      created = fresh;
      return null;
    });
    if (created) return { before: null, after: created };
    return outcome ?? { before: null, after: null };
  }

  update(key: string, change: (t: TrackedException) => TrackedException) {
    return this.change(key, change, async () => null);
  }

  private async change(
    key: string,
    change: (t: TrackedException) => TrackedException,
    onMissing: () => Promise<'retry' | null>,
  ): Promise<{ before: TrackedException; after: TrackedException } | null> {
    const docKey = this.docKey(key);
    return changeDocument<TrackedException>(
      this.redis,
      docKey,
      change,
      async (rev, after) =>
        (await this.redis.eval(CAS, 2, docKey, this.openSet, rev, JSON.stringify(after), String(Number(rev) + 1), after.status === 'cleared' ? 'cleared' : 'open', key, String(this.clearedRetentionSeconds))) === 1,
      onMissing,
    );
  }
}
