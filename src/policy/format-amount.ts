const AMOUNT = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const MONEY = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A band bound or a limit as people write it: `5,000`, `2,500.5`. */
export function formatAmount(value: number): string {
  return AMOUNT.format(value);
}

/** An order amount with cents and currency: `12,000.00 USD` (currency omitted when unknown). */
export function formatMoney(value: number, currency: string | null): string {
  return currency ? `${MONEY.format(value)} ${currency}` : MONEY.format(value);
}
