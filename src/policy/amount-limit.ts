import type { AmountLimit } from './policy-types.ts';

/**
 * The limit that applies in `currency`: a plain number applies in any currency; a per-currency
 * map without that currency allows nothing (0), so an unlisted currency never slips through.
 * null means unlimited.
 */
export function limitIn(limit: AmountLimit | null, currency: string | null): number | null {
  if (limit === null) return null;
  if (typeof limit === 'number') return limit;
  return (currency === null ? undefined : limit[currency]) ?? 0;
}

/** The wider of two limits already resolved in one currency (null = unlimited). */
export function widerLimit(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Math.max(a, b);
}
