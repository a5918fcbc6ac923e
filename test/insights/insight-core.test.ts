import { describe, expect, it } from 'vitest';
import { durationStats, nearestRank } from '../../src/insights/duration-stats.ts';
import { weekOf, weekOfIsoDate, weeksBetween } from '../../src/insights/insight-week.ts';
import { ageBucket } from '../../src/insights/open-exceptions-by-age.ts';
import { factKey } from '../../src/insights/insight-fact.ts';

describe('control tower core', () => {
  it('keys weeks by their Monday in the policy zone (Sunday night UTC is Monday in Brussels, still Sunday in Chicago)', () => {
    expect(weekOf('2026-03-08T23:30:00Z', 'Europe/Brussels')).toBe('2026-03-09');
    expect(weekOf('2026-03-08T23:30:00Z', 'America/Chicago')).toBe('2026-03-02');
    expect(weekOfIsoDate('2026-03-01')).toBe('2026-02-23'); // a Sunday belongs to the week before
    expect(weekOfIsoDate('2026-01-01')).toBe('2025-12-29');
    expect(weeksBetween(new Date('2026-03-01T23:00:00Z'), new Date('2026-03-15T23:00:00Z'), 'Europe/Brussels')).toEqual(['2026-03-02', '2026-03-09']);
    expect(weeksBetween(new Date('2026-03-02T00:00:00Z'), new Date('2026-03-02T00:00:00Z'), 'UTC')).toEqual([]);
  });

  it('percentiles by nearest rank: every percentile is a duration that happened', () => {
    expect(nearestRank(0.5, 4)).toBe(1);
    expect(nearestRank(0.9, 10)).toBe(8);
    expect(nearestRank(0.5, 1)).toBe(0);
    expect(durationStats([4, 1, 3, 2])).toEqual({ count: 4, p50Hours: 2, p90Hours: 4 });
    expect(durationStats([])).toEqual({ count: 0, p50Hours: null, p90Hours: null });
  });

  it('ages open exceptions in elapsed days', () => {
    const now = new Date('2026-03-12T12:00:00Z');
    expect(ageBucket(new Date('2026-03-12T00:00:00Z'), now)).toBe('<1d');
    expect(ageBucket(new Date('2026-03-11T12:00:00Z'), now)).toBe('1-3d');
    expect(ageBucket(new Date('2026-03-09T11:59:00Z'), now)).toBe('3-7d');
    expect(ageBucket(new Date('2026-03-05T12:00:00Z'), now)).toBe('>7d');
  });

  it('keeps labels out of keys', () => {
    expect(factKey('ap', 'cycle', '2026-03-02', 'rule', 'Big: capex')).toBe('ap:cycle:2026-03-02:rule:Big__capex');
  });
});
