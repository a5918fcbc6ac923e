import type { Redis } from 'ioredis';
import type { ApprovalRequest, Decision } from '../../src/approvals/approval-request.ts';
import { decideLevel } from '../../src/approvals/approval-chain.ts';
import type { ApprovalStore, ClaimResult, LevelClaimResult } from '../../src/ports/approval-store.ts';
import type { PostedMessage } from '../../src/ports/chat.ts';
import { changeDocument, readDocument } from './cas-document.ts';

/**
 * Approval requests in Redis. Each request is a hash {doc: JSON, rev: n}; every change is a
 * compare-and-set on rev in Lua, so concurrent clicks on several web or worker processes never
 * overwrite each other (no WATCH: connections are shared by concurrent callers).
 */
const OPEN = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX') then
  redis.call('HSET', KEYS[2], 'doc', ARGV[2], 'rev', ARGV[3])
  redis.call('PERSIST', KEYS[2])
  redis.call('SADD', KEYS[3], ARGV[1])
  return false
end
return redis.call('GET', KEYS[1])`;

const CAS = `
if redis.call('HGET', KEYS[1], 'rev') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'doc', ARGV[2], 'rev', ARGV[3])
return 1`;

const CLOSE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
redis.call('SREM', KEYS[2], ARGV[1])
redis.call('EXPIRE', KEYS[3], ARGV[2])
return 1`;

export class RedisApprovalStore implements ApprovalStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    /** How long a closed request stays readable (audit and late clicks). */
    private readonly closedRetentionSeconds = 90 * 24 * 3600,
  ) {}

  private reqKey = (id: string) => `${this.prefix}:approval:req:${id}`;
  private openKey = (orderId: number) => `${this.prefix}:approval:open-po:${orderId}`;
  private get openSet() {
    return `${this.prefix}:approval:open`;
  }

  async open(request: ApprovalRequest): Promise<{ created: boolean; request: ApprovalRequest }> {
    const existing = (await this.redis.eval(OPEN, 3, this.openKey(request.orderId), this.reqKey(request.id), this.openSet, request.id, JSON.stringify(request), String(request.revision))) as string | null;
    if (!existing) return { created: true, request };
    const current = await this.get(existing);
    if (current) return { created: false, request: current };
    // The pointer outlived its request (should not happen): take the slot over.
    await this.redis.del(this.openKey(request.orderId));
    return this.open(request);
  }

  get(requestId: string): Promise<ApprovalRequest | null> {
    return readDocument<ApprovalRequest>(this.redis, this.reqKey(requestId));
  }

  async openFor(orderId: number): Promise<ApprovalRequest | null> {
    const id = await this.redis.get(this.openKey(orderId));
    return id ? this.get(id) : null;
  }

  async openIds(): Promise<string[]> {
    return this.redis.smembers(this.openSet);
  }

  async claimDecision(requestId: string, version: string, decision: Decision): Promise<ClaimResult> {
    let outcome: ClaimResult | undefined;
    const request = await this.update(requestId, (r) => {
      const refused = notClaimable(r, version);
      if (refused) {
        outcome = { won: false, why: refused, request: r };
        return r;
      }
      outcome = undefined;
      return { ...r, status: 'decided', decision, writeback: { state: 'queued' } };
    });
    if (!request) return { won: false, why: 'missing', request: null };
    return outcome ?? { won: true, request };
  }

  async claimLevelDecision(requestId: string, version: string, level: number, decision: Decision): Promise<LevelClaimResult> {
    let outcome: LevelClaimResult | undefined;
    let final = false;
    // The change runs again after a lost compare-and-set race: it must decide from `r` alone.
    const request = await this.update(requestId, (r) => {
      const refused = notClaimable(r, version);
      if (refused) {
        outcome = { won: false, why: refused, request: r };
        return r;
      }
      const step = r.chain ? decideLevel(r.chain, level, decision) : ({ ok: false, why: 'level_moved' } as const);
      if (!step.ok) {
        outcome = { won: false, why: step.why, request: r };
        return r;
      }
      outcome = undefined;
      final = step.final;
      return step.final ? { ...r, chain: step.chain, status: 'decided', decision, writeback: { state: 'queued' } } : { ...r, chain: step.chain };
    });
    if (!request) return { won: false, why: 'missing', request: null };
    return outcome ?? { won: true, request, final };
  }

  async update(requestId: string, change: (r: ApprovalRequest) => ApprovalRequest): Promise<ApprovalRequest | null> {
    return (await this.change(requestId, change))?.request ?? null;
  }

  async change(requestId: string, change: (r: ApprovalRequest) => ApprovalRequest): Promise<{ request: ApprovalRequest; changed: boolean } | null> {
    const key = this.reqKey(requestId);
    const outcome = await changeDocument<ApprovalRequest>(this.redis, key, change, async (rev, after) => (await this.redis.eval(CAS, 1, key, rev, JSON.stringify(after), String(Number(rev) + 1))) === 1);
    return outcome ? { request: outcome.after, changed: outcome.after !== outcome.before } : null;
  }

  async addCard(requestId: string, card: PostedMessage): Promise<ApprovalRequest | null> {
    return this.update(requestId, (r) =>
      r.cards.some((c) => c.platform === card.platform && c.channel === card.channel && c.messageId === card.messageId) ? r : { ...r, cards: [...r.cards, card] },
    );
  }

  async close(requestId: string): Promise<void> {
    const request = await this.get(requestId);
    if (!request) return;
    await this.redis.eval(CLOSE, 3, this.openKey(request.orderId), this.openSet, this.reqKey(requestId), requestId, String(this.closedRetentionSeconds));
  }
}

/** Why a decision on `version` cannot be claimed on this request any more (null: it can). */
function notClaimable(r: ApprovalRequest, version: string): 'already_decided' | 'closed' | 'stale' | null {
  if (r.status !== 'pending') return r.status === 'decided' ? 'already_decided' : 'closed';
  return r.version !== version ? 'stale' : null;
}
