import type { Redis } from 'ioredis';
import type { TriageStore } from '../../src/triage/flow/triage-ports.ts';
import type { TriageProposal } from '../../src/triage/flow/triage-proposal.ts';
import { changeDocument, readDocument } from '../store/cas-document.ts';

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

  get(id: string): Promise<TriageProposal | null> {
    return readDocument<TriageProposal>(this.redis, this.key(id));
  }

  async update(id: string, change: (p: TriageProposal) => TriageProposal): Promise<TriageProposal | null> {
    const key = this.key(id);
    const outcome = await changeDocument<TriageProposal>(this.redis, key, change, async (rev, after) =>
      (await this.redis.eval(CAS, 1, key, rev, JSON.stringify(after), String(Number(rev) + 1), String(this.retentionSeconds))) === 1,
    );
    return outcome?.after ?? null;
  }
}
