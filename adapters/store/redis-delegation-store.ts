import type { Redis } from 'ioredis';
import type { ChatUserRef } from '../../src/approvals/approval-card-view.ts';
import { addDays, isActiveAt } from '../../src/delegation/delegation-days.ts';
import type { Delegation } from '../../src/delegation/delegation.ts';
import type { DelegationEvent, DelegationStore, SetDelegationOutcome } from '../../src/ports/delegation-store.ts';

/** Every chat delegation in one document, so a loop check sees all of them at one revision. */
interface ChatDelegations {
  revision: number;
  /** Lower-cased `from` login -> its delegation. */
  byFrom: Record<string, Delegation>;
}

/**
 * Writes the document only if its rev is still the one read (missing = '0'), and appends the
 * event to the capped audit list in the same script: the check the caller made on what it read
 * and the write are one atomic step, so two opposite delegations cannot both pass.
 */
const CAS = `
local rev = redis.call('HGET', KEYS[1], 'rev') or '0'
if rev ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'doc', ARGV[2], 'rev', tostring(tonumber(rev) + 1))
redis.call('LPUSH', KEYS[2], ARGV[3])
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[4]) - 1)
return 1`;

/** Ended delegations stay readable this long (show, audit), then the next write drops them. */
const KEEP_ENDED_DAYS = 30;

/**
 * Chat delegations in Redis: one hash {doc, rev} holding all of them, changed by compare-and-set
 * in Lua (no WATCH: connections are shared by concurrent callers), plus a capped list of events.
 */
export class RedisDelegationStore implements DelegationStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    /** How many set/clear events are kept. @defaultValue 1000 */
    private readonly maxEvents = 1000,
  ) {}

  private get docKey() {
    return `${this.prefix}:delegation:chat`;
  }
  private get eventsKey() {
    return `${this.prefix}:delegation:events`;
  }

  private async read(): Promise<{ rev: string; doc: ChatDelegations }> {
    const [doc, rev] = await this.redis.hmget(this.docKey, 'doc', 'rev');
    return { rev: rev ?? '0', doc: doc ? (JSON.parse(doc) as ChatDelegations) : { revision: 0, byFrom: {} } };
  }

  /** Reads, lets `change` decide, writes by CAS with the event; a lost race reads again. */
  private async change<T>(change: (doc: ChatDelegations) => { next: ChatDelegations; event: DelegationEvent; result: T } | { result: T }): Promise<T> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const { rev, doc } = await this.read();
      const outcome = change(doc);
      if (!('next' in outcome)) return outcome.result;
      const written = await this.redis.eval(CAS, 2, this.docKey, this.eventsKey, rev, JSON.stringify({ ...outcome.next, revision: doc.revision + 1 }), JSON.stringify(outcome.event), String(this.maxEvents));
      if (written === 1) return outcome.result;
    }
    throw new Error(`${this.docKey}: too much contention, gave up after 100 attempts`);
  }

  set<R>(delegation: Delegation, check: (current: readonly Delegation[]) => R | null): Promise<SetDelegationOutcome<R>> {
    const key = delegation.from.toLowerCase();
    const by = delegation.createdBy;
    // The file's delegations come with the policy; storing one here would make it editable from chat.
    if (delegation.source !== 'chat' || by === 'policy file') return Promise.reject(new Error(`${delegation.id}: only chat delegations are stored`));
    return this.change<SetDelegationOutcome<R>>((doc) => {
      const refusal = check(Object.values(doc.byFrom));
      if (refusal !== null) return { result: { stored: false, refusal } };
      const replaced = doc.byFrom[key] ?? null;
      const oldest = addDays(delegation.startsOn, -KEEP_ENDED_DAYS);
      const kept = Object.entries(doc.byFrom).filter(([from, d]) => from !== key && d.until >= oldest);
      return {
        next: { revision: doc.revision, byFrom: { ...Object.fromEntries(kept), [key]: delegation } },
        event: { at: delegation.createdAt, action: 'set', by, delegation, replaced },
        result: { stored: true, replaced },
      };
    });
  }

  clear(from: string, by: ChatUserRef, at: Date): Promise<Delegation | null> {
    const key = from.toLowerCase();
    return this.change<Delegation | null>((doc) => {
      const ended = doc.byFrom[key];
      if (!ended) return { result: null };
      const { [key]: _gone, ...rest } = doc.byFrom;
      return { next: { revision: doc.revision, byFrom: rest }, event: { at: at.toISOString(), action: 'clear', by, delegation: ended, replaced: null }, result: ended };
    });
  }

  async get(from: string): Promise<Delegation | null> {
    return (await this.read()).doc.byFrom[from.toLowerCase()] ?? null;
  }

  async list(): Promise<Delegation[]> {
    return Object.values((await this.read()).doc.byFrom);
  }

  async listActive(at: Date, timeZone: string): Promise<Delegation[]> {
    return (await this.list()).filter((d) => isActiveAt(d, at, timeZone));
  }

  async events(limit = 100): Promise<DelegationEvent[]> {
    const rows = await this.redis.lrange(this.eventsKey, 0, limit - 1);
    return rows.map((r) => JSON.parse(r) as DelegationEvent);
  }
}
