/**
 * The shape of the policy YAML (snake_case, as written). Cross-references (a rule naming an
 * approver, overlapping bands, ...) are checked afterwards by checkPolicyReferences, which needs
 * the whole file; this schema only says what each value must look like.
 */
import { z } from 'zod';
import { isIsoDate, isKnownTimeZone } from '../time/calendar-values.ts';

const name = z.string().trim().min(1);
const amount = z.number().min(0);
const businessHours = z.number().positive();

/** Accepts one value where a list is expected: `vendor: Acme` is `vendor: [Acme]`. */
function oneOrMany<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(item).min(1));
}

const limit = z.union([amount, z.record(z.string().regex(/^[A-Z]{3}$/), amount)], {
  error: 'must be an amount or a map of currency code to amount, like { USD: 25000 }',
});

const nameOrId = z.union([name, z.number().int().positive()], { error: 'must be a name or an id number' });

const timeZone = z.string().refine(isKnownTimeZone, { error: 'must be an IANA time zone such as "America/Chicago"' });

/** Per weekday key (`mon`, `mon-fri`): `"08:00-18:00"`, a list of ranges, or `closed`. */
const workingHours = z.record(z.string(), z.union([z.string(), z.array(z.string()), z.null()], {
  error: 'must be a time range like "08:00-18:00", a list of ranges, or closed',
}));

const isoDate = z.string().refine(isIsoDate, { error: 'must be a date YYYY-MM-DD' });
const holiday = z.union([isoDate, z.strictObject({ date: isoDate, name: z.string().optional() })], {
  error: 'must be a date YYYY-MM-DD or { date, name }',
});

export const approverSchema = z.strictObject({
  name,
  odoo_login: name,
  limit: limit.optional(),
  slack_user_id: name.optional(),
  teams_upn: name.optional(),
});

export const groupSchema = z.strictObject({
  name,
  members: z.array(name).optional(),
  odoo_group: z.string().regex(/^[a-z0-9_]+\.[a-z0-9_]+$/, { error: 'must be an Odoo group xmlid like purchase.group_purchase_manager' }).optional(),
  limit: limit.optional(),
});

const band = z.strictObject({ min: amount.optional(), max: amount.optional() });

const matchSchema = z.strictObject({
  company: oneOrMany(nameOrId).optional(),
  amount: oneOrMany(band).optional(),
  vendor: oneOrMany(nameOrId).optional(),
  category: oneOrMany(nameOrId).optional(),
  warehouse: oneOrMany(nameOrId).optional(),
});

const levelSchema = z.strictObject({
  approvers: z.array(name).optional(),
  groups: z.array(name).optional(),
  escalate_after_business_hours: businessHours.optional(),
  /** Sequential rules: the level applies only when amount_total (company currency) is strictly above this. */
  above: amount.optional(),
  /** Sequential rules: the card's name for the level ("CFO"). */
  label: name.optional(),
});

export const ruleSchema = z.strictObject({
  name,
  match: matchSchema.nullable().optional(),
  levels: z.array(levelSchema).min(1),
  /** The levels are decided in order, each by a different person (default: an escalation chain). */
  sequential: z.boolean().optional(),
  notify: z.strictObject({ dm: z.boolean().optional(), channel: name.optional(), teams_channel: name.optional() }).optional(),
  remind_after_business_hours: businessHours.optional(),
  max_reminders: z.number().int().min(0).optional(),
  confirm_above: amount.optional(),
  reject_action: z.enum(['cancel', 'draft']).optional(),
  timezone: timeZone.optional(),
  working_hours: workingHours.optional(),
  holidays: z.array(holiday).optional(),
});

export const policySchema = z.strictObject({
  timezone: timeZone,
  working_hours: workingHours,
  holidays: z.array(holiday).optional(),
  segregation_of_duties: z.boolean().optional(),
  dm_platforms: z.array(z.enum(['slack', 'teams'])).min(1).optional(),
  identities: z
    .strictObject({ slack: z.record(z.string(), name).optional(), teams: z.record(z.string(), name).optional() })
    .optional(),
  approvers: z.array(approverSchema).optional(),
  groups: z.array(groupSchema).optional(),
  rules: z.array(ruleSchema).min(1),
  // Sections of other features in the same file, validated (with line numbers) by their owners:
  // src/alerts/lifecycle/alerts-settings.ts (alerts, routing), src/triage (triage),
  // src/delegation/delegations-section.ts (delegations) and src/events/events-section.ts (events).
  alerts: z.unknown().optional(),
  routing: z.unknown().optional(),
  triage: z.unknown().optional(),
  delegations: z.unknown().optional(),
  events: z.unknown().optional(),
  supplier_events: z.unknown().optional(),
  // The control tower's weekly digest: src/insights/digest/digest-section.ts.
  digest: z.unknown().optional(),
  // src/requests/requests-section.ts (purchase requests from chat)
  requests: z.unknown().optional(),
});

export type RawPolicy = z.infer<typeof policySchema>;
export type RawRule = z.infer<typeof ruleSchema>;
export type RawWorkingHours = z.infer<typeof workingHours>;
export type RawHoliday = z.infer<typeof holiday>;
export type RawLimit = z.infer<typeof limit>;
