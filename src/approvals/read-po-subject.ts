import type { OdooGateway } from '../ports/odoo-gateway.ts';
import { approvalSubjectFrom, type ApprovalSubject } from '../policy/approval-subject.ts';
import { snapshotOf, type PoSnapshot } from './po-snapshot.ts';

/** A PO as the card shows it (snapshot) and as the policy judges it (subject). */
export interface PoSubject {
  snapshot: PoSnapshot;
  subject: ApprovalSubject;
  /** When the PO started waiting, when Odoo tells; else the request time is used. */
  waitingSince: Date | null;
}

/** Reads the PO, its lines and its company in three calls (never one per line). Null when the PO is gone. */
export async function readPoSubject(odoo: OdooGateway, orderId: number): Promise<PoSubject | null> {
  const [order] = await odoo.read('purchaseOrder', [orderId]);
  if (!order) return null;
  const [lines, companies] = await Promise.all([
    order.lineIds.length ? odoo.read('purchaseOrderLine', order.lineIds) : Promise.resolve([]),
    order.company ? odoo.read('company', [order.company.id]) : Promise.resolve([]),
  ]);
  const company = companies[0] ?? { id: 0, name: 'No company', currency: order.currency, poDoubleValidation: 'one_step' as const, poDoubleValidationAmount: 0 };
  return { snapshot: snapshotOf(order, lines), subject: approvalSubjectFrom({ order, lines, company }), waitingSince: null };
}
