import type { AlertThresholds } from './alert-thresholds.ts';
import { detectApprovalAging } from './detectors/approval-aging.ts';
import { detectBillsWithoutPo } from './detectors/bill-without-po.ts';
import { detectDuplicateBillRefs, duplicateBillsOf } from './detectors/duplicate-bill-ref.ts';
import { detectEtaSlipped } from './detectors/eta-slipped.ts';
import { detectInvoiceMismatches } from './detectors/invoice-mismatch.ts';
import { detectLateReceipts } from './detectors/late-receipt.ts';
import { detectUnconfirmedOrders } from './detectors/unconfirmed-po.ts';
import type { ProcurementException } from './exception.ts';
import type { ProcurementSnapshot } from './procurement-snapshot.ts';
import { indexSnapshot } from './procurement-snapshot.ts';

/** A snapshot plus the bot's memory of first promised dates (lineId -> date), for ETA slips. */
export interface DetectionInput extends ProcurementSnapshot {
  firstPromised?: ReadonlyMap<number, Date>;
}

export interface DetectionResult {
  exceptions: ProcurementException[];
  /** Changes to the first-promise memory: store `remember` (only where absent), drop `forget`. */
  firstPromised: { remember: Map<number, Date>; forget: number[] };
}

/** Runs every detector over one snapshot, indexed once, with the same `now`. */
export function detectAll(snapshot: DetectionInput, thresholds: AlertThresholds, now: Date): DetectionResult {
  const snap = indexSnapshot(snapshot);
  const duplicates = duplicateBillsOf(snap);
  const eta = detectEtaSlipped(snap, thresholds, now, snapshot.firstPromised ?? new Map());
  const exceptions = [
    ...detectLateReceipts(snap, thresholds, now),
    ...eta.exceptions,
    ...detectUnconfirmedOrders(snap, thresholds, now),
    ...detectApprovalAging(snap, thresholds, now),
    ...detectInvoiceMismatches(snap, thresholds, now, duplicates),
    ...detectBillsWithoutPo(snap, thresholds, now),
    ...detectDuplicateBillRefs(snap, thresholds, now, duplicates),
  ];
  return { exceptions, firstPromised: { remember: eta.remember, forget: eta.forget } };
}
