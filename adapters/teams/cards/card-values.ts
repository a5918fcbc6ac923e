/**
 * Numbers, money and times as the Teams cards show them. Times use the Adaptive Card
 * `{{DATE()}}` / `{{TIME()}}` functions, which every Teams client (mobile too) renders in the
 * reader's own time zone, like Slack's `<!date^…>` token does.
 */

/** 12500 EUR -> "€12,500.00"; an unknown currency code falls back to "12,500.00 XYZ". */
export function formatAmount(amount: number, currency: string | null): string {
  if (!currency) return formatNumber(amount, 2);
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount);
  } catch {
    return `${formatNumber(amount, 2)} ${currency}`;
  }
}

/** Quantities without noise: 3 -> "3", 2.5 -> "2.5", 1234.5678 -> "1,234.568". */
export function formatQuantity(quantity: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }).format(quantity);
}

function formatNumber(value: number, digits: number): string {
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

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
