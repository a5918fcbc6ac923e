import { formatAmount as formatCardAmount } from '../format/card-numbers.ts';
const AMOUNT = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** A band bound or a limit as people write it: `5,000`, `2,500.5`. */
export function formatAmount(value: number): string {
  return AMOUNT.format(value);
}

/** An order amount as every card shows money: `$12,000.00` (src/format/card-numbers.ts). */
export function formatMoney(value: number, currency: string | null): string {
  return formatCardAmount(value, currency);
}
