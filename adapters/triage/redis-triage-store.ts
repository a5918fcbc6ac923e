import type { Redis } from 'ioredis';
import type { TriageStore } from '../../src/triage/flow/triage-ports.ts';
import type { TriageProposal } from '../../src/triage/flow/triage-proposal.ts';

const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'doc', ARGV[1], 'rev', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1`;

const CAS = `
if redis.call('HGET', KEYS[1], 'rev') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'doc', ARGV[2], 'rev', ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[4])
return 1`;

/**
 * Triage proposals in Redis, as approval requests are: a hash {doc: JSON, rev: n} per proposal,
 * every change a compare-and-set on rev in Lua (no WATCH: connections are shared by concurrent
 * callers). Proposals expire after the retention, counted from their last change.
 */
export class RedisTriageStore implements TriageStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    /** How long a proposal stays readable after its last change (late clicks, the record). */
    private readonly retentionSeconds = 90 * 24 * 3600,
  ) {}

  private key = (id: string) => `${this.prefix}:triage:proposal:${id}`;

  async create(proposal: TriageProposal): Promise<{ created: boolean; proposal: TriageProposal }> {
    const ok = await this.redis.eval(CREATE, 1, this.key(proposal.id), JSON.stringify(proposal), String(proposal.revision), String(this.retentionSeconds));
    if (ok === 1) return { created: true, proposal };
    const existing = await this.get(proposal.id);
    return existing ? { created: false, proposal: existing } : this.create(proposal);
  }

  async get(id: string): Promise<TriageProposal | null> {
    const doc = await this.redis.hget(this.key(id), 'doc');
    return doc ? (JSON.parse(doc) as TriageProposal) : null;
  }

  async update(id: string, change: (p: TriageProposal) => TriageProposal): Promise<TriageProposal | null> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const [doc, rev] = await this.redis.hmget(this.key(id), 'doc', 'rev');
      if (!doc || rev === null || rev === undefined) return null;
      const current = JSON.parse(doc) as TriageProposal;
      const next = change(current);
      if (next === current) return current;
      const written = { ...next, revision: current.revision + 1 } as TriageProposal;
      const ok = await this.redis.eval(CAS, 1, this.key(id), rev, JSON.stringify(written), String(Number(rev) + 1), String(this.retentionSeconds));
      if (ok === 1) return written;
    }
    throw new Error(`triage proposal ${id}: too much contention, gave up after 200 attempts`);
  }
}
