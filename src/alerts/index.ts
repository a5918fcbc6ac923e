/** Procurement exceptions: the type, the thresholds, the detectors and what cleared between scans. */
export type * from './exception.ts';
export { EXCEPTION_TYPES, exceptionKey, fingerprintOf, parseExceptionKey, severityRank } from './exception.ts';
export type { AlertThresholds, AlertThresholdsConfig, Tolerance } from './alert-thresholds.ts';
export { alertThresholdsSchema, parseAlertThresholds } from './alert-thresholds.ts';
export type { IndexedSnapshot, ProcurementSnapshot } from './procurement-snapshot.ts';
export { indexSnapshot } from './procurement-snapshot.ts';
export type { DetectionInput, DetectionResult } from './detect-all.ts';
export { detectAll } from './detect-all.ts';
export type { ExceptionChanges, KeyInScope, KnownException } from './clear-exceptions.ts';
export { clearedKeys, diffExceptions, keysOfTypes } from './clear-exceptions.ts';
export { detectApprovalAging } from './detectors/approval-aging.ts';
export { detectBillsWithoutPo } from './detectors/bill-without-po.ts';
export { detectDuplicateBillRefs, duplicateBillsOf, normalizeVendorRef } from './detectors/duplicate-bill-ref.ts';
export type { EtaSlippedResult } from './detectors/eta-slipped.ts';
export { detectEtaSlipped } from './detectors/eta-slipped.ts';
export { detectInvoiceMismatches, withinPriceTolerance, withinTolerance } from './detectors/invoice-mismatch.ts';
export { detectLateReceipts } from './detectors/late-receipt.ts';
export { detectUnconfirmedOrders } from './detectors/unconfirmed-po.ts';
