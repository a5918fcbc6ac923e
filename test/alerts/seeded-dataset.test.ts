/**
 * detectAll over the seeded distribution dataset, read through the real gateway (XML-RPC) from the
 * embedded Odoo: every interesting record the seed planted is found, and the innocent are not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { startEmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import type { SeedSummary } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import { seedDistribution } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import type { DetectionInput } from '../../src/alerts/detect-all.ts';
import { detectAll } from '../../src/alerts/detect-all.ts';
import type { ProcurementException } from '../../src/alerts/exception.ts';
import type { OdooRecordKind, OdooRecordKinds } from '../../src/domain/odoo-records.ts';
import { officeHours, thresholds } from './fixtures.ts';

const NOW = new Date('2026-11-26T23:00:00Z');

async function readAll<K extends OdooRecordKind>(gateway: OdooAwaitGateway, kind: K): Promise<OdooRecordKinds[K][]> {
  const out: OdooRecordKinds[K][] = [];
  for await (const page of gateway.scan(kind, { pageSize: 1000 })) out.push(...page.records);
  return out;
}

describe('detectAll over the seeded dataset, read through the gateway', () => {
  let odoo: EmbeddedOdoo;
  let gateway: OdooAwaitGateway;
  let summary: SeedSummary;
  let snapshot: DetectionInput;
  let found: ProcurementException[];
  const keys = new Set<string>();
  const byKey = new Map<string, ProcurementException>();

  beforeAll(async () => {
    odoo = await startEmbeddedOdoo({
      port: 0,
      now: () => NOW,
      seed: (store) => {
        summary = seedDistribution(store, { seed: 42, scale: 150, now: NOW });
      },
    });
    gateway = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin', timeoutMs: 20_000 });
    const [purchaseOrders, purchaseOrderLines, receipts, vendorBills, vendorBillLines, companies, warehouses] = await Promise.all([
      readAll(gateway, 'purchaseOrder'),
      readAll(gateway, 'purchaseOrderLine'),
      readAll(gateway, 'receipt'),
      readAll(gateway, 'vendorBill'),
      readAll(gateway, 'vendorBillLine'),
      readAll(gateway, 'company'),
      readAll(gateway, 'warehouse'),
    ]);
    snapshot = { purchaseOrders, purchaseOrderLines, receipts, vendorBills, vendorBillLines, companies, warehouses };
    found = detectAll(snapshot, thresholds({}, officeHours('America/Chicago')), NOW).exceptions;
    for (const e of found) {
      keys.add(e.key);
      byKey.set(e.key, e);
    }
  }, 60_000);

  afterAll(async () => {
    gateway?.close();
    await odoo?.stop();
  });

  it('read a meaningful dataset', () => {
    expect(snapshot.purchaseOrders?.length).toBeGreaterThanOrEqual(150);
    expect(snapshot.receipts?.length).toBeGreaterThan(50);
    expect(snapshot.vendorBills?.length).toBeGreaterThan(30);
  });

  it('finds every planted late receipt, owned by its warehouse', () => {
    expect(summary.interesting.lateReceipts.length).toBeGreaterThan(0);
    for (const late of summary.interesting.lateReceipts) {
      const e = byKey.get(`late-receipt:stock.picking:${late.pickingId}`);
      expect(e, late.pickingName).toBeDefined();
      expect(e?.owner).toEqual({ kind: 'warehouse', warehouseId: late.warehouseId });
      expect(e?.type === 'late-receipt' && e.facts.poName).toBe(late.poName);
    }
  });

  it('finds the overdue backorders of partial receipts, naming the original; not the ones still to come', () => {
    const receipts = new Map((snapshot.receipts ?? []).map((r) => [r.id, r]));
    let overdue = 0;
    for (const p of summary.interesting.partialReceipts) {
      const backorder = receipts.get(p.backorderId);
      expect(backorder?.backorderOf?.id).toBe(p.pickingId);
      expect(keys.has(`late-receipt:stock.picking:${p.pickingId}`)).toBe(false); // the done original
      const due = (backorder?.scheduledDate?.getTime() ?? Infinity) < NOW.getTime();
      const e = byKey.get(`late-receipt:stock.picking:${p.backorderId}`);
      expect(e !== undefined, `${p.poName} backorder due=${due}`).toBe(due);
      if (e?.type === 'late-receipt') {
        overdue++;
        expect(e.facts.backorderOf?.id).toBe(p.pickingId);
      }
    }
    expect(summary.interesting.partialReceipts.length).toBeGreaterThan(0);
    expect(overdue).toBeGreaterThan(0);
  });

  it('finds every unconfirmed PO, for its buyer', () => {
    expect(summary.interesting.unconfirmed.length).toBeGreaterThan(0);
    for (const u of summary.interesting.unconfirmed) {
      expect(keys.has(`unconfirmed-po:purchase.order:${u.id}`), u.name).toBe(true);
    }
  });

  it('finds every mismatched bill: price, quantity, duplicate ref, nothing received, no PO', () => {
    const i = summary.interesting;
    for (const b of i.priceMismatchBills) {
      const e = byKey.get(`bill-price-mismatch:account.move:${b.billId}`);
      expect(e, `price ${b.poName}`).toBeDefined();
      expect(e?.type === 'bill-price-mismatch' && e.facts.lines.map((l) => [l.poLineId, l.poPrice?.amount, l.billPrice.amount])).toEqual([[b.poLineId, b.poPrice, b.billPrice]]);
    }
    for (const b of i.quantityMismatchBills) expect(keys.has(`bill-over-received:account.move:${b.billId}`), `qty ${b.poName}`).toBe(true);
    for (const b of i.duplicateRefBills) {
      const [original, duplicate] = b.billIds;
      const e = byKey.get(`bill-duplicate-ref:account.move:${duplicate}`);
      expect(e?.type === 'bill-duplicate-ref' && e.facts.original.id).toBe(original);
    }
    for (const b of i.unreceivedBills) expect(keys.has(`bill-nothing-received:account.move:${b.billId}`), `unreceived ${b.poName}`).toBe(true);
    for (const id of i.billsWithoutPo) expect(keys.has(`bill-without-po:account.move:${id}`), `without PO ${id}`).toBe(true);
    expect([i.priceMismatchBills, i.quantityMismatchBills, i.duplicateRefBills, i.unreceivedBills, i.billsWithoutPo].every((l) => l.length > 0)).toBe(true);
  });

  it('does not mistake billing an over-receipt for billing more than received, nor flag matching bills', () => {
    const overReceived = new Set(summary.interesting.overReceivedLineIds);
    expect(overReceived.size).toBeGreaterThan(0);
    for (const e of found) {
      if (e.type !== 'bill-over-received') continue;
      for (const l of e.facts.lines) expect(overReceived.has(l.poLineId ?? 0)).toBe(false);
    }
    // Every bill exception is about a bill the seed planted as wrong.
    const i = summary.interesting;
    const planted = new Set([
      ...i.priceMismatchBills.map((b) => b.billId), ...i.quantityMismatchBills.map((b) => b.billId),
      ...i.duplicateRefBills.flatMap((b) => b.billIds), ...i.unreceivedBills.map((b) => b.billId), ...i.billsWithoutPo,
    ]);
    const billExceptions = found.filter((e) => e.type.startsWith('bill-'));
    const unplanted = billExceptions.filter((e) => !planted.has(e.records.subject.id));
    // The summary lists at most 25 examples per kind; at scale 150 that is all of them.
    expect(unplanted.map((e) => e.title)).toEqual([]);
  });
});
