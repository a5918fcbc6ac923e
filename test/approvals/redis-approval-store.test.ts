import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisApprovalStore } from '../../adapters/store/redis-approval-store.ts';
import { decisionBy, pendingRequest } from '../support/approval-fixtures.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';

const prefix = uniquePrefix('approvals');
let redis: Redis;
let store: RedisApprovalStore;

beforeAll(() => {
  redis = new Redis(testRedisUrl());
  store = new RedisApprovalStore(redis, prefix);
});
afterAll(async () => {
  await deleteKeys(testRedisUrl(), prefix);
  redis.disconnect();
});

describe('RedisApprovalStore', () => {
  it('opens one request per PO, whatever the number of concurrent openers', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.open(pendingRequest({ orderId: 100, id: `po-100-v${i}` }))));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const winner = results.find((r) => r.created)!.request.id;
    expect(new Set(results.map((r) => r.request.id))).toEqual(new Set([winner]));
    expect((await store.openFor(100))?.id).toBe(winner);
  });

  it('lets exactly one of 50 concurrent claims win, and tells the others who did', async () => {
    await store.open(pendingRequest({ orderId: 42 }));
    const claims = await Promise.all(Array.from({ length: 50 }, (_, i) => store.claimDecision('po-42-abc123def456', 'abc123def456', decisionBy(`U${i}`))));
    const winners = claims.filter((c) => c.won);
    expect(winners).toHaveLength(1);
    const winnerId = winners[0]!.request!.decision!.actor.userId;
    for (const c of claims.filter((c) => !c.won)) {
      expect(c).toMatchObject({ won: false, why: 'already_decided' });
      expect(c.request?.decision?.actor.userId).toBe(winnerId);
    }
    const stored = await store.get('po-42-abc123def456');
    expect(stored).toMatchObject({ status: 'decided', writeback: { state: 'queued' } });
  });

  it('refuses a claim on another version as stale', async () => {
    await store.open(pendingRequest({ orderId: 43, id: 'po-43-v2', version: 'v2-current' }));
    expect(await store.claimDecision('po-43-v2', 'v1-old-card', decisionBy('U1'))).toMatchObject({ won: false, why: 'stale' });
    expect(await store.claimDecision('missing-id', 'v1', decisionBy('U1'))).toEqual({ won: false, why: 'missing', request: null });
  });

  it('says which of 20 concurrent callers making the same change made it: exactly one', async () => {
    await store.open(pendingRequest({ orderId: 46, id: 'po-46-x' }));
    const close = (r: Parameters<Parameters<RedisApprovalStore['change']>[1]>[0]) => (r.status === 'pending' ? { ...r, status: 'decided_elsewhere' as const } : r);
    const results = await Promise.all(Array.from({ length: 20 }, () => store.change('po-46-x', close)));
    expect(results.filter((r) => r?.changed)).toHaveLength(1);
    expect(results.every((r) => r?.request.status === 'decided_elsewhere')).toBe(true);
    expect(await store.change('missing-id', close)).toBeNull();
  });

  it('keeps concurrent updates (no lost write) and bumps the revision each time', async () => {
    await store.open(pendingRequest({ orderId: 44, id: 'po-44-x' }));
    await Promise.all(Array.from({ length: 30 }, (_, i) => store.addCard('po-44-x', { platform: 'slack', channel: 'C1', messageId: `1700000000.${i}` })));
    const r = await store.get('po-44-x');
    expect(r?.cards).toHaveLength(30);
    expect(r?.revision).toBe(31);
  });

  it('closes a request so the PO can be requested again later', async () => {
    await store.open(pendingRequest({ orderId: 45, id: 'po-45-a' }));
    await store.close('po-45-a');
    expect(await store.openFor(45)).toBeNull();
    expect(await store.openIds()).not.toContain('po-45-a');
    expect((await store.open(pendingRequest({ orderId: 45, id: 'po-45-b' }))).created).toBe(true);
    expect(await store.get('po-45-a')).not.toBeNull();
  });
});
