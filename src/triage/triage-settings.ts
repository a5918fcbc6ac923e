/**
 * The `triage:` section of the policy file, read from the same YAML document as the approval
 * policy (src/policy parses the rest and, being strict, must be told to let `triage:` through).
 * Errors name `file:line:col` like the policy's.
 *
 * ```yaml
 * triage:
 *   unmatched_channel: "#purchasing"      # emails no PO matched (and buyers not found in chat)
 *   finance_channel: "#accounts-payable"  # invoice queries, and the bill-mismatch cards
 *   warehouse_lead:                       # warehouse (name, code or id) -> Odoo login
 *     Joliet DC: warehouse@northgate-supply.example
 *     ATL: amitchell@northgate-supply.example
 *   chatter_scan_seconds: 60              # how often the PO chatter is scanned for new emails
 * ```
 */
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { CodedError } from '../errors/coded-error.ts';
import { locateInYaml } from '../policy/locate-in-yaml.ts';

const name = z.string().trim().min(1, { error: 'must not be empty' });

const triageSchema = z
  .strictObject({
    unmatched_channel: name.default('#purchasing'),
    finance_channel: name.default('#accounts-payable'),
    warehouse_lead: z.record(z.string(), name.refine((v) => !/\s/.test(v), { error: 'must be an Odoo login' })).default({}),
    chatter_scan_seconds: z.number().int().min(10, { error: 'must be at least 10' }).default(60),
  })
  .prefault({});

export interface TriageSettings {
  unmatchedChannel: string;
  financeChannel: string;
  /** Warehouse name, code or id (as written) -> the lead's Odoo login. */
  warehouseLeads: ReadonlyArray<{ warehouse: string; login: string }>;
  chatterScanSeconds: number;
}

/** The settings with every default (no `triage:` section). */
export function defaultTriageSettings(): TriageSettings {
  return parseTriageSection('{}', 'defaults');
}

/** The lead of a warehouse by name, code or id (case-insensitive), or null. */
export function warehouseLeadOf(settings: TriageSettings, warehouse: { id: number; name: string; code?: string | null } | null): string | null {
  if (!warehouse) return null;
  const keys = [String(warehouse.id), warehouse.name, warehouse.code ?? ''].map((k) => k.trim().toLowerCase()).filter(Boolean);
  return settings.warehouseLeads.find((l) => keys.includes(l.warehouse.trim().toLowerCase()))?.login ?? null;
}

/**
 * Reads `triage:` from a policy file's text (other keys are other features' business).
 * Throws a CodedError `triage_settings_invalid`: `source:line:col: path what is expected`.
 */
export function parseTriageSection(text: string, source: string): TriageSettings {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = lines.linePos(syntax.pos[0]);
    throw new CodedError('triage_settings_invalid', `${source}:${pos.line}:${pos.col}: ${syntax.message.split('\n')[0]}`, false);
  }
  const data = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
  const parsed = triageSchema.safeParse(data.triage ?? undefined);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = ['triage', ...issue.path];
    const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const at = locateInYaml(doc, lines, unknownKey ? [...path, unknownKey] : path, unknownKey !== undefined);
    const message = unknownKey ? `is not a triage setting (expected unmatched_channel, finance_channel, warehouse_lead, chatter_scan_seconds)` : issue.message;
    const got = unknownKey || at.got === null ? '' : ` (got ${at.got})`;
    throw new CodedError('triage_settings_invalid', `${source}:${at.line}:${at.column}: ${at.displayPath || 'triage'} ${message}${got}`, false);
  }
  const t = parsed.data;
  return {
    unmatchedChannel: t.unmatched_channel,
    financeChannel: t.finance_channel,
    warehouseLeads: Object.entries(t.warehouse_lead).map(([warehouse, login]) => ({ warehouse, login })),
    chatterScanSeconds: t.chatter_scan_seconds,
  };
}
