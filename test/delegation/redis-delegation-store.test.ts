import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRedis } from '../../adapters/store/redis-connection.ts';
import { RedisDelegationStore } from '../../adapters/store/redis-delegation-store.ts';
import type { Delegation } from '../../src/delegation/delegation.ts';
import { effectiveDelegations } from '../../src/delegation/effective-delegations.ts';
import { findDelegationProblem } from '../../src/delegation/find-delegation-loop.ts';
import { deleteKeys, testRedisUrl, uniquePrefix } from '../support/redis.ts';

const BY = { platform: 'slack' as const, userId: 'U0TEST' };
let connections: Redis[] = [];
let prefix: string;

function d(from: string, to: string, over: Partial<Delegation> = {}): Delegation {
  return { id: `chat-${from}-${Math.random()}`, from, to, fromName: from, toName: to, startsOn: '2026-12-01', until: '2026-12-31', source: 'chat', createdBy: BY, createdAt: '2026-11-27T10:00:00.000Z', ...over };
}

/** The use case's check: the candidate against every other chat delegation (it replaces its own). */
const loopCheck = (candidate: Delegation) => (current: readonly Delegation[]) =>
  findDelegationProblem(candidate, effectiveDelegations([], current.filter((x) => x.from.toLowerCase() !== candidate.from.toLowerCase())));

beforeAll(() => {
  connections = [createRedis(testRedisUrl()), createRedis(testRedisUrl()), createRedis(testRedisUrl())];
});
afterAll(() => {
  for (const c of connections) c.disconnect();
});
afterEach(async () => {
  await deleteKeys(testRedisUrl(), prefix);
});

describe('RedisDelegationStore', () => {
  it('sets, replaces (one per person, case-insensitive), reads, clears, and keeps the events', async () => {
    prefix = uniquePrefix('deleg-store');
    const store = new RedisDelegationStore(connections[0]!, prefix);
    const first = d('Avery@x', 'dana@x');
    expect(await store.set(first, () => null)).toEqual({ stored: true, replaced: null });
    const second = d('avery@x', 'helen@x', { until: '2026-12-20' });
    expect(await store.set(second, () => null)).toEqual({ stored: true, replaced: first });
    expect(await store.get('AVERY@x')).toEqual(second);
    expect(await store.list()).toEqual([second]);
    expect(await store.listActive(new Date('2026-12-20T23:00:00Z'), 'America/Chicago')).toEqual([second]);
    expect(await store.listActive(new Date('2026-12-21T12:00:00Z'), 'America/Chicago')).toEqual([]);
    expect(await store.clear('avery@x', BY, new Date('2026-12-02T00:00:00Z'))).toEqual(second);
    expect(await store.clear('avery@x', BY, new Date('2026-12-02T00:00:00Z'))).toBeNull();
    expect(await store.list()).toEqual([]);
    const events = await store.events();
    expect(events.map((e) => [e.action, e.delegation.to, e.replaced?.to ?? null])).toEqual([['clear', 'helen@x', null], ['set', 'helen@x', 'dana@x'], ['set', 'dana@x', null]]);
  });

  it('stores nothing and writes no event when the check refuses', async () => {
    prefix = uniquePrefix('deleg-store');
    const store = new RedisDelegationStore(connections[0]!, prefix);
    expect(await store.set(d('a', 'b'), () => ({ why: 'no' }))).toEqual({ stored: false, refusal: { why: 'no' } });
    expect(await store.list()).toEqual([]);
    expect(await store.events()).toEqual([]);
  });

  it('caps the events and drops delegations that ended long ago on the next write', async () => {
    prefix = uniquePrefix('deleg-store');
    const store = new RedisDelegationStore(connections[0]!, prefix, 3);
    await store.set(d('old', 'x', { startsOn: '2026-01-01', until: '2026-01-31' }), () => null);
    for (const to of ['b', 'c', 'd']) await store.set(d('a', to, { startsOn: '2026-12-01' }), () => null);
    expect((await store.list()).map((x) => x.from)).toEqual(['a']);
    expect(await store.events(10)).toHaveLength(3);
  });

  it('stores exactly one of two opposite delegations made at once (A -> B, B -> A)', async () => {
    for (let round = 0; round < 20; round++) {
      prefix = uniquePrefix('deleg-race');
      const [s1, s2] = [new RedisDelegationStore(connections[1]!, prefix), new RedisDelegationStore(connections[2]!, prefix)];
      const ab = d('a', 'b');
      const ba = d('b', 'a');
      const outcomes = await Promise.all([s1.set(ab, loopCheck(ab)), s2.set(ba, loopCheck(ba))]);
      expect(outcomes.filter((o) => o.stored)).toHaveLength(1);
      const refused = outcomes.find((o) => !o.stored);
      expect(refused).toMatchObject({ stored: false, refusal: { code: 'loop' } });
      expect(await s1.list()).toHaveLength(1);
      expect(await s1.events()).toHaveLength(1);
      await deleteKeys(testRedisUrl(), prefix);
    }
  });

  it('keeps every one of many concurrent delegations of different people (no lost update)', async () => {
    prefix = uniquePrefix('deleg-many');
    const stores = connections.map((c) => new RedisDelegationStore(c, prefix));
    await Promise.all(Array.from({ length: 12 }, (_, i) => stores[i % 3]!.set(d(`p${i}`, `q${i}`), () => null)));
    expect(await stores[0]!.list()).toHaveLength(12);
  });
});
