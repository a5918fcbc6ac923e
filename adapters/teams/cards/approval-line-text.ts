import type { ApprovalCardLine } from '../../../src/approvals/approval-card-view.ts';
import { formatAmount, formatQuantity } from './card-values.ts';
import { cardTextWithin, escapeCardText } from './escape-card-text.ts';

/** "• Steel bolts M8 — 3 Units × €12.50 = €37.50", escaped. */
export function lineText(line: ApprovalCardLine, currency: string, descriptionMax: number): string {
  const qty = `${formatQuantity(line.quantity)}${line.uom ? ` ${line.uom}` : ''}`;
  const money = `${qty} × ${formatAmount(line.priceUnit, currency)} = ${formatAmount(line.subtotal, currency)}`;
  return `• ${cardTextWithin(line.description, descriptionMax, { singleLine: true })} — ${escapeCardText(money, { singleLine: true })}`;
}
