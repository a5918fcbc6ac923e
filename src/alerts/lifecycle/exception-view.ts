/**
 * What an exception message and a digest show, independent of Slack or Teams. Text fields hold RAW
 * text from Odoo (names, references): renderers escape them for their markup.
 */
import type { ExceptionType, Severity } from '../exception.ts';
import { stateOf, type ExceptionState, type TrackedException } from './tracked-exception.ts';
import { formatAmount } from '../../format/card-numbers.ts';

export interface ExceptionView {
  key: string;
  type: ExceptionType;
  typeLabel: string;
  title: string;
  severity: Severity;
  severityRule: string;
  facts: Array<{ label: string; value: string }>;
  state: ExceptionState;
  /** The state line in words: "Acknowledged by Wes at 14:02 UTC", "Resolved: received". */
  stateText: string;
  escalated: boolean;
  /** Buttons are shown while the exception is not cleared. */
  actionable: boolean;
  /** The PO has a buyer to ask. */
  canAskBuyer: boolean;
  odooUrl: string;
  firstSeenAt: string;
  ageText: string;
}

export interface DigestRow {
  key: string;
  typeLabel: string;
  title: string;
  severity: Severity;
  state: ExceptionState;
  ageText: string;
  odooUrl: string;
}

export interface DigestView {
  kind: 'burst' | 'scheduled';
  heading: string;
  /** Count per type and age bucket (scheduled digests). */
  summary: Array<{ typeLabel: string; total: number; byAge: Array<{ bucket: AgeBucket; count: number }> }>;
  rows: DigestRow[];
  /** Rows left out to stay within the message's limits. */
  more: number;
}

export const TYPE_LABELS: Readonly<Record<ExceptionType, string>> = {
  'late-receipt': 'Late receipt',
  'eta-slipped': 'ETA slipped',
  'unconfirmed-po': 'Unconfirmed PO',
  'rfq-unanswered': 'RFQ unanswered',
  'approval-aging': 'Approval waiting',
  'bill-over-received': 'Billed over received',
  'bill-price-mismatch': 'Bill price mismatch',
  'bill-without-po': 'Bill without PO',
  'bill-duplicate-ref': 'Duplicate bill reference',
  'bill-nothing-received': 'Billed, nothing received',
  'request-unanswered': 'Purchase request waiting for a buyer',
};

/** Why an exception cleared, by type, when the source did not say more. */
export const CLEARED_TEXT: Readonly<Record<ExceptionType, string>> = {
  'late-receipt': 'the receipt was received, cancelled or rescheduled',
  'eta-slipped': 'the planned dates are back within the first promise, or the goods arrived',
  'unconfirmed-po': 'the vendor confirmed, or the goods arrived',
  'rfq-unanswered': 'the RFQ is no longer waiting for an answer',
  'approval-aging': 'the order is no longer waiting for approval',
  'bill-over-received': 'the goods were received or the bill was corrected',
  'bill-price-mismatch': 'the bill was corrected or cancelled',
  'bill-without-po': 'the bill was linked to a PO or cancelled',
  'bill-duplicate-ref': 'one of the bills was cancelled or its reference changed',
  'bill-nothing-received': 'the goods were received or the bill was cancelled',
  'request-unanswered': 'a buyer acted on the purchase request',
};

export const AGE_BUCKETS = ['<1h', '1-4h', '4-24h', '1-3d', '3-7d', '>7d'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** The age bucket of an exception first seen `seconds` ago (for digests and /metrics). */
export function ageBucketOf(seconds: number): AgeBucket {
  const h = seconds / 3600;
  if (h < 1) return '<1h';
  if (h < 4) return '1-4h';
  if (h < 24) return '4-24h';
  if (h < 72) return '1-3d';
  if (h < 168) return '3-7d';
  return '>7d';
}

export function ageText(fromIso: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(fromIso)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

/** A link that opens a record's form in Odoo's web client (17 and 18). */
export function odooRecordUrl(odooBaseUrl: string, model: string, id: number): string {
  return `${odooBaseUrl.replace(/\/+$/, '')}/web#id=${id}&model=${model}&view_type=form`;
}

const hm = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
const who = (a: { chat: { displayName?: string; userId: string }; odooLogin: string | null }) => a.chat.displayName ?? a.odooLogin ?? a.chat.userId;

function stateTextOf(t: TrackedException, state: ExceptionState): string {
  switch (state) {
    case 'cleared':
      return `Resolved ${t.clearedAt ? hm(t.clearedAt) : ''}: ${t.clearedReason ?? CLEARED_TEXT[t.type]}`;
    case 'snoozed':
      return `Snoozed until ${hm(t.snoozedUntil!)}${t.snoozedBy ? ` by ${who(t.snoozedBy)}` : ''}`;
    case 'owned':
      return `Owned by ${who(t.owner!)} since ${hm(t.owner!.at)}${t.acknowledged ? ` · acknowledged by ${who(t.acknowledged)}` : ''}`;
    case 'acknowledged':
      return `Acknowledged by ${who(t.acknowledged!)} at ${hm(t.acknowledged!.at)}`;
    case 'open':
      return t.escalatedAt ? `Escalated ${hm(t.escalatedAt)}: nobody has acknowledged it yet` : 'Open: nobody has acknowledged it yet';
  }
}

function str(v: unknown): string | null {
  return v === null || v === undefined || v === '' ? null : String(v);
}

/** The few facts a person needs to act, per type, as label/value pairs of raw text. */
export function factsOf(t: TrackedException): Array<{ label: string; value: string }> {
  const e = t.exception;
  const f = e.facts as unknown as Record<string, unknown>;
  const out: Array<{ label: string; value: string | null }> = [
    { label: 'PO', value: str(f.poName) ?? e.records.purchaseOrder?.name ?? null },
    { label: 'Vendor', value: str(f.vendorName) ?? e.records.vendor?.name ?? null },
    { label: 'Warehouse', value: str(f.warehouseName) ?? e.records.warehouse?.name ?? null },
  ];
  switch (e.type) {
    case 'late-receipt':
      out.push({ label: 'Scheduled', value: `${e.facts.scheduledLocalDate} (${e.facts.timeZone})` }, { label: 'Receipt', value: `${e.facts.receiptName} · ${e.facts.state}` });
      if (e.facts.backorderOf) out.push({ label: 'Backorder of', value: e.facts.backorderOf.name });
      break;
    case 'eta-slipped':
      out.push({ label: 'New ETA', value: e.facts.newEta.slice(0, 10) }, { label: 'First promised', value: e.facts.firstPromised.slice(0, 10) });
      break;
    case 'unconfirmed-po':
    case 'rfq-unanswered':
      out.push({ label: 'Waiting', value: `${e.facts.daysWaiting} days since ${e.facts.since.slice(0, 10)}` }, { label: 'Amount', value: formatAmount(e.facts.amount.amount, e.facts.amount.currency) });
      break;
    case 'approval-aging':
      out.push({ label: 'Waiting', value: `${e.facts.businessHoursWaiting} business hours` }, { label: 'Amount', value: formatAmount(e.facts.amount.amount, e.facts.amount.currency) });
      break;
    case 'request-unanswered':
      out.push({ label: 'Request', value: `${e.facts.requestRef} by ${e.facts.requester}: ${e.facts.quantity} ${e.facts.product}, needed by ${e.facts.neededBy}` }, { label: 'Waiting', value: `${e.facts.businessHoursWaiting} business hours` });
      break;
    default: {
      const b = e.facts;
      // Its number and state (a draft has no number yet: never "/"), then the vendor's reference.
      const bill = b.billName ? `${b.billName} · ${b.billState}` : 'draft bill, no number yet';
      out.push({ label: 'Bill', value: [bill, b.billRef ? `vendor ref ${b.billRef}` : null].filter(Boolean).join(' · ') }, { label: 'Total', value: formatAmount(b.amountTotal.amount, b.amountTotal.currency) });
      const stake = b.lines.reduce((s, l) => s + (l.amountAtStake?.amount ?? 0), 0);
      if (stake > 0) out.push({ label: 'At stake', value: formatAmount(stake, b.comparedIn ?? null) });
    }
  }
  if (t.routedOwner?.odooLogin) out.push({ label: 'Owner', value: t.routedOwner.odooLogin });
  else if (e.records.buyer?.name) out.push({ label: 'Buyer', value: e.records.buyer.name });
  return out.filter((x): x is { label: string; value: string } => x.value !== null);
}

export function exceptionViewOf(t: TrackedException, options: { odooUrl: string; now: Date }): ExceptionView {
  const state = stateOf(t, options.now);
  const s = t.exception.records.subject;
  return {
    key: t.key,
    type: t.type,
    typeLabel: TYPE_LABELS[t.type],
    title: t.exception.title,
    severity: t.severity,
    severityRule: t.exception.severityRule,
    facts: factsOf(t),
    state,
    stateText: stateTextOf(t, state),
    escalated: t.escalatedAt !== null && state !== 'cleared',
    actionable: state !== 'cleared',
    canAskBuyer: t.exception.records.buyer !== null || (t.exception.owner.kind === 'buyer' && t.exception.owner.odooUserId !== null),
    odooUrl: odooRecordUrl(options.odooUrl, s.model, s.id),
    firstSeenAt: t.firstSeenAt,
    ageText: ageText(t.firstSeenAt, options.now),
  };
}

export function digestRowOf(t: TrackedException, options: { odooUrl: string; now: Date }): DigestRow {
  const s = t.exception.records.subject;
  return {
    key: t.key, typeLabel: TYPE_LABELS[t.type], title: t.exception.title, severity: t.severity,
    state: stateOf(t, options.now), ageText: ageText(t.firstSeenAt, options.now), odooUrl: odooRecordUrl(options.odooUrl, s.model, s.id),
  };
}

/** Counts open exceptions per type and age bucket, biggest type first. */
export function summarize(tracked: readonly TrackedException[], now: Date): DigestView['summary'] {
  const byType = new Map<ExceptionType, Map<AgeBucket, number>>();
  for (const t of tracked) {
    const bucket = ageBucketOf((now.getTime() - Date.parse(t.firstSeenAt)) / 1000);
    const m = byType.get(t.type) ?? new Map<AgeBucket, number>();
    m.set(bucket, (m.get(bucket) ?? 0) + 1);
    byType.set(t.type, m);
  }
  return [...byType.entries()]
    .map(([type, m]) => ({
      typeLabel: TYPE_LABELS[type],
      total: [...m.values()].reduce((a, b) => a + b, 0),
      byAge: AGE_BUCKETS.filter((b) => m.has(b)).map((bucket) => ({ bucket, count: m.get(bucket)! })),
    }))
    .sort((a, b) => b.total - a.total);
}
