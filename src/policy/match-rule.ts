import type { ApprovalSubject } from './approval-subject.ts';
import { formatAmount, formatMoney } from './format-amount.ts';
import type { AmountBand, NameOrId, Policy, PolicyRule, RuleMatch } from './policy-types.ts';

/** The rule that applies to an order, and why, in words for the card. */
export interface RuleMatchResult {
  rule: PolicyRule;
  /** e.g. `amount 12,000.00 USD is in 5,000-50,000 for Northgate Supply Group` */
  reason: string;
}

function normal(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A name in a rule matches a record by id, by display name, or by the last part of a path name. */
function matchesName(wanted: NameOrId, id: number, names: readonly (string | null)[]): boolean {
  if (typeof wanted === 'number') return wanted === id;
  const w = normal(wanted);
  // Odoo shows categories as `All / Janitorial`; people write `Janitorial`.
  return names.some((n) => n !== null && (normal(n) === w || normal(n.split(' / ').at(-1) ?? '') === w));
}

/** Bands are `[min, max)`: min included, max excluded, so 0-5,000 and 5,000-50,000 never share an order. */
function inBand(amount: number, band: AmountBand): boolean {
  return (band.min === null || amount >= band.min) && (band.max === null || amount < band.max);
}

export function describeBand(band: AmountBand): string {
  if (band.min !== null && band.max !== null) return `${formatAmount(band.min)}-${formatAmount(band.max)}`;
  if (band.max !== null) return `under ${formatAmount(band.max)}`;
  return `${formatAmount(band.min ?? 0)} or more`;
}

/** The reason parts when every condition of `m` holds; null when one fails. */
function evaluate(m: RuleMatch, s: ApprovalSubject): { parts: string[]; company: string | null } | null {
  const parts: string[] = [];
  let company: string | null = null;
  if (m.companies) {
    if (!m.companies.some((c) => matchesName(c, s.company.id, [s.company.name]))) return null;
    company = s.company.name;
  }
  if (m.amountBands) {
    const band = m.amountBands.find((b) => inBand(s.amount, b));
    if (!band) return null;
    parts.push(`amount ${formatMoney(s.amount, s.currency)} is in ${describeBand(band)}`);
  }
  if (m.vendors) {
    const v = s.vendor;
    if (!v || !m.vendors.some((w) => matchesName(w, v.id, [v.name]))) return null;
    parts.push(`vendor is ${v.name}`);
  }
  if (m.categories) {
    const c = s.categories.find((cat) => m.categories!.some((w) => matchesName(w, cat.id, [cat.name])));
    if (!c) return null;
    parts.push(`a line is in category ${c.name}`);
  }
  if (m.warehouses) {
    const w = s.warehouses.find((wh) => m.warehouses!.some((x) => matchesName(x, wh.id, [wh.name, wh.code])));
    if (!w) return null;
    parts.push(`it goes to ${w.name}`);
  }
  return { parts, company };
}

/**
 * The first rule, in file order, whose conditions all hold. parsePolicy guarantees a last
 * catch-all rule, so there is always one.
 */
export function matchRule(policy: Policy, subject: ApprovalSubject): RuleMatchResult {
  for (const rule of policy.rules) {
    if (rule.match === null) {
      const money = formatMoney(subject.amount, subject.currency);
      return { rule, reason: `no specific rule matched (amount ${money} for ${subject.company.name}); default rule "${rule.name}"` };
    }
    const hit = evaluate(rule.match, subject);
    if (!hit) continue;
    const { parts, company } = hit;
    const reason = parts.length === 0 ? `order is for ${company}` : company ? `${parts.join(', ')} for ${company}` : parts.join(', ');
    return { rule, reason };
  }
  // Unreachable with a parsed policy; kept so a hand-built Policy fails loudly, not silently.
  throw new Error(`Policy ${policy.source} has no catch-all rule`);
}
