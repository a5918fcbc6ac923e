import type { Company, Receipt, Warehouse } from '../../domain/odoo-records.ts';
import type { OdooDomain, OdooGateway } from '../../ports/odoo-gateway.ts';
import type { AlertThresholds } from '../alert-thresholds.ts';
import { HOUR_MS } from '../alert-time.ts';
import { CountingReader, keysOfSubjects, PAGE_SIZE, pagedSource, type SourcePages, type SourceRead } from './source-read.ts';

const TYPES = ['late-receipt'] as const;

type Odoo = Pick<OdooGateway, 'scan' | 'read' | 'search'>;

async function withOrders(r: CountingReader, receipts: Receipt[], warehouses: Warehouse[], companies: Company[]): Promise<SourceRead['snapshot']> {
  const purchaseOrders = await r.byIds('purchaseOrder', receipts.flatMap((x) => (x.purchaseOrder ? [x.purchaseOrder.id] : [])));
  return { receipts, purchaseOrders, warehouses, companies };
}

/**
 * Incoming pickings that can be late (not done or cancelled, scheduled before now minus the
 * smallest grace any warehouse has), a page at a time with their POs: the scan holds one page.
 */
export function readLateReceiptPages(odoo: Odoo, thresholds: AlertThresholds, now: Date, pageSize = PAGE_SIZE): SourcePages {
  const minGrace = Math.min(thresholds.lateReceipt.graceHours, ...thresholds.lateReceipt.warehouses.map((w) => w.graceHours ?? thresholds.lateReceipt.graceHours));
  const domain: OdooDomain = [['state', 'not in', ['done', 'cancel']], ['scheduled_date', '<', new Date(now.getTime() - minGrace * HOUR_MS)]];
  return pagedSource(odoo, { kind: 'receipt', domain, pageSize, types: TYPES }, withOrders);
}

/** Just these pickings whatever their state (a webhook: a done one clears its exception). */
export async function readLateReceipts(odoo: Odoo, ids: readonly number[]): Promise<SourceRead> {
  const r = new CountingReader(odoo);
  const receipts = await r.all('receipt', [['id', 'in', [...ids]]]);
  const [warehouses, companies] = await Promise.all([r.all('warehouse', []), r.all('company', [])]);
  return { snapshot: await withOrders(r, receipts, warehouses, companies), types: TYPES, inScope: keysOfSubjects(TYPES, 'stock.picking', ids), recordsRead: r.recordsRead };
}

/** Why a late receipt cleared, in words, from the picking as it is now. */
export function receiptClearedReason(receipt: Receipt | undefined): string | null {
  if (!receipt) return 'the receipt no longer exists in Odoo';
  if (receipt.state === 'done') return `${receipt.name} was received${receipt.dateDone ? ` on ${receipt.dateDone.toISOString().slice(0, 16).replace('T', ' ')} UTC` : ''}`;
  if (receipt.state === 'cancel') return `${receipt.name} was cancelled`;
  return receipt.scheduledDate ? `${receipt.name} was rescheduled to ${receipt.scheduledDate.toISOString().slice(0, 10)}` : null;
}
