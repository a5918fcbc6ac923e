import type { PurchaseOrder, PurchaseOrderLine } from '../../domain/odoo-records.ts';
import type { AlertThresholds } from '../alert-thresholds.ts';
import { DAY_MS, HOUR_MS, isoInstant } from '../alert-time.ts';
import type { ProcurementException, Severity, SlippedLine } from '../exception.ts';
import { makeException } from '../exception.ts';
import type { IndexedSnapshot, ProcurementSnapshot } from '../procurement-snapshot.ts';
import { indexSnapshot } from '../procurement-snapshot.ts';
import { orderRecords } from '../record-refs.ts';

/** What the ETA detector found, and what the bot should change in its memory of first promises. */
export interface EtaSlippedResult {
  exceptions: ProcurementException[];
  /** Lines seen for the first time with a promise: store these (never overwrite an existing one). */
  remember: Map<number, Date>;
  /** Lines whose promise no longer matters (fully received, order done or cancelled): drop them. */
  forget: number[];
}

/** Only a confirmed order carries a vendor's promise; an RFQ's date is a wish. */
const PROMISING = new Set<PurchaseOrder['state']>(['purchase']);
const FINISHED = new Set<PurchaseOrder['state']>(['done', 'cancel']);

function slipDaysOf(ms: number): number {
  return Math.round((ms / DAY_MS) * 10) / 10;
}

function severityOf(maxSlipDays: number, t: AlertThresholds['etaSlipped']): { severity: Severity; rule: string } {
  const slip = `planned ${maxSlipDays} days after the first promise`;
  if (maxSlipDays >= t.criticalAfterDays) return { severity: 'critical', rule: `critical: ${slip} (critical from ${t.criticalAfterDays})` };
  if (maxSlipDays >= t.warningAfterDays) return { severity: 'warning', rule: `warning: ${slip} (warning from ${t.warningAfterDays}, critical from ${t.criticalAfterDays})` };
  return { severity: 'info', rule: `info: ${slip} (warning from ${t.warningAfterDays})` };
}

function isOpenProductLine(line: PurchaseOrderLine): boolean {
  return line.displayType === null && line.qtyReceived < line.quantity;
}

/**
 * PO lines of confirmed orders whose date_planned is later than the first date promised (by more
 * than `min_slip_hours`), one exception per PO listing its slipped lines. `firstPromised` is the
 * bot's memory (lineId -> first date_planned seen on a confirmed order); a line seen for the first
 * time is remembered, not reported. Owner: the PO's buyer.
 */
export function detectEtaSlipped(
  snapshot: ProcurementSnapshot | IndexedSnapshot,
  thresholds: AlertThresholds,
  now: Date,
  firstPromised: ReadonlyMap<number, Date>,
): EtaSlippedResult {
  const snap = indexSnapshot(snapshot);
  const t = thresholds.etaSlipped;
  const minSlipMs = t.minSlipHours * HOUR_MS;
  const result: EtaSlippedResult = { exceptions: [], remember: new Map(), forget: [] };
  for (const order of snap.purchaseOrders) {
    const lines = snap.orderLinesByOrder.get(order.id) ?? [];
    if (!PROMISING.has(order.state)) {
      if (FINISHED.has(order.state)) for (const l of lines) if (firstPromised.has(l.id)) result.forget.push(l.id);
      continue;
    }
    const slipped: SlippedLine[] = [];
    let newEta = 0;
    let promised = 0;
    let maxSlipMs = 0;
    for (const line of lines) {
      if (!isOpenProductLine(line)) {
        if (firstPromised.has(line.id)) result.forget.push(line.id);
        continue;
      }
      if (!line.datePlanned) continue;
      const first = firstPromised.get(line.id);
      if (!first) {
        result.remember.set(line.id, line.datePlanned);
        continue;
      }
      const slipMs = line.datePlanned.getTime() - first.getTime();
      if (slipMs <= minSlipMs) continue;
      slipped.push({
        lineId: line.id,
        product: line.product?.name ?? line.name,
        firstPromised: isoInstant(first),
        datePlanned: isoInstant(line.datePlanned),
        slipDays: slipDaysOf(slipMs),
      });
      if (line.datePlanned.getTime() > newEta) {
        newEta = line.datePlanned.getTime();
        promised = first.getTime();
      }
      maxSlipMs = Math.max(maxSlipMs, slipMs);
    }
    if (slipped.length === 0) continue;
    const maxSlipDays = slipDaysOf(maxSlipMs);
    const { severity, rule } = severityOf(maxSlipDays, t);
    const newEtaIso = isoInstant(new Date(newEta));
    const vendorName = order.partner?.name ?? null;
    result.exceptions.push(
      makeException('eta-slipped', {
        severity,
        severityRule: rule,
        owner: { kind: 'buyer', odooUserId: order.buyer?.id ?? null },
        title: `${order.name}${vendorName ? ` from ${vendorName}` : ''}: ETA moved to ${newEtaIso.slice(0, 10)} (+${maxSlipDays} days, ${slipped.length} line${slipped.length === 1 ? '' : 's'})`,
        facts: {
          poName: order.name,
          vendorName,
          warehouseName: order.warehouse?.name ?? null,
          newEta: newEtaIso,
          firstPromised: isoInstant(new Date(promised)),
          maxSlipDays,
          lines: slipped,
        },
        records: {
          ...orderRecords(order),
          subject: { model: 'purchase.order', id: order.id, name: order.name },
          related: slipped.map((s) => ({ model: 'purchase.order.line', id: s.lineId, name: s.product })),
        },
        // Each line's new date is material: a further slip is news, the same slip again is not.
        material: slipped.map((s) => [s.lineId, s.datePlanned]),
        shown: { state: order.state, vendor: vendorName, warehouse: order.warehouse?.name ?? null, firstPromised: promised },
        now,
      }),
    );
  }
  return result;
}
