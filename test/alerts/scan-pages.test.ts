/**
 * The alert scan reads a page of records at a time and detects on it before reading the next, so
 * its memory is one page whatever the size of the database. Paging must not change what it finds:
 * over the seeded dataset, small pages find exactly what one detection over every record finds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDistribution } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import { startEmbeddedOdoo, type EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import { detectAll } from '../../src/alerts/detect-all.ts';
import type { FirstPromiseStore } from '../../src/alerts/lifecycle/exception-store.ts';
import { readBillPages } from '../../src/alerts/sources/read-bills.ts';
import { readLateReceiptPages } from '../../src/alerts/sources/read-late-receipts.ts';
import { readOrderPages } from '../../src/alerts/sources/read-orders.ts';
import { detectOn } from '../../src/alerts/sources/run-scan.ts';
import type { SourcePages } from '../../src/alerts/sources/source-read.ts';
import type { OdooRecordKind, OdooRecordKinds } from '../../src/domain/odoo-records.ts';
import { officeHours, thresholds as makeThresholds } from './fixtures.ts';

const NOW = new Date('2026-11-26T23:00:00Z');
const PAGE = 23;
const thresholds = makeThresholds({}, officeHours('America/Chicago'));

function memoryStore(): FirstPromiseStore {
  const m = new Map<number, Date>();
  return {
    getMany: async (ids) => new Map(ids.flatMap((id) => (m.has(id) ? [[id, m.get(id)!] as const] : []))),
    remember: async (p) => void p.forEach((d, id) => (m.has(id) ? undefined : m.set(id, d))),
    forget: async (ids) => void ids.forEach((id) => m.delete(id)),
  };
}

describe('the alert scan, a page at a time', () => {
  let odoo: EmbeddedOdoo;
  let gateway: OdooAwaitGateway;
  let everything: Set<string>;

  async function readAll<K extends OdooRecordKind>(kind: K): Promise<OdooRecordKinds[K][]> {
    const out: OdooRecordKinds[K][] = [];
    for await (const page of gateway.scan(kind, { pageSize: 1000 })) out.push(...page.records);
    return out;
  }

  async function scanKeys(pages: SourcePages, sizeOf: (read: Awaited<ReturnType<typeof firstPage>>) => number) {
    const keys = new Set<string>();
    const firstPromises = memoryStore();
    let count = 0;
    for await (const read of pages.pages()) {
      count++;
      expect(sizeOf(read)).toBeLessThanOrEqual(PAGE);
      for (const e of await detectOn(read, { thresholds, firstPromises }, NOW)) keys.add(e.key);
    }
    return { keys, count };
  }
  const firstPage = async (p: SourcePages) => (await p.pages()[Symbol.asyncIterator]().next()).value!;

  beforeAll(async () => {
    odoo = await startEmbeddedOdoo({ port: 0, now: () => NOW, seed: (store) => void seedDistribution(store, { seed: 42, scale: 150, now: NOW }) });
    gateway = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin', timeoutMs: 20_000 });
    const [purchaseOrders, purchaseOrderLines, receipts, vendorBills, vendorBillLines, companies, warehouses] = await Promise.all([
      readAll('purchaseOrder'), readAll('purchaseOrderLine'), readAll('receipt'), readAll('vendorBill'), readAll('vendorBillLine'), readAll('company'), readAll('warehouse'),
    ]);
    const all = detectAll({ purchaseOrders, purchaseOrderLines, receipts, vendorBills, vendorBillLines, companies, warehouses }, thresholds, NOW).exceptions;
    everything = new Set(all.map((e) => e.key));
  }, 60_000);
  afterAll(async () => {
    gateway?.close();
    await odoo?.stop();
  });

  const ofTypes = (types: readonly string[]) => new Set([...everything].filter((k) => types.includes(k.split(':')[0]!)));

  it('late receipts: pages of at most the page size, the same exceptions as one read of everything', async () => {
    const pages = readLateReceiptPages(gateway, thresholds, NOW, PAGE);
    const { keys, count } = await scanKeys(pages, (r) => r.snapshot.receipts?.length ?? 0);
    expect(count).toBeGreaterThan(1);
    expect(keys.size).toBeGreaterThan(0);
    expect(keys).toEqual(ofTypes(pages.types));
  });

  it('orders: the same exceptions as one read of everything', async () => {
    const pages = readOrderPages(gateway, PAGE);
    const { keys, count } = await scanKeys(pages, (r) => r.snapshot.purchaseOrders?.length ?? 0);
    expect(count).toBeGreaterThan(1);
    expect(keys.size).toBeGreaterThan(0);
    // ETA slips need the first promise remembered by an earlier scan, which a one-off read has not.
    const types = pages.types.filter((t) => t !== 'eta-slipped');
    expect(new Set([...keys].filter((k) => types.includes(k.split(':')[0] as never)))).toEqual(ofTypes(types));
  });

  it('bills: the same exceptions as one read of everything, a bill found from two pages counted once', async () => {
    const pages = readBillPages(gateway, { since: null, recheck: [], pageSize: PAGE });
    const { keys, count } = await scanKeys(pages, () => 0);
    expect(count).toBeGreaterThan(1);
    expect(keys.size).toBeGreaterThan(0);
    expect(keys).toEqual(ofTypes(pages.types));
    expect(pages.cursor()).not.toBeNull();
    // Every bill the scan looked at is in scope for clearing, and only bill types.
    const bill = [...keys][0]!;
    expect(pages.inScope(bill)).toBe(true);
    expect(pages.inScope('late-receipt:stock.picking:1')).toBe(false);
  });
});
