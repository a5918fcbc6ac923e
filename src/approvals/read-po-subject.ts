import type { OdooGateway } from '../ports/odoo-gateway.ts';
import { snapshotOf, type PoSnapshot } from './po-snapshot.ts';

/** A PO as the policy judges it: its snapshot and the warehouse it is delivered to. */
export interface PoSubject {
  snapshot: PoSnapshot;
  warehouse: string | null;
  /** When the PO started waiting, when Odoo tells; else the request time is used. */
  waitingSince: Date | null;
}

/** Reads the PO and its lines in two calls (never one per line). Null when the PO is gone. */
export async function readPoSubject(odoo: OdooGateway, orderId: number): Promise<PoSubject | null> {
  const [order] = await odoo.read('purchaseOrder', [orderId]);
  if (!order) return null;
  const lines = order.lineIds.length ? await odoo.read('purchaseOrderLine', order.lineIds) : [];
  return { snapshot: snapshotOf(order, lines), warehouse: order.warehouse?.name ?? null, waitingSince: null };
}
