/**
 * Numbers, money and times as cards show them. Dates and times use Slack's `<!date^…>` token so
 * each reader sees their own time zone; the fallback after `|` (UTC) shows where tokens do not.
 */

/** 12500 EUR -> "€12,500.00"; an unknown currency code falls back to "12,500.00 XYZ". */
export function formatAmount(amount: number, currency: string): string {
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

export function formatNumber(value: number, fractionDigits: number): string {
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}

/** "14:02" in the reader's time zone; "14:02 UTC" where Slack cannot localise. */
export function slackTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'an unknown time';
  return `<!date^${Math.floor(date.getTime() / 1000)}^{time}|${utcTime(date)}>`;
}

/** "Jan 15, 2026" in the reader's time zone; "2026-01-15" where Slack cannot localise. */
export function slackDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'unknown';
  return `<!date^${Math.floor(date.getTime() / 1000)}^{date_short}|${date.toISOString().slice(0, 10)}>`;
}

/** For plain text (notification fallbacks, confirm dialogs): "14:02 UTC". */
export function utcTime(date: Date | string): string {
  const d = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) return 'an unknown time';
  return `${d.toISOString().slice(11, 16)} UTC`;
}
