import type { Redis } from 'ioredis';

/**
 * Documents kept as a Redis hash {doc: JSON, rev: n} and changed only by compare-and-set on rev:
 * the pattern of approval requests, tracked exceptions and triage proposals. WATCH is no use
 * here (connections are shared by concurrent callers), so each write is a Lua script that checks
 * rev; a lost race reads again and re-applies the change.
 */
export interface CasOutcome<T> {
  before: T;
  after: T;
}

/** Reads, applies `change`, writes with `write(rev, after)` (a Lua CAS); retries lost races. */
export async function changeDocument<T extends { revision: number }>(
  redis: Redis,
  key: string,
  change: (current: T) => T,
  write: (rev: string, after: T) => Promise<boolean>,
  onMissing: () => Promise<CasOutcome<T> | 'retry' | null> = async () => null,
): Promise<CasOutcome<T> | null> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const [doc, rev] = await redis.hmget(key, 'doc', 'rev');
    if (!doc || rev === null || rev === undefined) {
      const created = await onMissing();
      if (created === 'retry') continue;
      return created;
    }
    const before = JSON.parse(doc) as T;
    const next = change(before);
    if (next === before) return { before, after: before };
    const after = { ...next, revision: before.revision + 1 };
    if (await write(rev, after)) return { before, after };
  }
  throw new Error(`${key}: too much contention, gave up after 200 attempts`);
}

/** The document at key, or null. */
export async function readDocument<T>(redis: Redis, key: string): Promise<T | null> {
  const doc = await redis.hget(key, 'doc');
  return doc ? (JSON.parse(doc) as T) : null;
}
