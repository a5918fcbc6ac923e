import type { Receipt, Warehouse } from '../../domain/odoo-records.ts';
import type { AlertThresholds } from '../alert-thresholds.ts';
import { lateReceiptSettingsFor } from '../alert-thresholds.ts';
import { HOUR_MS, hoursBetween, isoInstant, localDate, wholeDaysBetween } from '../alert-time.ts';
import type { ProcurementException, Severity } from '../exception.ts';
import { makeException } from '../exception.ts';
import type { IndexedSnapshot, ProcurementSnapshot } from '../procurement-snapshot.ts';
import { indexSnapshot } from '../procurement-snapshot.ts';
import { orderRecords, refOf } from '../record-refs.ts';

/** Receipts in these states are finished: received or called off, never late. */
const FINISHED = new Set<Receipt['state']>(['done', 'cancel']);

function severityOf(daysLate: number, t: AlertThresholds['lateReceipt']): { severity: Severity; rule: string } {
  const late = `${daysLate} day${daysLate === 1 ? '' : 's'} late`;
  if (daysLate >= t.criticalAfterDays) return { severity: 'critical', rule: `critical: ${late} (critical from ${t.criticalAfterDays})` };
  if (daysLate >= t.warningAfterDays) return { severity: 'warning', rule: `warning: ${late} (warning from ${t.warningAfterDays}, critical from ${t.criticalAfterDays})` };
  return { severity: 'info', rule: `info: less than ${t.warningAfterDays} day${t.warningAfterDays === 1 ? '' : 's'} late` };
}

/**
 * Incoming pickings not done or cancelled whose scheduled_date (+ the warehouse's grace hours) has
 * passed. A backorder is its own exception and names the receipt it was split from. Owner: the
 * warehouse of the picking type (its lead), else the PO's buyer.
 */
export function detectLateReceipts(
  snapshot: ProcurementSnapshot | IndexedSnapshot,
  thresholds: AlertThresholds,
  now: Date,
): ProcurementException[] {
  const snap = indexSnapshot(snapshot);
  const settingsByWarehouse = new Map<number | null, ReturnType<typeof lateReceiptSettingsFor>>();
  const settingsOf = (r: Receipt) => {
    const id = r.warehouse?.id ?? null;
    let s = settingsByWarehouse.get(id);
    if (!s) {
      const wh: Warehouse | undefined = id === null ? undefined : snap.warehouseById.get(id);
      s = lateReceiptSettingsFor(thresholds, r.warehouse ? { id: r.warehouse.id, name: wh?.name ?? r.warehouse.name, code: wh?.code ?? null } : null);
      settingsByWarehouse.set(id, s);
    }
    return s;
  };
  const out: ProcurementException[] = [];
  const nowMs = now.getTime();
  for (const r of snap.receipts) {
    if (FINISHED.has(r.state) || !r.scheduledDate) continue;
    const settings = settingsOf(r);
    // Strictly after: a receipt is not late at the very instant it is due.
    if (nowMs <= r.scheduledDate.getTime() + settings.graceHours * HOUR_MS) continue;
    const order = r.purchaseOrder ? snap.orderById.get(r.purchaseOrder.id) : undefined;
    const daysLate = wholeDaysBetween(r.scheduledDate, now);
    const { severity, rule } = severityOf(daysLate, thresholds.lateReceipt);
    const vendorName = r.partner?.name ?? order?.partner?.name ?? null;
    const poName = r.purchaseOrder?.name ?? order?.name ?? null;
    const scheduledLocalDate = localDate(r.scheduledDate, settings.timeZone);
    const base = orderRecords(order);
    const hoursLate = hoursBetween(r.scheduledDate, now);
    const howLate = daysLate >= 1 ? `${daysLate} day${daysLate === 1 ? '' : 's'}` : hoursLate >= 1 ? `${Math.floor(hoursLate)} h` : `${Math.round(hoursLate * 60)} min`;
    const title =
      `${r.name}${poName ? ` (${poName})` : ''}${vendorName ? ` from ${vendorName}` : ''} is ${howLate} late` +
      `${r.backorderOf ? `: backorder of ${r.backorderOf.name}` : ''}`;
    out.push(
      makeException('late-receipt', {
        severity,
        severityRule: rule,
        owner: r.warehouse ? { kind: 'warehouse', warehouseId: r.warehouse.id } : { kind: 'buyer', odooUserId: order?.buyer?.id ?? null },
        title,
        facts: {
          receiptName: r.name,
          poName,
          vendorName,
          warehouseName: r.warehouse?.name ?? null,
          state: r.state,
          scheduledDate: isoInstant(r.scheduledDate),
          scheduledLocalDate,
          timeZone: settings.timeZone,
          deadline: r.dateDeadline ? isoInstant(r.dateDeadline) : null,
          hoursLate,
          daysLate,
          graceHours: settings.graceHours,
          backorderOf: r.backorderOf ? { id: r.backorderOf.id, name: r.backorderOf.name } : null,
        },
        records: {
          ...base,
          subject: { model: 'stock.picking', id: r.id, name: r.name },
          purchaseOrder: base.purchaseOrder ?? refOf('purchase.order', r.purchaseOrder),
          warehouse: refOf('stock.warehouse', r.warehouse) ?? base.warehouse,
          vendor: refOf('res.partner', r.partner) ?? base.vendor,
          related: r.backorderOf ? [{ model: 'stock.picking', id: r.backorderOf.id, name: r.backorderOf.name }] : [],
        },
        // A new scheduled date (rescheduled by the vendor) is material; the clock ticking is not.
        material: { scheduledDate: r.scheduledDate, backorderOf: r.backorderOf?.id ?? null },
        // What the card names and shows besides: the receipt's state, its deadline, the PO and vendor.
        shown: { state: r.state, deadline: r.dateDeadline, po: poName, vendor: vendorName, warehouse: r.warehouse?.name ?? null },
        now,
      }),
    );
  }
  return out;
}
