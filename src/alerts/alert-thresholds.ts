/**
 * The detectors' thresholds, read from the `alerts:` section of the policy file. Every key is
 * optional; what is missing takes the default below. Expected YAML (the defaults shown):
 *
 * ```yaml
 * alerts:
 *   late_receipt:
 *     grace_hours: 0            # late once scheduled_date + grace has passed
 *     warning_after_days: 1     # info below, warning from 1 day late
 *     critical_after_days: 5
 *     warehouses:               # per warehouse, by code, name or id (case-insensitive)
 *       RNO: { grace_hours: 24 }
 *       RTM: { grace_hours: 4, timezone: Europe/Amsterdam }   # zone of local dates in messages
 *   eta_slipped:
 *     min_slip_hours: 12        # a move of the planned time within the same half day is noise
 *     warning_after_days: 2
 *     critical_after_days: 7
 *   unconfirmed_po:
 *     after_days: 2             # confirmed (date_approve) this long ago, vendor has not confirmed
 *     critical_after_days: 7
 *   rfq_unanswered:
 *     after_days: 3             # RFQ sent (date_order) this long ago, no answer
 *     critical_after_days: 10
 *   approval_aging:
 *     after_business_hours: 8   # in the policy's working calendar
 *     critical_after_business_hours: 24
 *   invoice_match:
 *     price_tolerance:          # per bill currency; `default` for the others. Tolerated when the
 *       default: { percent: 2, absolute: 1 }   # unit price is within percent of the PO's, or the
 *       EUR: { percent: 2, absolute: 1 }       # line's difference (x quantity) within absolute
 *     critical_price_percent: 10
 *     quantity_tolerance: { percent: 0, absolute: 0 }   # of the received quantity, in units
 * ```
 */
import { z } from 'zod';
import { CodedError } from '../errors/coded-error.ts';
import type { BusinessCalendar } from '../time/business-calendar.ts';
import { isKnownTimeZone } from '../time/calendar-values.ts';

const hours = z.number().min(0);
const days = z.number().min(0);
const percent = z.number().min(0).max(1000);

const tolerance = z
  .object({ percent: percent.default(0), absolute: z.number().min(0).default(0) })
  .strict();

const warehouseOverride = z
  .object({
    grace_hours: hours.optional(),
    timezone: z.string().refine(isKnownTimeZone, 'must be an IANA time zone such as Europe/Amsterdam').optional(),
  })
  .strict();

/** zod schema of the `alerts:` section (snake_case in YAML, camelCase out). */
export const alertThresholdsSchema = z
  .object({
    late_receipt: z
      .object({
        grace_hours: hours.default(0),
        warning_after_days: days.default(1),
        critical_after_days: days.default(5),
        warehouses: z.record(z.string(), warehouseOverride).default({}),
      })
      .strict()
      .prefault({}),
    eta_slipped: z
      .object({ min_slip_hours: hours.default(12), warning_after_days: days.default(2), critical_after_days: days.default(7) })
      .strict()
      .prefault({}),
    unconfirmed_po: z.object({ after_days: days.default(2), critical_after_days: days.default(7) }).strict().prefault({}),
    rfq_unanswered: z.object({ after_days: days.default(3), critical_after_days: days.default(10) }).strict().prefault({}),
    approval_aging: z
      .object({ after_business_hours: hours.default(8), critical_after_business_hours: hours.default(24) })
      .strict()
      .prefault({}),
    invoice_match: z
      .object({
        price_tolerance: z
          .record(z.string(), tolerance)
          .default({})
          .transform((byCurrency) => ({ default: { percent: 2, absolute: 1 }, ...byCurrency })),
        critical_price_percent: percent.default(10),
        quantity_tolerance: tolerance.prefault({}),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .transform((a) => ({
    lateReceipt: {
      graceHours: a.late_receipt.grace_hours,
      warningAfterDays: a.late_receipt.warning_after_days,
      criticalAfterDays: a.late_receipt.critical_after_days,
      warehouses: Object.entries(a.late_receipt.warehouses).map(([match, o]) => ({
        match,
        graceHours: o.grace_hours ?? null,
        timeZone: o.timezone ?? null,
      })),
    },
    etaSlipped: {
      minSlipHours: a.eta_slipped.min_slip_hours,
      warningAfterDays: a.eta_slipped.warning_after_days,
      criticalAfterDays: a.eta_slipped.critical_after_days,
    },
    unconfirmedPo: { afterDays: a.unconfirmed_po.after_days, criticalAfterDays: a.unconfirmed_po.critical_after_days },
    rfqUnanswered: { afterDays: a.rfq_unanswered.after_days, criticalAfterDays: a.rfq_unanswered.critical_after_days },
    approvalAging: {
      afterBusinessHours: a.approval_aging.after_business_hours,
      criticalAfterBusinessHours: a.approval_aging.critical_after_business_hours,
    },
    invoiceMatch: {
      priceTolerance: a.invoice_match.price_tolerance as Readonly<Record<string, Tolerance>> & { default: Tolerance },
      criticalPricePercent: a.invoice_match.critical_price_percent,
      quantityTolerance: a.invoice_match.quantity_tolerance,
    },
  }));

/**
 * Within either is tolerated. Quantities: `percent` of the received quantity or `absolute` units.
 * Prices: `percent` of the PO unit price or `absolute` for the whole line (difference x quantity).
 */
export interface Tolerance {
  percent: number;
  absolute: number;
}

/** The `alerts:` section as parsed (no calendar yet). */
export type AlertThresholdsConfig = z.output<typeof alertThresholdsSchema>;

/** What the detectors take: the parsed section plus the working calendar of the policy. */
export interface AlertThresholds extends AlertThresholdsConfig {
  /** Business hours for approval aging; its time zone is the default for local dates in facts. */
  calendar: BusinessCalendar;
}

/**
 * Reads the `alerts:` section (`undefined` = all defaults) and attaches the policy's calendar.
 * Throws a CodedError `alert_thresholds_invalid` naming the first wrong key.
 */
export function parseAlertThresholds(raw: unknown, calendar: BusinessCalendar): AlertThresholds {
  const parsed = alertThresholdsSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ['alerts', ...(issue?.path ?? [])].join('.');
    throw new CodedError('alert_thresholds_invalid', `${path}: ${issue?.message ?? 'invalid'}`, false);
  }
  return { ...parsed.data, calendar };
}

/** The late-receipt settings for one warehouse: its override (by id, code or name) over the defaults. */
export function lateReceiptSettingsFor(
  thresholds: AlertThresholds,
  warehouse: { id: number; name: string; code: string | null } | null,
): { graceHours: number; timeZone: string } {
  const base = { graceHours: thresholds.lateReceipt.graceHours, timeZone: thresholds.calendar.timeZone };
  if (!warehouse) return base;
  const names = new Set([String(warehouse.id), warehouse.name.toLowerCase(), ...(warehouse.code ? [warehouse.code.toLowerCase()] : [])]);
  const o = thresholds.lateReceipt.warehouses.find((w) => names.has(w.match.trim().toLowerCase()));
  return { graceHours: o?.graceHours ?? base.graceHours, timeZone: o?.timeZone ?? base.timeZone };
}

/** The price tolerance for a bill currency (its own entry, else `default`). */
export function priceToleranceFor(thresholds: AlertThresholds, currency: string | null): Tolerance {
  const t = thresholds.invoiceMatch.priceTolerance;
  return (currency ? t[currency] ?? t[currency.toUpperCase()] : undefined) ?? t.default;
}
