/** Amounts in cents, so that line subtotals add up to the order total exactly (currency rounding 0.01). */
export function cents(amount: number): number {
  return Math.round(amount * 100);
}

/** qty * price rounded to the cent, as Odoo rounds price_subtotal with the currency. */
export function subtotalCents(qty: number, price: number): number {
  return Math.round(qty * price * 100 + Number.EPSILON * 100);
}

/** Tax of a line, rounded per line (Odoo's default tax_calculation_rounding_method). */
export function taxCents(subtotal: number, ratePercent: number): number {
  return Math.round((subtotal * ratePercent) / 100);
}

export function fromCents(c: number): number {
  return c / 100;
}
