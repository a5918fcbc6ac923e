import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { OdooAwaitGateway } from '../adapters/odoo/odoo-await-gateway.ts';
import type { OdooStore } from '../adapters/embedded-odoo/store.ts';
import type { BenchFigure, BenchRun } from './bench-types.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const START_ENTRY = resolve(ROOT, 'adapters/embedded-odoo/start-embedded-odoo.ts');
const SEED_ENTRY = resolve(ROOT, 'adapters/embedded-odoo/seed/seed-distribution.ts');

/** Purchase orders in the seeded database (lines: about 3 per order). */
const SCALE = Number(process.env.BENCH_ODOO_POS ?? 5000);
const PAGE_SIZES = [200, 1000] as const;
const VERSION = 18;

interface EmbeddedOdoo {
  url: string;
  db: string;
  store: OdooStore;
  stop(): Promise<void> | void;
}
type StartEmbeddedOdoo = (o: { port: number; version?: 17 | 18; seed?: (store: OdooStore) => void }) => Promise<EmbeddedOdoo>;
type SeedDistribution = (store: OdooStore, o: { seed: number; scale: number; now: Date }) => unknown;

/**
 * Gateway search_read throughput against the embedded Odoo over real XML-RPC: full paged scans
 * (by id) of purchase orders and of their lines, page sizes 200 and 1000, records/s end to end
 * (HTTP, XML encode/decode, zod validation, the batched product-category read for lines).
 */
export const run: BenchRun = async () => {
  if (!existsSync(START_ENTRY)) {
    throw new Error('odoo-search-read: adapters/embedded-odoo/start-embedded-odoo.ts is missing (the embedded Odoo has not landed)');
  }
  const { startEmbeddedOdoo } = (await import(pathToFileURL(START_ENTRY).href)) as { startEmbeddedOdoo: StartEmbeddedOdoo };
  const seedDistribution = existsSync(SEED_ENTRY)
    ? ((await import(pathToFileURL(SEED_ENTRY).href)) as { seedDistribution: SeedDistribution }).seedDistribution
    : undefined;
  const now = new Date('2026-11-26T12:00:00Z');
  const odoo = await startEmbeddedOdoo({
    port: 0,
    version: VERSION,
    seed: (store) => (seedDistribution ? void seedDistribution(store, { seed: 42, scale: SCALE, now }) : seedThroughStore(store, SCALE, now)),
  });
  const seededBy = seedDistribution ? 'seedDistribution' : 'store rows';
  const gateway = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin', timeoutMs: 60_000 });
  const figures: BenchFigure[] = [];
  try {
    await gateway.search('purchaseOrder', { limit: 1 }); // authenticate and fields_get outside the timing
    for (const kind of ['purchaseOrder', 'purchaseOrderLine'] as const) {
      for (const pageSize of PAGE_SIZES) {
        let records = 0;
        let pages = 0;
        const started = performance.now();
        for await (const page of gateway.scan(kind, { pageSize })) {
          records += page.records.length;
          pages += 1;
        }
        const seconds = (performance.now() - started) / 1000;
        const model = kind === 'purchaseOrder' ? 'purchase.order' : 'purchase.order.line';
        const params = { model, pageSize, records, pages, odoo: VERSION, seededBy };
        figures.push(
          { bench: 'odoo-search-read', metric: `${model} scan throughput`, value: Math.round(records / seconds), unit: 'records/s', params },
          { bench: 'odoo-search-read', metric: `${model} page latency (mean)`, value: Math.round((seconds * 1000) / Math.max(pages, 1)), unit: 'ms', params },
        );
      }
    }
  } finally {
    gateway.close();
    await odoo.stop();
  }
  return figures;
};

/** Without the dataset generator: POs with 3 lines each, inserted as stored rows. */
function seedThroughStore(store: OdooStore, orders: number, now: Date): void {
  const first = (model: string) => store.rows(model)[0]?.id ?? false;
  const partner = store.rows('res.partner').find((p) => Number(p.supplier_rank ?? 0) > 0)?.id ?? first('res.partner');
  const product = first('product.product');
  const company = first('res.company');
  const currency = (company && store.get('res.company', company)?.currency_id) || first('res.currency');
  const uom = first('uom.uom');
  const stamp = now.toISOString().slice(0, 19).replace('T', ' ');
  for (let i = 1; i <= orders; i += 1) {
    const orderId = store.insert('purchase.order', {
      name: `PB${String(i).padStart(6, '0')}`, state: i % 3 === 0 ? 'purchase' : 'draft', partner_id: partner,
      user_id: 2, create_uid: 2, company_id: company, currency_id: currency, amount_untaxed: 300, amount_total: 300,
      date_order: stamp, date_approve: false, date_planned: stamp, partner_ref: false, origin: false, order_line: [],
      picking_ids: [], invoice_ids: [], receipt_status: false, invoice_status: 'no', priority: '0',
      mail_reception_confirmed: false, notes: false, create_date: stamp, write_date: stamp, write_uid: 2,
    });
    const lines = [1, 2, 3].map((n) =>
      store.insert('purchase.order.line', {
        order_id: orderId, product_id: product, name: `Line ${n}`, display_type: false, product_qty: n * 10,
        qty_received: 0, qty_invoiced: 0, price_unit: 10, price_subtotal: n * 100, date_planned: stamp,
        product_uom: uom, company_id: company, currency_id: currency, create_date: stamp, write_date: stamp,
      }),
    );
    store.update('purchase.order', orderId, { order_line: lines });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await run();
  for (const f of figures) console.log(`${f.metric.padEnd(40)} ${String(f.value).padStart(8)} ${f.unit}  ${JSON.stringify(f.params)}`);
}
