import type { Receipt } from '../../domain/odoo-records.ts';
import type { OdooGateway } from '../../ports/odoo-gateway.ts';
import { keysOfTypes } from '../clear-exceptions.ts';
import type { AlertThresholds } from '../alert-thresholds.ts';
import { HOUR_MS } from '../alert-time.ts';
import { CountingReader, keysOfSubjects, type SourceRead } from './source-read.ts';

const TYPES = ['late-receipt'] as const;

/**
 * Incoming pickings that can be late: not done or cancelled and scheduled before now (minus the
 * smallest grace any warehouse has), with their POs, warehouses and companies. With `ids`, just
 * those pickings whatever their state (a webhook: a done one clears its exception).
 */
export async function readLateReceipts(odoo: Pick<OdooGateway, 'scan' | 'read' | 'search'>, thresholds: AlertThresholds, now: Date, ids?: readonly number[]): Promise<SourceRead> {
  const r = new CountingReader(odoo);
  const minGrace = Math.min(thresholds.lateReceipt.graceHours, ...thresholds.lateReceipt.warehouses.map((w) => w.graceHours ?? thresholds.lateReceipt.graceHours));
  const receipts: Receipt[] = ids
    ? await r.all('receipt', [['id', 'in', [...ids]]])
    : await r.all('receipt', [['state', 'not in', ['done', 'cancel']], ['scheduled_date', '<', new Date(now.getTime() - minGrace * HOUR_MS)]]);
  const orderIds = receipts.flatMap((x) => (x.purchaseOrder ? [x.purchaseOrder.id] : []));
  const [purchaseOrders, warehouses, companies] = await Promise.all([r.byIds('purchaseOrder', orderIds), r.all('warehouse', []), r.all('company', [])]);
  return {
    snapshot: { receipts, purchaseOrders, warehouses, companies },
    types: TYPES,
    inScope: ids ? keysOfSubjects(TYPES, 'stock.picking', ids) : keysOfTypes(TYPES),
    recordsRead: r.recordsRead,
  };
}

/** Why a late receipt cleared, in words, from the picking as it is now. */
export function receiptClearedReason(receipt: Receipt | undefined): string | null {
  if (!receipt) return 'the receipt no longer exists in Odoo';
  if (receipt.state === 'done') return `${receipt.name} was received${receipt.dateDone ? ` on ${receipt.dateDone.toISOString().slice(0, 16).replace('T', ' ')} UTC` : ''}`;
  if (receipt.state === 'cancel') return `${receipt.name} was cancelled`;
  return receipt.scheduledDate ? `${receipt.name} was rescheduled to ${receipt.scheduledDate.toISOString().slice(0, 10)}` : null;
}
