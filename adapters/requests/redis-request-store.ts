import type { Redis } from 'ioredis';
import type { RequestStore } from '../../src/ports/request-store.ts';
import type { PurchaseRequest } from '../../src/requests/purchase-request.ts';
import { changeDocument, readDocument } from '../store/cas-document.ts';

// Created with its indexes in one script: a request is never stored without being findable.
const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'doc', ARGV[1], 'rev', ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
redis.call('SADD', KEYS[3], ARGV[4])
return 1`;

const CAS = `
if redis.call('HGET', KEYS[1], 'rev') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'doc', ARGV[2], 'rev', ARGV[3])
return 1`;

/**
 * Purchase requests in Redis, as approval requests are: a hash {doc, rev} per request changed by
 * compare-and-set in Lua; a sorted set per requester (newest first), a set per RFQ, and the set
 * of requests waiting for a buyer (for the overdue tick).
 */
export class RedisRequestStore implements RequestStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key = (id: string) => `${this.prefix}:request:${id}`;
  private byRequester = (login: string) => `${this.prefix}:requests:by-requester:${login.toLowerCase()}`;
  private byOrder = (orderId: number) => `${this.prefix}:requests:by-order:${orderId}`;
  private waiting = () => `${this.prefix}:requests:waiting`;

  async create(r: PurchaseRequest): Promise<boolean> {
    const ok = await this.redis.eval(CREATE, 3, this.key(r.id), this.byRequester(r.requester.login), this.waiting(), JSON.stringify(r), String(r.revision), String(Date.parse(r.createdAt)), r.id);
    return ok === 1;
  }

  get(id: string): Promise<PurchaseRequest | null> {
    return readDocument<PurchaseRequest>(this.redis, this.key(id));
  }

  async update(id: string, change: (current: PurchaseRequest) => PurchaseRequest): Promise<PurchaseRequest | null> {
    const key = this.key(id);
    const outcome = await changeDocument<PurchaseRequest>(this.redis, key, change, async (rev, after) =>
      (await this.redis.eval(CAS, 1, key, rev, JSON.stringify(after), String(Number(rev) + 1))) === 1,
    );
    const after = outcome?.after;
    if (!after) return null;
    // Index upkeep is idempotent: re-applied on every change, whoever made it.
    if (after.order) await this.redis.sadd(this.byOrder(after.order.id), after.id);
    if (after.state !== 'submitted' && after.state !== 'requested') await this.redis.srem(this.waiting(), after.id);
    return after;
  }

  async forRequester(login: string, limit = 10): Promise<PurchaseRequest[]> {
    return this.many(await this.redis.zrevrange(this.byRequester(login), 0, limit - 1));
  }

  async forOrder(orderId: number): Promise<PurchaseRequest[]> {
    return this.many(await this.redis.smembers(this.byOrder(orderId)));
  }

  async waitingForBuyer(): Promise<PurchaseRequest[]> {
    return (await this.many(await this.redis.smembers(this.waiting()))).filter((r) => r.state === 'requested');
  }

  private async many(ids: string[]): Promise<PurchaseRequest[]> {
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hget(this.key(id), 'doc');
    const results = (await pipeline.exec()) ?? [];
    return results.flatMap(([, doc]) => (typeof doc === 'string' ? [JSON.parse(doc) as PurchaseRequest] : []));
  }
}
