/**
 * A procurement exception: something a warehouse lead, a buyer or finance should act on, as the
 * detectors find it in one scan. It carries no lifecycle (acknowledged, snoozed, message ids):
 * that layer keys its own state by `key` and compares `fingerprint`s between scans.
 */
import { createHash } from 'node:crypto';

export const EXCEPTION_TYPES = [
  'late-receipt',
  'eta-slipped',
  'unconfirmed-po',
  'rfq-unanswered',
  'approval-aging',
  'bill-over-received',
  'bill-price-mismatch',
  'bill-without-po',
  'bill-duplicate-ref',
  'bill-nothing-received',
  // A purchase request from chat no buyer acted on in time (src/requests/request-exceptions.ts).
  'request-unanswered',
] as const;

export type ExceptionType = (typeof EXCEPTION_TYPES)[number];

/** Ordered: a later layer re-posts when severity goes up (`severityRank`). */
export type Severity = 'info' | 'warning' | 'critical';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, critical: 2 };

/** 0 for info, 1 for warning, 2 for critical: compare ranks, not strings. */
export function severityRank(s: Severity): number {
  return SEVERITY_RANK[s];
}

/** The Odoo models exceptions point at (for links: `/odoo/action-...?model=...&id=...`). */
export type OdooModel =
  | 'purchase.order'
  | 'purchase.order.line'
  | 'stock.picking'
  | 'account.move'
  | 'account.move.line'
  | 'res.partner'
  | 'res.company'
  | 'stock.warehouse'
  | 'res.users';

/** A record an exception is about, with its display name when known. */
export interface RecordRef {
  model: OdooModel;
  id: number;
  name: string | null;
}

/**
 * Who should act. The id is null when Odoo does not say (a PO without buyer, a receipt whose
 * picking type has no warehouse, a bill no company can be told for): routing then falls back to
 * its default channel, never to nowhere.
 */
export type ExceptionOwner =
  | { kind: 'buyer'; odooUserId: number | null }
  | { kind: 'warehouse'; warehouseId: number | null }
  | { kind: 'finance'; companyId: number | null };

/** An amount and the currency it is in (the currency's code, e.g. `EUR`, or null when unknown). */
export interface Money {
  amount: number;
  currency: string | null;
}

/** The records an exception is about: the subject (what the key names) and what routing matches on. */
export interface ExceptionRecords {
  subject: RecordRef;
  purchaseOrder: RecordRef | null;
  company: RecordRef | null;
  warehouse: RecordRef | null;
  vendor: RecordRef | null;
  buyer: RecordRef | null;
  /** Other records worth a link: the original receipt of a backorder, the other bill of a duplicate, bill lines. */
  related: RecordRef[];
}

/** A picking that is overdue. */
export interface LateReceiptFacts {
  receiptName: string;
  poName: string | null;
  vendorName: string | null;
  warehouseName: string | null;
  state: string;
  scheduledDate: string;
  /** The scheduled day in the warehouse's time zone: what people there call the date. */
  scheduledLocalDate: string;
  timeZone: string;
  /** The promised date (`date_deadline`), when Odoo has one. */
  deadline: string | null;
  hoursLate: number;
  /** Whole days late (24-hour periods since scheduled_date). */
  daysLate: number;
  graceHours: number;
  /** The partial receipt this backorder was split from. */
  backorderOf: { id: number; name: string } | null;
}

export interface SlippedLine {
  lineId: number;
  product: string;
  firstPromised: string;
  datePlanned: string;
  slipDays: number;
}

/** PO lines whose planned date moved past the first promise (one exception per PO). */
export interface EtaSlippedFacts {
  poName: string;
  vendorName: string | null;
  warehouseName: string | null;
  /** The latest new planned date over the slipped lines. */
  newEta: string;
  firstPromised: string;
  maxSlipDays: number;
  lines: SlippedLine[];
}

/** A confirmed PO the vendor has not confirmed, or an RFQ with no answer. */
export interface UnconfirmedPoFacts {
  poName: string;
  vendorName: string | null;
  warehouseName: string | null;
  state: string;
  /** When it was confirmed (date_approve), or sent (the RFQ's date_order). */
  since: string;
  daysWaiting: number;
  amount: Money;
  datePlanned: string | null;
}

/** A PO waiting for approval too long, counted in business hours. */
export interface ApprovalAgingFacts {
  poName: string;
  vendorName: string | null;
  amount: Money;
  waitingSince: string;
  /** Where `waitingSince` came from: the approval request, or the PO's last write (a lower bound). */
  waitingSinceSource: 'approval-request' | 'write-date';
  businessHoursWaiting: number;
  timeZone: string;
}

/** A purchase request from chat waiting for its buyer past the policy's buyer_action_hours. */
export interface RequestUnansweredFacts {
  requestRef: string;
  requester: string;
  product: string;
  quantity: string;
  neededBy: string;
  poName: string;
  vendorName: string;
  warehouseName: string;
  since: string;
  businessHoursWaiting: number;
  timeZone: string;
}

/** One bill line against its PO line. */
export interface BillLineMatch {
  billLineId: number;
  poLineId: number | null;
  product: string | null;
  billedQuantity: number;
  /** Quantity billed for the same PO line on other (not cancelled, not duplicate) bills. */
  billedOnOtherBills: number;
  orderedQuantity: number | null;
  receivedQuantity: number | null;
  billPrice: Money;
  poPrice: Money | null;
  /** Bill price minus PO price, in the bill's currency; null when not comparable. */
  priceDifference: number | null;
  priceDifferencePercent: number | null;
  /** What the mismatch is worth in the bill currency (excess quantity or price difference x quantity). */
  amountAtStake: Money | null;
}

/** Facts common to every bill exception. */
export interface BillFacts {
  billName: string | null;
  billRef: string | null;
  billState: string;
  vendorName: string | null;
  poName: string | null;
  amountTotal: Money;
  /** The prices were compared in this currency (the bill's) without conversion. */
  comparedIn: string | null;
  lines: BillLineMatch[];
  /** Why prices could not be compared (the bill and the PO use different currencies). */
  note: string | null;
}

/** The same vendor reference keyed in twice by the same vendor. */
export interface DuplicateRefFacts extends BillFacts {
  normalizedRef: string;
  /** The earliest bill with that reference (the one this duplicates). */
  original: { id: number; name: string | null; state: string; amountTotal: Money };
}

export interface FactsByType {
  'late-receipt': LateReceiptFacts;
  'eta-slipped': EtaSlippedFacts;
  'unconfirmed-po': UnconfirmedPoFacts;
  'rfq-unanswered': UnconfirmedPoFacts;
  'approval-aging': ApprovalAgingFacts;
  'bill-over-received': BillFacts;
  'bill-price-mismatch': BillFacts;
  'bill-without-po': BillFacts;
  'bill-duplicate-ref': DuplicateRefFacts;
  'bill-nothing-received': BillFacts;
  'request-unanswered': RequestUnansweredFacts;
}

interface ExceptionBase<T extends ExceptionType> {
  /** `type:model:id`, e.g. `late-receipt:stock.picking:42`: the same across scans while the condition holds. */
  key: string;
  type: T;
  severity: Severity;
  /** The rule that set the severity, in words: `critical: 6 days late (critical from 5)`. */
  severityRule: string;
  owner: ExceptionOwner;
  /** One line for a message title or a digest row. */
  title: string;
  facts: FactsByType[T];
  records: ExceptionRecords;
  /** The scan's `now` (the lifecycle layer keeps the first one). */
  detectedAt: Date;
  /**
   * A hash of the material facts only (severity, new ETA, quantities, prices...), never of what
   * moves with the clock (days late): a changed fingerprint is a material change, the rest is noise.
   */
  fingerprint: string;
}

/** What the detectors return: one variant per type, so `facts` narrows on `type`. */
export type ProcurementException = { [T in ExceptionType]: ExceptionBase<T> }[ExceptionType];

/** The stable key of an exception about one record. */
export function exceptionKey(type: ExceptionType, model: OdooModel, id: number): string {
  return `${type}:${model}:${id}`;
}

/** The parts of a key (for a later layer that must know which scan covers which key). */
export function parseExceptionKey(key: string): { type: ExceptionType; model: OdooModel; id: number } | null {
  const [type, model, id, extra] = key.split(':');
  if (extra !== undefined || !type || !model || !id) return null;
  if (!(EXCEPTION_TYPES as readonly string[]).includes(type) || !/^\d+$/.test(id)) return null;
  return { type: type as ExceptionType, model: model as OdooModel, id: Number(id) };
}

/** A short, stable hash of material facts; key order is normalised so refactors do not churn it. */
export function fingerprintOf(material: unknown): string {
  return createHash('sha256').update(canonicalJson(material)).digest('base64url').slice(0, 16);
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Builds an exception of one type, keyed on its subject, fingerprinted on `material`, `shown` and severity. */
export function makeException<T extends ExceptionType>(
  type: T,
  parts: {
    severity: Severity;
    severityRule: string;
    owner: ExceptionOwner;
    title: string;
    facts: FactsByType[T];
    records: ExceptionRecords;
    material: unknown;
    /**
     * What the card shows that is not material (names, states, dates): in the fingerprint too, so
     * a scan that reads something else than the card was rendered from (a webhook's stale read)
     * corrects the card in place, without re-alerting.
     */
    shown?: unknown;
    now: Date;
  },
): ProcurementException {
  const { subject } = parts.records;
  const exception: ExceptionBase<T> = {
    key: exceptionKey(type, subject.model, subject.id),
    type,
    severity: parts.severity,
    severityRule: parts.severityRule,
    owner: parts.owner,
    title: parts.title,
    facts: parts.facts,
    records: parts.records,
    detectedAt: parts.now,
    fingerprint: fingerprintOf({ type, severity: parts.severity, owner: parts.owner, material: parts.material, shown: parts.shown }),
  };
  return exception as unknown as ProcurementException;
}
