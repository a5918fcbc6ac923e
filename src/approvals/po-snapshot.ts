import { createHash } from 'node:crypto';
import type { PurchaseOrder, PurchaseOrderLine } from '../domain/odoo-records.ts';
import { formatAmount } from '../format/card-numbers.ts';

/**
 * What an approver sees and approves: the PO's amount, vendor, state and lines. The card is
 * pinned to a hash of it; when Odoo's current snapshot hashes differently, the card is stale.
 */
export interface PoSnapshot {
  orderId: number;
  orderName: string;
  state: string;
  vendorId: number | null;
  vendorName: string;
  amountTotal: number;
  currency: string;
  companyId: number | null;
  companyName: string | null;
  buyerId: number | null;
  buyerName: string | null;
  creatorId: number | null;
  datePlanned: string | null;
  lines: SnapshotLine[];
}

export interface SnapshotLine {
  productId: number | null;
  description: string;
  quantity: number;
  uom: string | null;
  priceUnit: number;
  subtotal: number;
  categoryName: string | null;
}

export function snapshotOf(order: PurchaseOrder, lines: PurchaseOrderLine[]): PoSnapshot {
  return {
    orderId: order.id,
    orderName: order.name,
    state: order.state,
    vendorId: order.partner?.id ?? null,
    vendorName: order.partner?.name ?? '(no vendor)',
    amountTotal: order.amountTotal,
    currency: order.currency?.name ?? '',
    companyId: order.company?.id ?? null,
    companyName: order.company?.name ?? null,
    buyerId: order.buyer?.id ?? null,
    buyerName: order.buyer?.name ?? null,
    creatorId: order.createdBy?.id ?? null,
    datePlanned: order.datePlanned?.toISOString() ?? null,
    lines: lines
      .filter((l) => l.displayType === null)
      .sort((a, b) => a.id - b.id)
      .map((l) => ({
        productId: l.product?.id ?? null,
        description: l.name,
        quantity: l.quantity,
        uom: l.uom?.name ?? null,
        priceUnit: l.priceUnit,
        subtotal: l.priceSubtotal,
        categoryName: l.productCategory?.name ?? null,
      })),
  };
}

/** The card version: amount, currency, vendor, state and lines; nothing cosmetic. */
export function snapshotVersion(s: PoSnapshot): string {
  const material = [
    s.state,
    s.amountTotal.toFixed(2),
    s.currency,
    s.vendorId,
    s.lines.map((l) => [l.productId, l.description, l.quantity, l.priceUnit.toFixed(4)]),
  ];
  return createHash('sha256').update(JSON.stringify(material)).digest('base64url').slice(0, 12);
}

const money = (n: number, currency: string) => formatAmount(n, currency || null);

/** What changed between the snapshot a card showed and Odoo's current one, in words. */
export function describeChanges(before: PoSnapshot, after: PoSnapshot): string[] {
  const changes: string[] = [];
  if (before.state !== after.state) changes.push(`state: ${before.state} → ${after.state}`);
  if (before.vendorId !== after.vendorId) changes.push(`vendor: ${before.vendorName} → ${after.vendorName}`);
  if (before.amountTotal.toFixed(2) !== after.amountTotal.toFixed(2) || before.currency !== after.currency) {
    changes.push(`amount: ${money(before.amountTotal, before.currency)} → ${money(after.amountTotal, after.currency)}`);
  }
  const key = (l: SnapshotLine) => `${l.productId}|${l.description}`;
  const old = new Map(before.lines.map((l) => [key(l), l]));
  const now = new Map(after.lines.map((l) => [key(l), l]));
  for (const [k, l] of now) {
    const o = old.get(k);
    if (!o) changes.push(`line added: ${l.description} (${l.quantity} × ${l.priceUnit})`);
    else if (o.quantity !== l.quantity || o.priceUnit !== l.priceUnit) changes.push(`${l.description}: ${o.quantity} × ${o.priceUnit} → ${l.quantity} × ${l.priceUnit}`);
  }
  for (const [k, l] of old) if (!now.has(k)) changes.push(`line removed: ${l.description}`);
  return changes;
}
