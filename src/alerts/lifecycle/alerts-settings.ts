/**
 * The `alerts:` and `routing:` sections of the policy file, read from the same YAML document as
 * the approval policy (src/policy parses the rest). Errors name `file:line:col` like the policy's.
 *
 * ```yaml
 * alerts:
 *   late_receipt: { grace_hours: 0 }        # detector thresholds: see ../alert-thresholds.ts
 *   lifecycle:
 *     escalate_after_business_hours: 4      # unacknowledged this long (policy calendar): escalate
 *     burst: { max: 10, window_seconds: 60 } # more posts than max to one channel in the window: one digest
 *     digest_every_minutes: 240             # summary of open exceptions per channel; 0 = off
 *     scan_every_seconds: 300               # reconciliation scans (webhooks make changes quick)
 *     snooze_until_tomorrow_at: "08:00"     # "until tomorrow" = this local time, next day
 * routing:
 *   default_channel: "#procurement-alerts"  # what no rule matches goes here, never nowhere
 *   rules:                                   # first match wins
 *     - name: joliet-receiving
 *       types: [late-receipt]                # exception types; "bill-*" matches every bill type
 *       warehouse: [Joliet DC, WH]           # name, code or id; also company, vendor
 *       channels: ["#joliet-receiving"]      # one or more, Slack names or ids
 *       owner: warehouse@northgate-supply.example   # Odoo login; default: the detector's owner (the buyer)
 * ```
 */
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { CodedError } from '../../errors/coded-error.ts';
import { locateInYaml } from '../../policy/locate-in-yaml.ts';
import type { BusinessCalendar } from '../../time/business-calendar.ts';
import { alertThresholdsSchema, type AlertThresholds } from '../alert-thresholds.ts';
import { EXCEPTION_TYPES } from '../exception.ts';

const name = z.string().trim().min(1);
const nameOrId = z.union([name, z.number().int().positive()], { error: 'must be a name or an id number' });
const oneOrMany = <T extends z.ZodType>(item: T) => z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(item).min(1));
const typePattern = name.refine(
  (t) => (t.endsWith('*') ? EXCEPTION_TYPES.some((x) => x.startsWith(t.slice(0, -1))) : (EXCEPTION_TYPES as readonly string[]).includes(t)),
  { error: `must be an exception type (${EXCEPTION_TYPES.join(', ')}) or a prefix ending in * such as bill-*` },
);

const lifecycleSchema = z
  .strictObject({
    escalate_after_business_hours: z.number().min(0).default(4),
    burst: z.strictObject({ max: z.number().int().min(1).default(10), window_seconds: z.number().min(1).default(60) }).prefault({}),
    digest_every_minutes: z.number().min(0).default(240),
    scan_every_seconds: z.number().min(10).default(300),
    snooze_until_tomorrow_at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time HH:MM' }).default('08:00'),
  })
  .prefault({});

const routeRuleSchema = z.strictObject({
  name: name.optional(),
  types: oneOrMany(typePattern).optional(),
  company: oneOrMany(nameOrId).optional(),
  warehouse: oneOrMany(nameOrId).optional(),
  vendor: oneOrMany(nameOrId).optional(),
  channels: oneOrMany(name),
  owner: name.optional(),
});

const routingSchema = z
  .strictObject({ default_channel: name, rules: z.array(routeRuleSchema).default([]) })
  .optional();

export interface RouteRule {
  name: string;
  types: string[] | null;
  company: Array<string | number> | null;
  warehouse: Array<string | number> | null;
  vendor: Array<string | number> | null;
  channels: string[];
  ownerLogin: string | null;
}

export interface AlertRouting {
  defaultChannel: string;
  rules: RouteRule[];
}

export interface LifecycleSettings {
  escalateAfterBusinessHours: number;
  burst: { max: number; windowMs: number };
  digestEveryMinutes: number;
  scanEverySeconds: number;
  snoozeUntilTomorrowAt: string;
}

export interface AlertsSettings {
  thresholds: AlertThresholds;
  lifecycle: LifecycleSettings;
  routing: AlertRouting;
}

/** Where unrouted exceptions go when the file has no `routing:` section. */
export const FALLBACK_CHANNEL = '#procurement-alerts';

/** The settings with every default (no `alerts:` or `routing:` section). */
export function defaultAlertsSettings(calendar: BusinessCalendar): AlertsSettings {
  return parseAlertsSection('{}', 'defaults', calendar);
}

/**
 * Reads `alerts:` and `routing:` from a policy file's text (other keys are the policy's business).
 * Throws a CodedError `alerts_invalid`: `source:line:col: path what is expected`.
 */
export function parseAlertsSection(text: string, source: string, calendar: BusinessCalendar): AlertsSettings {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = lines.linePos(syntax.pos[0]);
    throw new CodedError('alerts_invalid', `${source}:${pos.line}:${pos.col}: ${syntax.message.split('\n')[0]}`, false);
  }
  const data = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
  const fail = (path: PropertyKey[], message: string): never => {
    const at = locateInYaml(doc, lines, path);
    const got = at.got === null ? '' : ` (got ${at.got})`;
    throw new CodedError('alerts_invalid', `${source}:${at.line}:${at.column}: ${at.displayPath || 'alerts'} ${message}${got}`, false);
  };
  const alerts = (data.alerts ?? {}) as Record<string, unknown>;
  if (typeof alerts !== 'object' || Array.isArray(alerts)) return fail(['alerts'], 'must be a mapping');
  const { lifecycle: rawLifecycle, ...rawThresholds } = alerts;
  const thresholds = alertThresholdsSchema.safeParse(rawThresholds);
  if (!thresholds.success) return fail(['alerts', ...(thresholds.error.issues[0]?.path ?? [])], thresholds.error.issues[0]?.message ?? 'is invalid');
  const lifecycle = lifecycleSchema.safeParse(rawLifecycle);
  if (!lifecycle.success) return fail(['alerts', 'lifecycle', ...(lifecycle.error.issues[0]?.path ?? [])], lifecycle.error.issues[0]?.message ?? 'is invalid');
  const routing = routingSchema.safeParse(data.routing);
  if (!routing.success) return fail(['routing', ...(routing.error.issues[0]?.path ?? [])], routing.error.issues[0]?.message ?? 'is invalid');
  const l = lifecycle.data;
  return {
    thresholds: { ...thresholds.data, calendar },
    lifecycle: {
      escalateAfterBusinessHours: l.escalate_after_business_hours,
      burst: { max: l.burst.max, windowMs: l.burst.window_seconds * 1000 },
      digestEveryMinutes: l.digest_every_minutes,
      scanEverySeconds: l.scan_every_seconds,
      snoozeUntilTomorrowAt: l.snooze_until_tomorrow_at,
    },
    routing: {
      defaultChannel: routing.data?.default_channel ?? FALLBACK_CHANNEL,
      rules: (routing.data?.rules ?? []).map((r, i) => ({
        name: r.name ?? `rule ${i + 1}`,
        types: r.types ?? null,
        company: r.company ?? null,
        warehouse: r.warehouse ?? null,
        vendor: r.vendor ?? null,
        channels: r.channels,
        ownerLogin: r.owner ?? null,
      })),
    },
  };
}
