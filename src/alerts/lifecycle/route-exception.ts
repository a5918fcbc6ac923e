import type { ExceptionType, ProcurementException, RecordRef } from '../exception.ts';
import type { AlertRouting, RouteRule } from './alerts-settings.ts';

export interface Route {
  channels: string[];
  /** The owner's Odoo login from the rule, else null (then the detector's owner id counts). */
  ownerLogin: string | null;
  ownerUserId: number | null;
  /** The rule that matched, or `default`. */
  rule: string;
}

/** Extra names a record is known by (warehouse codes), looked up by the caller. */
export type AliasesOf = (ref: RecordRef) => readonly string[];

function typeMatches(patterns: readonly string[], type: ExceptionType): boolean {
  return patterns.some((p) => (p.endsWith('*') ? type.startsWith(p.slice(0, -1)) : p === type));
}

function refMatches(wanted: ReadonlyArray<string | number>, ref: RecordRef | null, aliases: AliasesOf): boolean {
  if (!ref) return false;
  const names = new Set([ref.name?.toLowerCase(), ...aliases(ref).map((a) => a.toLowerCase())]);
  return wanted.some((w) => (typeof w === 'number' ? w === ref.id : names.has(w.trim().toLowerCase()) || w.trim() === String(ref.id)));
}

function ruleMatches(rule: RouteRule, e: Pick<ProcurementException, 'type' | 'records'>, aliases: AliasesOf): boolean {
  if (rule.types && !typeMatches(rule.types, e.type)) return false;
  if (rule.company && !refMatches(rule.company, e.records.company, aliases)) return false;
  if (rule.warehouse && !refMatches(rule.warehouse, e.records.warehouse, aliases)) return false;
  if (rule.vendor && !refMatches(rule.vendor, e.records.vendor, aliases)) return false;
  return true;
}

/**
 * Where an exception goes and who owns it: the first rule whose type, company, warehouse and
 * vendor all match; no match goes to the default channel, so nothing is ever routed nowhere.
 */
export function routeException(e: Pick<ProcurementException, 'type' | 'records' | 'owner'>, routing: AlertRouting, aliases: AliasesOf = () => []): Route {
  const detectorOwner = e.owner.kind === 'buyer' ? e.owner.odooUserId : null;
  const rule = routing.rules.find((r) => ruleMatches(r, e, aliases));
  if (!rule) return { channels: [routing.defaultChannel], ownerLogin: null, ownerUserId: detectorOwner, rule: 'default' };
  return { channels: [...new Set(rule.channels)], ownerLogin: rule.ownerLogin, ownerUserId: rule.ownerLogin ? null : detectorOwner, rule: rule.name };
}
