/**
 * The `requests:` section of the policy file: what a purchase request from chat must carry and
 * who may file one for which warehouse. Read from the same YAML document as the approval policy
 * (src/policy lets the key through), with `file:line:col` errors like the rest of the file.
 *
 * ```yaml
 * requests:
 *   required:                      # optional form fields made mandatory (reason, vendor, attachment)
 *     - fields: [reason]           # everywhere
 *     - warehouse: RTM             # a warehouse code (or name), a company or a product category
 *       fields: [attachment]
 *   justification:                 # above either, the reason must justify the request (20+ characters)
 *     max_quantity: 500
 *     max_amount: 5000             # quantity x the vendor's price, in the company's currency
 *   requesters:                    # Odoo login -> warehouse codes; "*" for everyone else
 *     warehouse@northgate-supply.example: [WH]
 *     "*": [WH, ATL, RNO, RTM]
 *   buyers:                        # product category -> buyer's Odoo login (else the product's Responsible)
 *     Safety & PPE: lortega@northgate-supply.example
 *   group_onto_draft: true         # add to an open draft RFQ of the same vendor and warehouse
 *   buyer_action_hours: 8          # business hours without a buyer action before it is an exception
 * ```
 */
import { z } from 'zod';
import type { PolicyProblem } from '../policy/policy-problem.ts';
import { readPolicySection } from '../policy/read-policy-section.ts';

export const OPTIONAL_FIELDS = ['reason', 'vendor', 'attachment'] as const;
export type OptionalField = (typeof OPTIONAL_FIELDS)[number];

const name = z.string().trim().min(1);
const requiredSchema = z.strictObject({
  fields: z.array(z.enum(OPTIONAL_FIELDS)).min(1),
  company: name.optional(),
  warehouse: name.optional(),
  category: name.optional(),
});
const sectionSchema = z
  .strictObject({
    required: z.array(requiredSchema).optional(),
    justification: z.strictObject({ max_quantity: z.number().positive().optional(), max_amount: z.number().positive().optional() }).optional(),
    requesters: z.record(z.string(), z.array(name)).optional(),
    buyers: z.record(z.string(), name).optional(),
    group_onto_draft: z.boolean().optional(),
    buyer_action_hours: z.number().positive().max(200).optional(),
  })
  .nullable()
  .optional();

export interface RequiredFieldsRule {
  fields: OptionalField[];
  /** Company name; warehouse code or name; product category name (or complete name). */
  company?: string;
  warehouse?: string;
  category?: string;
}

export interface RequestsSettings {
  required: RequiredFieldsRule[];
  maxQuantity: number | null;
  maxAmount: number | null;
  /** lower-cased login (or `*`) -> upper-cased warehouse codes; null: anyone for their companies' warehouses. */
  requesters: ReadonlyMap<string, readonly string[]> | null;
  /** lower-cased category name -> buyer's Odoo login. */
  buyers: ReadonlyMap<string, string>;
  groupOntoDraft: boolean;
  buyerActionHours: number;
}

export const DEFAULT_REQUESTS_SETTINGS: RequestsSettings = {
  required: [],
  maxQuantity: null,
  maxAmount: null,
  requesters: null,
  buyers: new Map(),
  groupOntoDraft: false,
  buyerActionHours: 8,
};

/** Reads `requests:` (defaults without it); throws a PolicyError at the first problem in file order. */
export function parseRequestsSection(text: string, source: string): RequestsSettings {
  const section = readPolicySection(text, source, 'requests', sectionSchema);
  const v = section.value;
  if (!v) return DEFAULT_REQUESTS_SETTINGS;
  const problems: PolicyProblem[] = [];
  (v.required ?? []).forEach((r, i) => {
    const scopes = [r.company, r.warehouse, r.category].filter((s) => s !== undefined);
    if (scopes.length > 1) problems.push({ path: ['requests', 'required', i], message: 'names more than one of company, warehouse, category; give each scope its own entry', omitGot: true });
  });
  for (const [login, codes] of Object.entries(v.requesters ?? {})) {
    if (login !== '*' && !/^\S+$/.test(login)) problems.push({ path: ['requests', 'requesters', login], message: 'must be an Odoo login (no spaces) or "*"', atKey: true });
    if (codes.length === 0) problems.push({ path: ['requests', 'requesters', login], message: 'lists no warehouse; leave the person out instead' });
  }
  if (problems.length > 0) section.fail(problems);
  return {
    required: (v.required ?? []).map((r) => ({ fields: [...new Set(r.fields)], ...(r.company ? { company: r.company } : {}), ...(r.warehouse ? { warehouse: r.warehouse } : {}), ...(r.category ? { category: r.category } : {}) })),
    maxQuantity: v.justification?.max_quantity ?? null,
    maxAmount: v.justification?.max_amount ?? null,
    requesters: v.requesters ? new Map(Object.entries(v.requesters).map(([login, codes]) => [login.toLowerCase(), codes.map((c) => c.toUpperCase())])) : null,
    buyers: new Map(Object.entries(v.buyers ?? {}).map(([category, login]) => [category.trim().toLowerCase(), login])),
    groupOntoDraft: v.group_onto_draft ?? false,
    buyerActionHours: v.buyer_action_hours ?? 8,
  };
}
