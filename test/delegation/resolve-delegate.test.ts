import { describe, expect, it } from 'vitest';
import type { Delegation } from '../../src/delegation/delegation.ts';
import { effectiveDelegations } from '../../src/delegation/effective-delegations.ts';
import { findDelegationProblem } from '../../src/delegation/find-delegation-loop.ts';
import { resolveDelegate } from '../../src/delegation/resolve-delegate.ts';

const TZ = 'America/Chicago';

function d(from: string, to: string, startsOn: string, until: string, over: Partial<Delegation> = {}): Delegation {
  return { id: `chat-${from}`, from, to, fromName: from.toUpperCase(), toName: to.toUpperCase(), startsOn, until, source: 'chat', createdBy: { platform: 'slack', userId: `U${from}` }, createdAt: '2026-11-01T00:00:00.000Z', ...over };
}

describe('resolveDelegate', () => {
  it('returns null without an active delegation', () => {
    expect(resolveDelegate('a', [], new Date('2026-12-20T15:00:00Z'), TZ)).toBeNull();
    expect(resolveDelegate('a', [d('b', 'c', '2026-12-01', '2026-12-31')], new Date('2026-12-20T15:00:00Z'), TZ)).toBeNull();
  });

  it('follows a chain to its end, with every login on the way', () => {
    const all = [d('a', 'b', '2026-12-01', '2026-12-31'), d('b', 'c', '2026-12-01', '2026-12-31')];
    expect(resolveDelegate('A', all, new Date('2026-12-20T15:00:00Z'), TZ)).toMatchObject({ login: 'c', name: 'C', chain: ['A', 'b', 'c'] });
  });

  it('counts the end day inclusively, in the policy time zone', () => {
    const all = [d('a', 'b', '2026-12-18', '2026-12-24')];
    // 23:30 on Dec 24 in Chicago is 05:30 UTC on Dec 25: still the 24th there.
    expect(resolveDelegate('a', all, new Date('2026-12-25T05:30:00Z'), TZ)?.login).toBe('b');
    // 00:30 on Dec 25 in Chicago: over.
    expect(resolveDelegate('a', all, new Date('2026-12-25T06:30:00Z'), TZ)).toBeNull();
    // 23:30 on Dec 17 in Chicago (05:30 UTC on the 18th): not yet.
    expect(resolveDelegate('a', all, new Date('2026-12-18T05:30:00Z'), TZ)).toBeNull();
    expect(resolveDelegate('a', all, new Date('2026-12-18T06:30:00Z'), TZ)?.login).toBe('b');
    // The same instant judged in Amsterdam is already the 25th.
    expect(resolveDelegate('a', all, new Date('2026-12-25T05:30:00Z'), 'Europe/Amsterdam')).toBeNull();
  });

  it('only follows hops in force on that day', () => {
    const all = [d('a', 'b', '2026-12-01', '2026-12-31'), d('b', 'c', '2026-12-22', '2026-12-23')];
    expect(resolveDelegate('a', all, new Date('2026-12-20T15:00:00Z'), TZ)?.chain).toEqual(['a', 'b']);
    expect(resolveDelegate('a', all, new Date('2026-12-22T15:00:00Z'), TZ)?.chain).toEqual(['a', 'b', 'c']);
  });

  it('gives up on a loop (the request stays with its approver)', () => {
    const all = [d('a', 'b', '2026-12-01', '2026-12-31'), d('b', 'c', '2026-12-01', '2026-12-31'), d('c', 'a', '2026-12-01', '2026-12-31')];
    expect(resolveDelegate('a', all, new Date('2026-12-20T15:00:00Z'), TZ)).toBeNull();
  });

  it('stops after five hops', () => {
    const all = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].slice(0, 6).map((x, i, xs) => d(x, xs[i + 1] ?? 'g', '2026-12-01', '2026-12-31'));
    expect(resolveDelegate('a', all, new Date('2026-12-20T15:00:00Z'), TZ)).toMatchObject({ login: 'f', chain: ['a', 'b', 'c', 'd', 'e', 'f'] });
  });

  it("lets an approver's chat delegation win over the file's on the days it covers", () => {
    const file = [d('a', 'b', '2026-12-01', '2026-12-31', { id: 'policy-0', source: 'policy', createdBy: 'policy file' })];
    const chat = [d('a', 'c', '2026-12-10', '2026-12-12')];
    const all = effectiveDelegations(file, chat);
    expect(resolveDelegate('a', all, new Date('2026-12-11T15:00:00Z'), TZ)?.login).toBe('c');
    expect(resolveDelegate('a', all, new Date('2026-12-13T15:00:00Z'), TZ)?.login).toBe('b');
  });
});

describe('findDelegationProblem', () => {
  it('finds a direct loop only when the days overlap', () => {
    const others = [d('a', 'b', '2026-12-10', '2026-12-20')];
    expect(findDelegationProblem(d('b', 'a', '2026-12-18', '2026-12-30'), others)).toEqual({ code: 'loop', names: ['B', 'A', 'B'], day: '2026-12-18' });
    expect(findDelegationProblem(d('b', 'a', '2026-12-21', '2026-12-30'), others)).toBeNull();
    // Overlap only from a later day: found on the day it starts.
    expect(findDelegationProblem(d('b', 'a', '2026-12-01', '2026-12-12'), others)).toMatchObject({ code: 'loop', day: '2026-12-10' });
  });

  it('finds a loop of three', () => {
    const others = [d('a', 'b', '2026-12-01', '2026-12-31'), d('b', 'c', '2026-12-01', '2026-12-31')];
    expect(findDelegationProblem(d('c', 'a', '2026-12-05', '2026-12-06'), others)).toMatchObject({ code: 'loop', names: ['C', 'A', 'B', 'C'] });
    expect(findDelegationProblem(d('c', 'x', '2026-12-05', '2026-12-06'), others)).toBeNull();
  });

  it('ignores the earlier delegation the candidate replaces', () => {
    // a -> b is replaced by a -> c: b -> a makes no loop with a -> c... but c -> a would.
    const others = [d('b', 'a', '2026-12-01', '2026-12-31')];
    expect(findDelegationProblem(d('a', 'c', '2026-12-01', '2026-12-31'), others)).toBeNull();
  });

  it('refuses a chain of more than five hops through the candidate', () => {
    const others = ['a', 'b', 'c', 'd'].map((x, i, xs) => d(x, xs[i + 1] ?? 'e', '2026-12-01', '2026-12-31'));
    expect(findDelegationProblem(d('e', 'f', '2026-12-01', '2026-12-31'), others)).toBeNull();
    expect(findDelegationProblem(d('f', 'g', '2026-12-01', '2026-12-31'), [...others, d('e', 'f', '2026-12-01', '2026-12-31')])).toMatchObject({ code: 'chain_too_long', names: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] });
  });
});
