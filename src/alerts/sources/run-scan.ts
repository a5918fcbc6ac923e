import type { Warehouse } from '../../domain/odoo-records.ts';
import type { OdooRecordChanged } from '../../intake/odoo-webhook-event.ts';
import type { ChangeListener } from '../../intake/take-in-odoo-change.ts';
import type { CursorStore } from '../../ports/cursor-store.ts';
import type { ChangeCursor, OdooGateway } from '../../ports/odoo-gateway.ts';
import type { AlertThresholds } from '../alert-thresholds.ts';
import { clearedKeys } from '../clear-exceptions.ts';
import { detectAll } from '../detect-all.ts';
import { parseExceptionKey, type ProcurementException } from '../exception.ts';
import { applyDetections, type AppliedRun, type LifecycleDeps } from '../lifecycle/apply-detections.ts';
import type { FirstPromiseStore } from '../lifecycle/exception-store.ts';
import type { AliasesOf } from '../lifecycle/route-exception.ts';
import type { KeyInScope } from '../clear-exceptions.ts';
import { readBillPages, readBills } from './read-bills.ts';
import { readLateReceiptPages, readLateReceipts, receiptClearedReason } from './read-late-receipts.ts';
import { readOrderPages, readOrders } from './read-orders.ts';
import type { SourcePages, SourceRead } from './source-read.ts';

export interface ScanDeps extends LifecycleDeps {
  odoo: Pick<OdooGateway, 'scan' | 'scanChanges' | 'read' | 'search'>;
  thresholds: AlertThresholds;
  firstPromises: FirstPromiseStore;
  cursors: CursorStore;
}

export type ScanSource = 'receipts' | 'orders' | 'bills';
export const BILLS_CURSOR = 'alerts-bills';

export interface ScanOutcome extends AppliedRun {
  source: ScanSource;
  recordsRead: number;
  found: number;
}

/** Detects on what a source read (with the first-promise memory for ETA slips), keeping the source's types. */
export async function detectOn(read: SourceRead, deps: Pick<ScanDeps, 'thresholds' | 'firstPromises'>, now: Date): Promise<ProcurementException[]> {
  const lineIds = (read.snapshot.purchaseOrderLines ?? []).map((l) => l.id);
  const firstPromised = lineIds.length ? await deps.firstPromises.getMany(lineIds) : new Map<number, Date>();
  const result = detectAll({ ...read.snapshot, firstPromised }, deps.thresholds, now);
  if (result.firstPromised.remember.size) await deps.firstPromises.remember(result.firstPromised.remember);
  if (result.firstPromised.forget.length) await deps.firstPromises.forget(result.firstPromised.forget);
  const types = new Set<string>(read.types);
  return result.exceptions.filter((e) => types.has(e.type));
}

/** Warehouse codes as aliases of their names, for routing rules written with codes. */
function aliasesOf(warehouses: readonly Warehouse[]): AliasesOf {
  const codes = new Map(warehouses.map((w) => [w.id, w.code]));
  return (ref) => (ref.model === 'stock.warehouse' && codes.get(ref.id) ? [codes.get(ref.id)!] : []);
}

/** What detection found over one read or over every page of a scan. */
interface Found {
  exceptions: ProcurementException[];
  inScope: KeyInScope;
  warehouses: readonly Warehouse[];
  recordsRead: number;
}

/**
 * Detects page by page and keeps only what was found (one exception per key: a bill seen from two
 * pages is found twice), so the records of a page are let go before the next one is read.
 */
async function detectPages(pages: SourcePages, deps: ScanDeps, now: Date): Promise<Found> {
  const byKey = new Map<string, ProcurementException>();
  let warehouses: Found['warehouses'] = [];
  let recordsRead = 0;
  for await (const read of pages.pages()) {
    for (const e of await detectOn(read, deps, now)) byKey.set(e.key, e);
    if (read.snapshot.warehouses?.length) warehouses = read.snapshot.warehouses;
    recordsRead += read.recordsRead;
  }
  return { exceptions: [...byKey.values()], inScope: pages.inScope, warehouses, recordsRead };
}

async function detectOne(read: SourceRead, deps: ScanDeps, now: Date): Promise<Found> {
  return { exceptions: await detectOn(read, deps, now), inScope: read.inScope, warehouses: read.snapshot.warehouses ?? [], recordsRead: read.recordsRead };
}

async function apply(source: ScanSource, found: Found, deps: ScanDeps, now: Date): Promise<ScanOutcome> {
  const { exceptions, inScope } = found;
  const reasons = new Map<string, string>();
  if (source === 'receipts') {
    // Say why each late receipt cleared: the pickings the scan no longer finds, read once more.
    const gone = clearedKeys(await deps.store.openKeys(), exceptions, inScope);
    const ids = gone.map((k) => parseExceptionKey(k)?.id).filter((id): id is number => id !== undefined);
    const receipts = ids.length ? await deps.odoo.read('receipt', ids) : [];
    for (const id of ids) {
      const reason = receiptClearedReason(receipts.find((r) => r.id === id));
      if (reason) reasons.set(`late-receipt:stock.picking:${id}`, reason);
    }
  }
  const applied = await applyDetections({ exceptions, inScope, clearedReasons: reasons, aliases: aliasesOf(found.warehouses), readAt: now }, deps);
  return { source, recordsRead: found.recordsRead, found: exceptions.length, ...applied };
}

/** Open exception subject ids of a model, for rechecks (a bill corrected since is read again). */
async function openSubjects(deps: ScanDeps, model: string): Promise<number[]> {
  return (await deps.store.openKeys()).map(parseExceptionKey).flatMap((k) => (k && k.model === model ? [k.id] : []));
}

/** One reconciliation scan of a source (the scan queue's job schedulers run them), a page at a time. */
export async function runScan(source: ScanSource, deps: ScanDeps): Promise<ScanOutcome> {
  const now = deps.now();
  if (source === 'receipts') return apply(source, await detectPages(readLateReceiptPages(deps.odoo, deps.thresholds, now), deps, now), deps, now);
  if (source === 'orders') return apply(source, await detectPages(readOrderPages(deps.odoo), deps, now), deps, now);
  const since = await deps.cursors.get<ChangeCursor>(BILLS_CURSOR);
  const bills = readBillPages(deps.odoo, { since, recheck: await openSubjects(deps, 'account.move') });
  const outcome = await apply(source, await detectPages(bills, deps, now), deps, now);
  const cursor = bills.cursor();
  if (cursor) await deps.cursors.set(BILLS_CURSOR, cursor);
  return outcome;
}

/**
 * The webhook path: a change to one picking, order or bill re-evaluates that record's exceptions
 * at once instead of waiting for the next scan.
 */
export function alertListeners(deps: ScanDeps): Record<string, ChangeListener[]> {
  const one = (source: ScanSource, readOne: (id: number, now: Date) => Promise<SourceRead>) => async (change: OdooRecordChanged) => {
    const now = deps.now();
    await apply(source, await detectOne(await readOne(change.id, now), deps, now), deps, now);
  };
  return {
    'stock.picking': [one('receipts', (id) => readLateReceipts(deps.odoo, [id]))],
    'purchase.order': [one('orders', (id) => readOrders(deps.odoo, [id]))],
    'account.move': [one('bills', (id) => readBills(deps.odoo, [id]))],
  };
}
