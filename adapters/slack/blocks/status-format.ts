import type { ListItem } from '../../../src/status/index.ts';
import { mrkdwnText } from '../mrkdwn.ts';
import { formatAmount } from './format-values.ts';

/** A link whose label is escaped: Odoo names never break out of `<url|label>`. */
export function link(url: string, label: string): string {
  return `<${url.replace(/[<>|\s]/g, encodeURIComponent)}|${mrkdwnText(label, { singleLine: true }).replace(/\|/g, '¦')}>`;
}

export function money(amount: number, currency: string | null): string {
  return formatAmount(amount, currency);
}

/** One list line: *P00042* · Vendor · $12,000.00: why it is listed. */
export function itemLine(item: ListItem): string {
  const parts = [`*${link(item.odooUrl, item.orderName)}*`, item.vendor ? mrkdwnText(item.vendor, { singleLine: true }) : null, item.amountTotal ? money(item.amountTotal, item.currency) : null];
  return `${parts.filter(Boolean).join(' · ')}\n${mrkdwnText(item.headline, { singleLine: true })}`;
}
