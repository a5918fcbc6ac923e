/**
 * The seeded distribution dataset of the embedded Odoo: Northgate Supply Group with two companies,
 * four warehouses, its staff, vendors, products, and `scale` purchase orders in every state with
 * their receipts, bills and chatter, deterministic from `seed` and `now`.
 *
 * Rows go straight into the store with stored-computed fields already consistent, because the ORM
 * reads them back as stored. The base database (admin, main company, warehouse0, groups, ...) must
 * already be in the store; it is looked up by xmlid.
 */
import type { OdooStore } from '../store.ts';
import { seedBillsWithoutPo } from './bills-without-po.ts';
import { seedCompanies, seedWarehouses } from './companies-and-warehouses.ts';
import { odooDatetime } from './dates.ts';
import { createPlanner, horizonDays, SHOWCASE, WEIGHTS } from './generated-orders.ts';
import { seedProducts } from './products.ts';
import { createRng } from './random.ts';
import type { Materialized, Plan } from './scenarios.ts';
import { materialize } from './scenarios.ts';
import type { SeedContext } from './seed-context.ts';
import { rowOf } from './seed-context.ts';
import type { SeedSummary } from './seed-summary.ts';
import { countRows } from './seed-summary.ts';
import { buildSummary } from './summary-builder.ts';
import { loadSupplierEmails } from './supplier-email-data.ts';
import { emailPoNames, planEmailOrders, postSupplierEmails } from './supplier-emails.ts';
import { seedUsers } from './users.ts';
import { seedVendors } from './vendors.ts';
import { seedSupplierInfo } from './supplier-info.ts';

export interface SeedOptions {
  /** @defaultValue 42 */
  seed?: number;
  /** Number of purchase orders (at least the email POs plus the showcase). @defaultValue 300 */
  scale?: number;
  /** Dates are relative to it (late stays late whenever the demo runs). @defaultValue new Date() */
  now?: Date;
  /**
   * Called every 500 POs and after each phase, so a caller can sample memory during this
   * synchronous run (the dataset bench does). Never influences the rows.
   */
  onProgress?: (posDone: number, posTotal: number) => void;
}

export type { SeedSummary };

export function poName(n: number): string {
  return `P${String(n).padStart(5, '0')}`;
}

export function seedDistribution(store: OdooStore, opts: SeedOptions = {}): SeedSummary {
  const seed = opts.seed ?? 42;
  const scale = Math.max(0, Math.floor(opts.scale ?? 300));
  const now = opts.now ?? new Date();
  const emails = loadSupplierEmails();
  const rng = createRng(seed);
  const ctx: SeedContext = {
    store, rng, now, nowStr: odooDatetime(now),
    adminUid: store.ref('base.user_admin'),
    adminPartnerId: store.ref('base.partner_admin'),
    uomUnitId: store.ref('uom.product_uom_unit'),
    companies: undefined as never, warehouses: [], users: [], vendors: [], vendorByName: new Map(),
    products: [], productsByCategory: new Map(),
  };
  ctx.companies = seedCompanies(ctx);
  ctx.warehouses = seedWarehouses(ctx);
  ctx.users = seedUsers(ctx);
  ctx.vendors = seedVendors(ctx, emails, Math.min(400, Math.max(30, Math.round(scale / 10))));
  ctx.products = seedProducts(ctx, Math.min(2500, Math.max(400, Math.round(scale * 1.5))));
  seedSupplierInfo(ctx);

  const emailPlans = planEmailOrders(ctx, emails);
  const generated = planGenerated(ctx, Math.max(SHOWCASE.length, scale - emailPlans.length), horizonDays(scale));
  const progress = opts.onProgress ?? (() => undefined);
  const total = emailPlans.length + generated.length;
  progress(0, total);
  const done = materializeInNameOrder(ctx, emailPlans, generated, emailPoNames(emails), (n) => progress(n, total));

  const billsWithoutPo = seedBillsWithoutPo(ctx, Math.max(3, Math.round(scale * 0.01)));
  const poIdByName = new Map(done.map((m) => [m.materialized.order.name, m.materialized.order.id]));
  const emailMessageIds = postSupplierEmails(ctx, emails, poIdByName);

  for (const v of ctx.vendors) rowOf(store, 'res.partner', v.id).supplier_rank = Math.max(1, v.poCount);
  // No ir.sequence to advance: the embedded Odoo numbers new POs, receipts and bills after the
  // highest existing name (models/sequence.ts), so seeded names never collide with new ones.

  progress(total, total);
  return buildSummary(ctx, { seed, scale, done, billsWithoutPo, emails, emailMessageIds, ...countRows(store) });
}

export interface Done {
  number: number;
  plan: Plan;
  materialized: Materialized;
}

function planGenerated(ctx: SeedContext, count: number, horizon: number): Plan[] {
  const rng = ctx.rng.fork('orders');
  const planner = createPlanner(ctx, rng, horizon);
  const plans: Plan[] = [];
  for (const [scenario, target] of SHOWCASE) plans.push(planner.plan(scenario, true, target));
  while (plans.length < count) plans.push(planner.plan(rng.weighted(WEIGHTS), false));
  // Odoo numbers POs in creation order: sort by order date so that names grow with dates.
  return plans
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.order.dateOrder.getTime() - b.p.order.dateOrder.getTime() || a.i - b.i)
    .map((x) => x.p);
}

/** Creates POs in name order (P00001, P00002, ...), generated names skipping the ones the emails use. */
function materializeInNameOrder(
  ctx: SeedContext, emailPlans: Plan[], generated: Plan[], reserved: Set<string>, progress: (n: number) => void,
): Done[] {
  const emailQueue = emailPlans
    .map((p) => ({ p, n: Number((p.name ?? 'P0').slice(1)) }))
    .sort((a, b) => a.n - b.n);
  const done: Done[] = [];
  let nextGen = 1;
  const skipReserved = () => {
    while (reserved.has(poName(nextGen))) nextGen++;
  };
  skipReserved();
  let g = 0;
  let e = 0;
  while (g < generated.length || e < emailQueue.length) {
    if (done.length % 500 === 0) progress(done.length);
    const email = emailQueue[e];
    if (email && (g >= generated.length || email.n < nextGen)) {
      done.push({ number: email.n, plan: email.p, materialized: materialize(ctx, email.p, poName(email.n)) });
      e++;
      continue;
    }
    const plan = generated[g++] as Plan;
    done.push({ number: nextGen, plan, materialized: materialize(ctx, plan, poName(nextGen)) });
    nextGen++;
    skipReserved();
  }
  return done;
}
