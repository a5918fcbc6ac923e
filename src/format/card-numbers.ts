/** Numbers and money as every card shows them (Slack and Teams alike), in en-US form. */

/** 12500 EUR -> "€12,500.00"; an unknown currency code falls back to "12,500.00 XYZ"; no currency: "12,500.00". */
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

export function formatNumber(value: number, fractionDigits: number): string {
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}
