/**
 * Numbers, money and times as cards show them. Dates and times use Slack's `<!date^…>` token so
 * each reader sees their own time zone; the fallback after `|` (UTC) shows where tokens do not.
 */

export { formatAmount, formatNumber, formatQuantity } from '../../../src/format/card-numbers.ts';

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
