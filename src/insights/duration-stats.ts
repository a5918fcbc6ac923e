import type { DurationStats } from './insight-types.ts';

/**
 * Percentiles by nearest rank (the smallest value with at least p of the values at or below it),
 * so p50 of [1, 2, 3, 4] is 2 and every percentile is a duration that happened. Redis answers the
 * same rank from a sorted set (ZRANGE key rank rank), which is how the reader computes them.
 */
export function nearestRank(p: number, count: number): number {
  return Math.max(0, Math.ceil(p * count) - 1);
}

export function durationStats(values: readonly number[]): DurationStats {
  if (values.length === 0) return { count: 0, p50Hours: null, p90Hours: null };
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50Hours: round(sorted[nearestRank(0.5, sorted.length)] ?? 0), p90Hours: round(sorted[nearestRank(0.9, sorted.length)] ?? 0) };
}

/** Hours to two decimals: what a chart or a card shows, and stable in tests. */
export function round(hours: number): number {
  return Math.round(hours * 100) / 100;
}

export const EMPTY_STATS: DurationStats = { count: 0, p50Hours: null, p90Hours: null };
