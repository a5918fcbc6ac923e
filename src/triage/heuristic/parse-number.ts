/**
 * A number as suppliers write it: "1,200" and "1.200" (thousands), "7,5" and "0,082" (decimal
 * comma), "5.280,00" and "5,280.00". A lone separator followed by exactly three digits groups
 * thousands (quantities like "40.000 Stk" are far more common than three-decimal values),
 * except after a leading 0 ("0,082 €").
 */
export function parseNumber(raw: string): number | null {
  const text = raw.replace(/[\s\u00a0\u202f']/g, '').replace(/^[+−-]/, (s) => (s === '+' ? '' : '-'));
  if (!/^-?\d[\d.,]*$/.test(text)) return null;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  let normalized: string;
  if (lastComma >= 0 && lastDot >= 0) {
    normalized = lastComma > lastDot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const parts = text.split(sep);
    const thousands = parts.length > 2 || ((parts[1]?.length ?? 0) === 3 && !/^-?0$/.test(parts[0] ?? ''));
    normalized = thousands ? parts.join('') : parts.join('.');
  } else {
    normalized = text;
  }
  const value = Number(normalized);
  return Number.isFinite(value) ? value : null;
}
