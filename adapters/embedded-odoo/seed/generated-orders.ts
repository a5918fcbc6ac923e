/**
 * Plans for the generated POs: a scenario per PO (weighted like a distributor's order book, plus a
 * fixed showcase so every scenario exists at any scale), with lines and dates relative to `now`.
 */
import type { PaymentState } from './bills.ts';
import { addDays, atUtcHour, daysBetween, minDate } from './dates.ts';
import { cents } from './money.ts';
import type { LineSpec } from './purchase-orders.ts';
import { orderTotalCents } from './purchase-orders.ts';
import type { Rng } from './random.ts';
import type { Plan, Scenario } from './scenarios.ts';
import { partialQuantities, stateOf } from './scenarios.ts';
import type { CompanyKey, ProductInfo, SeedContext, UserInfo, VendorInfo, WarehouseInfo } from './seed-context.ts';

/** How often each scenario happens in a generated order book. */
export const WEIGHTS: ReadonlyArray<readonly [Scenario, number]> = [
  ['rfq', 6], ['rfq_sent', 4], ['to_approve', 3], ['cancelled', 5], ['confirmed_open', 14], ['unconfirmed', 4],
  ['late', 5], ['partial_backorder', 3], ['received', 10], ['billed', 33], ['locked', 8], ['price_mismatch', 1.5],
  ['qty_mismatch', 1.5], ['unreceived_bill', 0.7], ['duplicate_ref', 0.5], ['over_received', 0.5],
];

/** Examples that exist at every scale; to_approve ones carry a target amount_total to exercise approval limits. */
export const SHOWCASE: ReadonlyArray<readonly [Scenario, number?]> = [
  ['to_approve', 5_400], ['to_approve', 8_750], ['to_approve', 12_000], ['to_approve', 18_600],
  ['to_approve', 32_500], ['to_approve', 74_000],
  ['late'], ['late'], ['late'], ['late'],
  ['partial_backorder'], ['partial_backorder'], ['partial_backorder'],
  ['unconfirmed'], ['unconfirmed'], ['unconfirmed'],
  ['price_mismatch'], ['price_mismatch'], ['qty_mismatch'], ['qty_mismatch'],
  ['unreceived_bill'], ['duplicate_ref'], ['over_received'],
  ['rfq'], ['rfq_sent'], ['cancelled'], ['locked'], ['billed'], ['received'], ['confirmed_open'],
];

const LINE_COUNTS: ReadonlyArray<readonly [number, number]> = [[1, 20], [2, 25], [3, 22], [4, 13], [5, 8], [6, 5], [7, 4], [8, 3]];

/** Buyer per vendor category: who at Northgate buys what (the emails show Megan on janitorial, Priya on packaging). */
const CATEGORY_BUYER: Readonly<Record<string, Record<CompanyKey, string>>> = {
  janitorial: { us: 'mholt', eu: 'cdubois' }, paper: { us: 'mholt', eu: 'cdubois' }, chemicals: { us: 'mholt', eu: 'cdubois' },
  packaging: { us: 'pnair', eu: 'lortega' }, disposables: { us: 'pnair', eu: 'lortega' }, food: { us: 'pnair', eu: 'cdubois' },
  beverages: { us: 'pnair', eu: 'cdubois' }, kitchen: { us: 'pnair', eu: 'tbrenner' }, safety: { us: 'lortega', eu: 'tbrenner' },
  mro: { us: 'tbrenner', eu: 'tbrenner' }, fasteners: { us: 'tbrenner', eu: 'tbrenner' }, storage: { us: 'tbrenner', eu: 'tbrenner' },
  electrical: { us: 'tbrenner', eu: 'tbrenner' },
};

export interface Planner {
  plan(scenario: Scenario, showcase: boolean, target?: number): Plan;
}

export function horizonDays(scale: number): number {
  return Math.min(730, Math.max(120, Math.round(scale / 2.5)));
}

export function createPlanner(ctx: SeedContext, rng: Rng, horizon: number): Planner {
  const { now } = ctx;
  const vendorsBy: Record<CompanyKey, VendorInfo[]> = { us: [], eu: [] };
  for (const v of ctx.vendors) vendorsBy[v.company].push(v);
  const pools = new Map<number, ProductInfo[]>();
  const poolOf = (v: VendorInfo) => {
    let pool = pools.get(v.id);
    if (!pool) {
      pool = v.categories.flatMap((c) => ctx.productsByCategory.get(c) ?? []);
      pools.set(v.id, pool);
    }
    return pool;
  };
  const userByLocal = new Map(ctx.users.map((u) => [u.login.slice(0, u.login.indexOf('@')), u]));
  const demoBuyer = ctx.users.find((u) => u.role === 'buyer' && u.demo);
  const approvers = ctx.users.filter((u) => u.role === 'approver');
  const whBy: Record<CompanyKey, WarehouseInfo[]> = { us: [], eu: [] };
  for (const w of ctx.warehouses) whBy[w.company.key].push(w);

  const day = (offset: number, rngHour = true) => atUtcHour(addDays(now, offset), rngHour ? rng.int(13, 22) : 15, rng.int(0, 59));
  const past = (d: Date) => minDate(d, addDays(now, -1 / 24));

  function lines(vendor: VendorInfo, minQty: number): LineSpec[] {
    const pool = poolOf(vendor);
    const n = Math.min(rng.weighted(LINE_COUNTS), pool.length);
    const chosen = new Set<number>();
    const out: LineSpec[] = [];
    while (out.length < n) {
      const idx = rng.int(0, pool.length - 1);
      if (chosen.has(idx)) continue;
      chosen.add(idx);
      const product = pool[idx] as ProductInfo;
      const cost = product.standardPrice;
      const decimals = cost < 1 ? 4 : 2;
      const price = Math.max(0.01, Math.round(cost * (1 + rng.amount(-0.03, 0.03, 4)) * 10 ** decimals) / 10 ** decimals);
      const qty =
        cost < 0.5 ? rng.int(10, 120) * 500 : cost < 5 ? rng.int(2, 40) * 25 : cost < 50 ? rng.int(1, 40) * 5 : cost < 200 ? rng.int(2, 60) : rng.int(1, 24);
      out.push({ product, qty: Math.max(minQty, qty), price });
    }
    return out;
  }

  function scaleTo(ls: LineSpec[], company: SeedContext['companies'][CompanyKey], target: number): void {
    const total = orderTotalCents(ls, company);
    const factor = cents(target) / Math.max(1, total);
    for (const l of ls) l.qty = Math.max(1, Math.round(l.qty * factor));
  }

  function paymentFor(billDate: Date): PaymentState {
    const age = daysBetween(billDate, now);
    if (age > 30) return rng.weighted([['paid', 85], ['partial', 5], ['not_paid', 10]] as const);
    if (age > 14) return rng.weighted([['in_payment', 20], ['paid', 30], ['not_paid', 50]] as const);
    return 'not_paid';
  }

  return {
    plan(scenario, showcase, target) {
      const companyKey: CompanyKey = scenario === 'to_approve' || showcase ? 'us' : rng.chance(0.8) ? 'us' : 'eu';
      const company = ctx.companies[companyKey];
      const vendor = rng.pick(vendorsBy[companyKey]);
      const primary = vendor.categories[0] ?? 'janitorial';
      const usual = userByLocal.get(CATEGORY_BUYER[primary]?.[companyKey] ?? 'mholt');
      const buyer = (showcase || rng.chance(0.2) ? demoBuyer : usual) ?? (usual as UserInfo);
      // Showcase orders go to Joliet, the warehouse of the demo warehouse lead.
      const warehouse =
        companyKey === 'eu'
          ? (whBy.eu[0] as WarehouseInfo)
          : showcase
            ? (whBy.us[0] as WarehouseInfo)
            : (rng.weighted([[whBy.us[0], 45], [whBy.us[1], 30], [whBy.us[2], 25]] as const) as WarehouseInfo);
      const needsSplit = scenario === 'partial_backorder' || scenario === 'qty_mismatch';
      const ls = lines(vendor, needsSplit ? 2 : 1);
      if (scenario === 'to_approve') {
        const total = orderTotalCents(ls, company) / 100;
        if (target !== undefined) scaleTo(ls, company, target);
        else if (total < company.threshold) scaleTo(ls, company, company.threshold * rng.amount(1.05, 4));
      }
      const lead = vendor.leadDays;
      const p: Plan = {
        scenario,
        showcase,
        order: {
          company, vendor, buyer, warehouse, lines: ls, state: stateOf(scenario), dateOrder: now, datePlanned: now,
          dateApprove: false, approver: false, mailReceptionConfirmed: false, partnerRef: false,
          priority: rng.chance(0.1) ? '1' : '0',
        },
      };
      const o = p.order;
      const ordered = (planned: Date) => {
        o.datePlanned = planned;
        o.dateOrder = past(addDays(planned, -lead - rng.int(0, 3)));
      };
      const approveAfterOrder = (maxDays = 1) => past(addDays(o.dateOrder, rng.amount(0.02, maxDays, 3)));
      switch (scenario) {
        case 'rfq':
          o.dateOrder = day(-(rng.chance(0.2) ? rng.int(10, 45) : rng.int(0, 9)));
          o.datePlanned = addDays(o.dateOrder, lead);
          break;
        case 'rfq_sent':
        case 'to_approve':
          o.dateOrder = past(day(-rng.int(scenario === 'to_approve' ? 0 : 1, scenario === 'to_approve' ? 6 : 14)));
          o.datePlanned = addDays(o.dateOrder, lead);
          break;
        case 'cancelled':
          o.dateOrder = day(-rng.int(2, horizon));
          o.datePlanned = addDays(o.dateOrder, lead);
          if (rng.chance(0.5)) o.dateApprove = approveAfterOrder();
          break;
        case 'confirmed_open':
          ordered(day(rng.int(2, 25)));
          o.dateApprove = approveAfterOrder();
          o.mailReceptionConfirmed = rng.chance(0.85);
          break;
        case 'unconfirmed':
          o.dateApprove = day(-rng.int(3, 12));
          o.dateOrder = addDays(o.dateApprove, -rng.amount(0.05, 1, 3));
          o.datePlanned = day(rng.int(1, 20));
          break;
        case 'late':
          ordered(day(-rng.int(1, 21)));
          o.dateApprove = approveAfterOrder();
          o.mailReceptionConfirmed = rng.chance(0.6);
          break;
        case 'unreceived_bill':
          ordered(day(rng.chance(0.5) ? rng.int(1, 10) : -rng.int(1, 8)));
          o.dateApprove = approveAfterOrder();
          p.billDate = past(day(-rng.int(0, 5)));
          if (p.billDate < o.dateApprove) p.billDate = past(addDays(o.dateApprove, 0.5));
          o.mailReceptionConfirmed = true;
          break;
        default: {
          // Everything that was received at least once.
          const ranges: Partial<Record<Scenario, [number, number]>> = {
            partial_backorder: [3, 40], qty_mismatch: [3, 40], received: [2, 45], billed: [5, horizon],
            locked: [30, horizon + 30], price_mismatch: [4, 50], duplicate_ref: [10, 60], over_received: [3, 60],
          };
          const [lo, hi] = ranges[scenario] ?? [5, 60];
          ordered(day(-rng.int(lo, Math.max(lo, hi))));
          o.dateApprove = approveAfterOrder();
          o.mailReceptionConfirmed = rng.chance(0.9);
          o.partnerRef = o.mailReceptionConfirmed ? `SO-${rng.int(10_000, 99_999)}` : false;
          p.receivedAt = past(addDays(o.datePlanned, rng.amount(-1, 2, 3)));
          if (p.receivedAt < o.dateApprove) p.receivedAt = past(addDays(o.dateApprove, 0.5));
          p.billDate = past(addDays(p.receivedAt, rng.int(1, 10)));
          if (scenario === 'partial_backorder' || scenario === 'qty_mismatch') {
            p.receivedQty = partialQuantities(rng, ls.map((l) => l.qty));
            p.backorderScheduled = rng.chance(0.5) ? past(day(-rng.int(1, 10))) : day(rng.int(2, 14));
            if (p.backorderScheduled < p.receivedAt) p.backorderScheduled = addDays(p.receivedAt, 1);
          }
          if (scenario === 'over_received') {
            p.receivedQty = ls.map((l, i) => (i === 0 ? l.qty + Math.max(1, Math.round(l.qty * rng.amount(0.04, 0.1))) : l.qty));
          }
          if (scenario === 'billed' || scenario === 'locked') p.paymentState = scenario === 'locked' ? 'paid' : paymentFor(p.billDate);
          if (scenario === 'price_mismatch') {
            p.priceFactor = rng.chance(0.8) ? rng.amount(1.06, 1.15, 3) : rng.amount(0.86, 0.93, 3);
            p.billState = rng.chance(0.6) ? 'posted' : 'draft';
          }
          if (scenario === 'qty_mismatch') p.billState = rng.chance(0.6) ? 'posted' : 'draft';
          if (scenario === 'duplicate_ref') p.duplicateBillDate = past(addDays(p.billDate, rng.int(3, 15)));
        }
      }
      // Two-step validation: a confirmed US order at or over the threshold was approved by a manager
      // whose limit covers it (the limits come from the bot's policy, see users.ts).
      if (o.dateApprove !== false && company.twoStep && orderTotalCents(ls, company) >= cents(company.threshold)) {
        const total = orderTotalCents(ls, company) / 100;
        o.approver = approvers.find((a) => a.currency === company.currency && (a.approvalLimit == null || a.approvalLimit >= total)) ?? false;
      }
      return p;
    },
  };
}
