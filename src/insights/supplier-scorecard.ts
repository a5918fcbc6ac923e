import type { GroupRow, OdooDomain } from '../ports/odoo-gateway.ts';
import { factKey } from './insight-fact.ts';
import type { InsightSources } from './insight-ports.ts';
import type { InsightsQuery, SupplierScorecard, SupplierWeek } from './insight-types.ts';
import { weekOfIsoDate } from './insight-week.ts';
import { isoDateOf } from '../time/local-day.ts';
import { localDayOf } from '../time/local-day.ts';

const DAY = 86_400_000;

/** The PO conditions of a query: the period on date_approve (the order sent), and its filter. */
function orderDomain(q: InsightsQuery): OdooDomain {
  const d: Array<OdooDomain[number]> = [['state', 'in', ['purchase', 'done']], ['date_approve', '>=', q.from], ['date_approve', '<', q.to]];
  const f = q.filter ?? {};
  if (f.company !== undefined) d.push(['company_id', '=', Number(f.company)]);
  if (f.vendor !== undefined) d.push(['partner_id', '=', Number(f.vendor)]);
  if (f.buyer !== undefined) d.push(['user_id', '=', Number(f.buyer)]);
  if (f.warehouse !== undefined) d.push(['picking_type_id.warehouse_id', '=', Number(f.warehouse)]);
  return d;
}

function filtered(q: InsightsQuery, vendorIds: readonly number[], extra: OdooDomain): OdooDomain {
  const d: Array<OdooDomain[number]> = [...extra, ['partner_id', 'in', [...vendorIds]]];
  const f = q.filter ?? {};
  if (f.company !== undefined) d.push(['company_id', '=', Number(f.company)]);
  if (f.warehouse !== undefined) d.push(['picking_type_id.warehouse_id', '=', Number(f.warehouse)]);
  return d;
}

/** Counts per (vendor, week) of grouped rows keyed by vendor and a local day. */
function perWeek(rows: readonly GroupRow[], dayKey: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const vendor = r.keys.partner_id?.value;
    const day = r.keys[dayKey]?.value;
    if (typeof vendor !== 'number' || typeof day !== 'string') continue;
    const k = `${vendor}|${weekOfIsoDate(day)}`;
    out.set(k, (out.get(k) ?? 0) + r.count);
  }
  return out;
}

interface ReceiptTotals {
  done: number;
  onTimeInFull: number;
  slipDays: number;
}

/** Receipts per (vendor, week): done, on time (done on or before the scheduled day) and in full, slip days. */
function receiptsPerWeek(all: readonly GroupRow[], inFull: readonly GroupRow[]): Map<string, ReceiptTotals> {
  const out = new Map<string, ReceiptTotals>();
  const slip = (r: GroupRow): number | null => {
    const done = r.keys['date_done:day']?.value;
    const planned = r.keys['scheduled_date:day']?.value;
    if (typeof done !== 'string' || typeof planned !== 'string') return null;
    return Math.round((Date.parse(`${done}T00:00:00Z`) - Date.parse(`${planned}T00:00:00Z`)) / DAY);
  };
  const at = (r: GroupRow): ReceiptTotals | null => {
    const vendor = r.keys.partner_id?.value;
    const done = r.keys['date_done:day']?.value;
    if (typeof vendor !== 'number' || typeof done !== 'string') return null;
    const k = `${vendor}|${weekOfIsoDate(done)}`;
    let t = out.get(k);
    if (!t) out.set(k, (t = { done: 0, onTimeInFull: 0, slipDays: 0 }));
    return t;
  };
  for (const r of all) {
    const t = at(r);
    if (!t) continue;
    t.done += r.count;
    t.slipDays += Math.max(0, slip(r) ?? 0) * r.count;
  }
  for (const r of inFull) {
    const t = at(r);
    const s = slip(r);
    if (t && s !== null && s <= 0) t.onTimeInFull += r.count;
  }
  return out;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

/**
 * Supplier scorecards, aggregated in Odoo (grouped reads of orders, receipts and bills by vendor
 * and local day, folded into Monday weeks) and in Redis (the confirmations, ETA changes and bill
 * mismatches the bot recorded): confirmation latency, on-time-in-full, average slip, ETA changes
 * per order, bill mismatch rate. `vendorIds` null: the query's top vendors by orders sent.
 */
export async function supplierScorecards(weeks: readonly string[], q: InsightsQuery, src: InsightSources, vendorIds: readonly number[] | null): Promise<SupplierScorecard[]> {
  const tz = src.clock.timeZone;
  const orders = orderDomain(q);
  let vendors: Array<{ id: number; name: string }>;
  if (vendorIds) {
    // the vendor's name as its orders show it; a partner that never had an order has no scorecard
    const rows = await src.odoo.readGroup('purchase.order', { domain: [['partner_id', 'in', [...vendorIds]]], groupby: ['partner_id'] });
    vendors = vendorIds.flatMap((id) => {
      const label = rows.find((r) => r.keys.partner_id?.value === id)?.keys.partner_id?.label;
      return label === undefined ? [] : [{ id, name: label ?? `vendor ${id}` }];
    });
  } else {
    const top = await src.odoo.readGroup('purchase.order', { domain: orders, groupby: ['partner_id'], timeZone: tz });
    vendors = top
      .filter((r) => typeof r.keys.partner_id?.value === 'number')
      .sort((a, b) => b.count - a.count || String(a.keys.partner_id?.label).localeCompare(String(b.keys.partner_id?.label)))
      .slice(0, q.topVendors ?? 10)
      .map((r) => ({ id: r.keys.partner_id?.value as number, name: r.keys.partner_id?.label ?? '' }));
  }
  if (vendors.length === 0) return [];
  const ids = vendors.map((v) => v.id);
  const fromDay = isoDateOf(localDayOf(q.from, tz));
  const toDay = isoDateOf(localDayOf(q.to, tz));
  const inVendors: OdooDomain = [...orders, ['partner_id', 'in', ids]];
  const receipts: OdooDomain = filtered(q, ids, [['picking_type_code', '=', 'incoming'], ['state', '=', 'done'], ['date_done', '>=', q.from], ['date_done', '<', q.to]]);
  // orders sent and confirmed in one grouped read: by vendor, day and the vendor-confirmed flag
  const [orderGroups, received, receivedInFull, bills] = await Promise.all([
    src.odoo.readGroup('purchase.order', { domain: inVendors, groupby: ['partner_id', 'date_approve:day', 'mail_reception_confirmed'], timeZone: tz }),
    src.odoo.readGroup('stock.picking', { domain: receipts, groupby: ['partner_id', 'date_done:day', 'scheduled_date:day'], timeZone: tz }),
    src.odoo.readGroup('stock.picking', { domain: [...receipts, ['backorder_ids', '=', false]], groupby: ['partner_id', 'date_done:day', 'scheduled_date:day'], timeZone: tz }),
    src.odoo.readGroup('account.move', {
      domain: filtered(q, ids, [['move_type', '=', 'in_invoice'], ['state', '!=', 'cancel'], ['invoice_date', '>=', fromDay], ['invoice_date', '<', toDay]]),
      groupby: ['partner_id', 'invoice_date:day'],
      timeZone: tz,
    }),
  ]);
  const sentBy = perWeek(orderGroups, 'date_approve:day');
  const confirmedBy = perWeek(orderGroups.filter((r) => r.keys.mail_reception_confirmed?.value === true), 'date_approve:day');
  const billsBy = perWeek(bills, 'invoice_date:day');
  const receiptsBy = receiptsPerWeek(received, receivedInFull);
  const pairs = vendors.flatMap((v) => weeks.map((w) => ({ v, w })));
  const confirmKeys = pairs.map(({ v, w }) => factKey('sup', 'confirm', w, v.id));
  const [latencies, etaCounts, mismatchCounts, totals] = await Promise.all([
    src.facts.durations(confirmKeys),
    src.facts.counts(pairs.map(({ v, w }) => factKey('sup', 'eta', w, v.id))),
    src.facts.counts(pairs.map(({ v, w }) => factKey('sup', 'billmm', w, v.id))),
    src.facts.durationsOfUnion(vendors.map((v) => weeks.map((w) => factKey('sup', 'confirm', w, v.id)))),
  ]);
  return vendors.map((v, vi) => {
    const rows: SupplierWeek[] = weeks.map((w, wi) => {
      const i = vi * weeks.length + wi;
      const k = `${v.id}|${w}`;
      const r = receiptsBy.get(k) ?? { done: 0, onTimeInFull: 0, slipDays: 0 };
      return supplierWeek(w, {
        sent: sentBy.get(k) ?? 0,
        confirmed: confirmedBy.get(k) ?? 0,
        latency: latencies[i] ?? { count: 0, p50Hours: null, p90Hours: null },
        receipts: r,
        eta: etaCounts[i] ?? 0,
        bills: billsBy.get(k) ?? 0,
        mismatches: mismatchCounts[i] ?? 0,
      });
    });
    const sum = (f: (w: SupplierWeek) => number) => rows.reduce((s, w) => s + f(w), 0);
    const slipTotal = weeks.reduce((s, w) => s + (receiptsBy.get(`${v.id}|${w}`)?.slipDays ?? 0), 0);
    const total = supplierWeek(weeks[0] ?? '', {
      sent: sum((w) => w.ordersSent),
      confirmed: sum((w) => w.ordersConfirmed),
      latency: totals[vi] ?? { count: 0, p50Hours: null, p90Hours: null },
      receipts: { done: sum((w) => w.receiptsDone), onTimeInFull: sum((w) => w.onTimeInFull), slipDays: slipTotal },
      eta: sum((w) => w.etaChanges),
      bills: sum((w) => w.bills),
      mismatches: sum((w) => w.billMismatches),
    });
    return { vendor: v, weeks: rows, total };
  });
}

function supplierWeek(
  week: string,
  n: { sent: number; confirmed: number; latency: SupplierWeek['confirmLatency']; receipts: ReceiptTotals; eta: number; bills: number; mismatches: number },
): SupplierWeek {
  return {
    week,
    ordersSent: n.sent,
    ordersConfirmed: n.confirmed,
    confirmLatency: n.latency,
    neverConfirmed: Math.max(0, n.sent - n.confirmed),
    receiptsDone: n.receipts.done,
    onTimeInFull: n.receipts.onTimeInFull,
    otifRate: ratio(n.receipts.onTimeInFull, n.receipts.done),
    averageSlipDays: n.receipts.done > 0 ? Math.round((n.receipts.slipDays / n.receipts.done) * 100) / 100 : null,
    etaChanges: n.eta,
    etaChangesPerOrder: ratio(n.eta, n.sent),
    bills: n.bills,
    billMismatches: n.mismatches,
    billMismatchRate: ratio(n.mismatches, n.bills),
  };
}
