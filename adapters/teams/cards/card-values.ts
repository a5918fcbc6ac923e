/**
 * Numbers, money and times as the Teams cards show them. Times use the Adaptive Card
 * `{{DATE()}}` / `{{TIME()}}` functions, which every Teams client (mobile too) renders in the
 * reader's own time zone, like Slack's `<!date^…>` token does.
 */

export { formatAmount, formatQuantity } from '../../../src/format/card-numbers.ts';

// The functions accept RFC 3339 without fractional seconds only; anything else renders raw.
function rfc3339(iso: string | Date): string | null {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return null;
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** "Mar 2, 2026" in the reader's time zone. */
export function cardDate(iso: string | Date): string {
  const at = rfc3339(iso);
  return at ? `{{DATE(${at}, SHORT)}}` : 'unknown';
}

/** "14:02" in the reader's time zone. */
export function cardTime(iso: string | Date): string {
  const at = rfc3339(iso);
  return at ? `{{TIME(${at})}}` : 'an unknown time';
}

/** "Mar 2, 2026 14:02" in the reader's time zone. */
export function cardDateTime(iso: string | Date): string {
  const at = rfc3339(iso);
  return at ? `{{DATE(${at}, SHORT)}} {{TIME(${at})}}` : 'an unknown time';
}
