/**
 * The supplier emails of the labelled set, in the chatter of the POs they are about: each PO named
 * by an email's po_ref exists with that name, that vendor and date_planned = po_date_planned, and
 * its lines match what the emails quote (codes, quantities, prices), so the demo reads true.
 * Emails that name no PO land on the vendor's own chatter, where Odoo's gateway would route them.
 */
import { formatEmailFrom, postMessage, textToHtml } from './chatter.ts';
import { addDays, minDate, odooDatetime, parseDay } from './dates.ts';
import type { PaymentState } from './bills.ts';
import type { LineSpec } from './purchase-orders.ts';
import { orderTotalCents } from './purchase-orders.ts';
import { cents } from './money.ts';
import type { Plan, Scenario } from './scenarios.ts';
import { stateOf } from './scenarios.ts';
import type { SeedContext, VendorInfo, WarehouseInfo } from './seed-context.ts';
import type { SupplierEmail } from './supplier-email-data.ts';
import { parseFrom } from './supplier-email-data.ts';

interface EmailOrderSpec {
  buyer: string;
  warehouse?: WarehouseInfo['key'];
  dateOrder?: string;
  /** [default_code, qty, price_unit] as the emails quote them. */
  lines?: ReadonlyArray<readonly [string, number, number]>;
  /** What already happened, when `now` allows it (goods delivered, invoice issued). */
  outcome?: 'received' | 'billed';
  billRef?: string;
  billDate?: string;
  paymentState?: PaymentState;
}

/** Per PO of the emails; buyers come from the greetings ("Hi Megan", "Sehr geehrter Herr Brenner"). */
export const EMAIL_ORDERS: Readonly<Record<string, EmailOrderSpec>> = {
  P00412: { buyer: 'mholt', warehouse: 'north', lines: [['AJ-MH24', 288, 4.35]] },
  P00389: { buyer: 'pnair', warehouse: 'south', lines: [['RP-RSC181212', 1200, 1.18]], outcome: 'received' },
  P00356: { buyer: 'tbrenner', lines: [['AT-1860', 24, 570.19]] },
  P00301: { buyer: 'tbrenner', warehouse: 'north', lines: [['GS-CW45', 400, 1.95], ['GS-FD45-60', 500, 4.85], ['GS-FD45-80', 300, 4.85]] },
  P00233: { buyer: 'tbrenner', warehouse: 'west', dateOrder: '2026-10-14', lines: [['QG-N400-M', 60, 38], ['QG-N400-L', 40, 38]] },
  P00344: { buyer: 'tbrenner' },
  P00367: { buyer: 'pnair', warehouse: 'south', outcome: 'received' },
  P00276: { buyer: 'lortega', warehouse: 'north' },
  P00298: { buyer: 'mholt', warehouse: 'north', lines: [['AJ-TT96', 60, 52.47], ['AJ-HW8', 120, 43.9]], outcome: 'billed', billRef: '55812', billDate: '2026-10-21', paymentState: 'not_paid' },
  P00318: { buyer: 'tbrenner' },
  P00331: { buyer: 'tbrenner', dateOrder: '2026-11-02', lines: [['933-M10x40-88', 25_000, 0.0482], ['934-M10-8-vz', 25_000, 0.0129]] },
  P00463: { buyer: 'pnair', warehouse: 'south', lines: [['SV-40210', 25, 78.5]] },
  P00352: { buyer: 'tbrenner' },
  P00388: { buyer: 'mholt', warehouse: 'north', lines: [['CC-110', 40, 38.5], ['CC-240', 60, 29.75], ['CC-315', 30, 52]] },
  P00437: { buyer: 'tbrenner' },
  P00361: { buyer: 'mholt', warehouse: 'north', lines: [['SP-MF410', 240, 21.4], ['SP-RT1000', 180, 33.95], ['SP-KR800', 120, 27.1]] },
  P00449: { buyer: 'pnair', warehouse: 'south' },
  P00402: { buyer: 'cdubois' },
  P00428: { buyer: 'lortega' },
  P00419: { buyer: 'tbrenner', lines: [['MS-HV200', 2000, 4.1]] },
  P00372: { buyer: 'mholt', warehouse: 'north', lines: [['PM-AP50', 22, 520], ['PM-BF50', 4, 610]] },
  P00339: { buyer: 'tbrenner', warehouse: 'west' },
  P00381: { buyer: 'lortega' },
  P00394: { buyer: 'cdubois', lines: [['PR-A480', 500, 21.6]] },
  P00411: { buyer: 'tbrenner', warehouse: 'west' },
  P00347: { buyer: 'pnair', warehouse: 'north' },
  P00471: { buyer: 'mholt', warehouse: 'north', lines: [['BL-FP24-40W-4K', 150, 38]] },
  P00205: { buyer: 'tbrenner', warehouse: 'west', lines: [['QG-N400-M', 80, 37.5], ['QG-N400-L', 70, 37.5]], outcome: 'billed', paymentState: 'paid' },
  P00458: { buyer: 'mholt', warehouse: 'north' },
  P00466: { buyer: 'cdubois' },
  P00474: { buyer: 'pnair', warehouse: 'south' },
  P00422: { buyer: 'cdubois' },
  P00363: { buyer: 'tbrenner', warehouse: 'north' },
  P00415: { buyer: 'lortega', lines: [['FE-PET1000', 60_000, 0.082]] },
  P00455: { buyer: 'mholt', warehouse: 'west', lines: [['BL-HB150-5K', 96, 96], ['BL-WP60', 48, 54]] },
  P00482: { buyer: 'pnair', warehouse: 'south' },
};

/** The PO names the emails use, which generated POs must skip. */
export function emailPoNames(emails: readonly SupplierEmail[]): Set<string> {
  return new Set(emails.map((e) => e.po_ref).filter((r): r is string => typeof r === 'string'));
}

/** Plans for the email POs, in name order. */
export function planEmailOrders(ctx: SeedContext, emails: readonly SupplierEmail[]): Plan[] {
  const rng = ctx.rng.fork('email-orders');
  const byRef = new Map<string, SupplierEmail[]>();
  for (const e of emails) {
    if (!e.po_ref) continue;
    const list = byRef.get(e.po_ref);
    if (list) list.push(e);
    else byRef.set(e.po_ref, [e]);
  }
  const productByCode = new Map(ctx.products.map((p) => [p.code, p]));
  const userByLocal = new Map(ctx.users.map((u) => [u.login.slice(0, u.login.indexOf('@')), u]));
  const approvers = ctx.users.filter((u) => u.role === 'approver');
  const plans: Plan[] = [];
  for (const ref of [...byRef.keys()].sort()) {
    const first = byRef.get(ref)?.[0] as SupplierEmail;
    const vendor = ctx.vendorByName.get(first.vendor) as VendorInfo;
    const spec = EMAIL_ORDERS[ref] ?? { buyer: 'buyer' };
    const company = ctx.companies[vendor.company];
    const warehouse =
      ctx.warehouses.find((w) => w.key === (vendor.company === 'eu' ? 'eu' : (spec.warehouse ?? 'north'))) ?? (ctx.warehouses[0] as WarehouseInfo);
    const planned = parseDay(first.po_date_planned ?? '2026-12-01', 15);
    const firstEmail = new Date(Math.min(...(byRef.get(ref) ?? []).map((e) => Date.parse(e.received_at))));
    // Never after `now`: some emails are dated after the demo's today, their orders were not.
    const latest = addDays(ctx.now, -1);
    const dateOrder = minDate(
      spec.dateOrder ? parseDay(spec.dateOrder, 15) : minDate(addDays(planned, -vendor.leadDays), addDays(firstEmail, -2)),
      latest,
    );
    const lines: LineSpec[] = spec.lines
      ? spec.lines.map(([code, qty, price]) => ({ product: productByCode.get(code) ?? (ctx.products[0] as never), qty, price }))
      : genericLines(ctx, rng, vendor);
    // Delivered or billed only if that is already in the past at `now`; otherwise still open.
    const happened = spec.outcome !== undefined && planned.getTime() < ctx.now.getTime();
    const scenario: Scenario = happened ? (spec.outcome === 'billed' ? 'billed' : 'received') : 'confirmed_open';
    const dateApprove = addDays(dateOrder, 0.1);
    const total = orderTotalCents(lines, company) / 100;
    const approver =
      company.twoStep && cents(total) >= cents(company.threshold)
        ? (approvers.find((a) => a.currency === company.currency && (a.approvalLimit == null || a.approvalLimit >= total)) ?? false)
        : false;
    plans.push({
      scenario,
      showcase: false,
      name: ref,
      order: {
        company, vendor, warehouse, lines, state: stateOf(scenario), dateOrder, datePlanned: planned,
        dateApprove: minDate(approver === false ? dateApprove : addDays(dateOrder, 1), addDays(ctx.now, -0.5)), approver,
        buyer: userByLocal.get(spec.buyer) ?? (ctx.users[0] as never),
        // Vendors answered by email, not through the portal link that sets this flag.
        mailReceptionConfirmed: false, partnerRef: false, priority: '0',
      },
      ...(happened ? { receivedAt: planned } : {}),
      ...(spec.billRef ? { billRef: spec.billRef } : {}),
      ...(spec.billDate ? { billDate: parseDay(spec.billDate, 15) } : {}),
      ...(spec.paymentState ? { paymentState: spec.paymentState } : {}),
    });
  }
  return plans;
}

function genericLines(ctx: SeedContext, rng: ReturnType<SeedContext['rng']['fork']>, vendor: VendorInfo): LineSpec[] {
  const pool = vendor.categories.flatMap((c) => ctx.productsByCategory.get(c) ?? []);
  const n = rng.int(1, 3);
  const out: LineSpec[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < n * 4 && out.length < n; i++) {
    const p = rng.pick(pool);
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    out.push({ product: p, qty: p.standardPrice < 10 ? rng.int(4, 40) * 25 : rng.int(5, 60), price: p.standardPrice });
  }
  return out;
}

/** Posts every email: on its PO when it names one, else on the vendor. Returns the message ids. */
export function postSupplierEmails(ctx: SeedContext, emails: readonly SupplierEmail[], poIdByName: Map<string, number>): number[] {
  const ids: number[] = [];
  for (const e of emails) {
    const vendor = ctx.vendorByName.get(e.vendor);
    if (!vendor) throw new Error(`supplier email ${e.id}: vendor ${e.vendor} was not seeded`);
    const from = parseFrom(e.from);
    const poId = e.po_ref ? poIdByName.get(e.po_ref) : undefined;
    if (e.po_ref && poId === undefined) throw new Error(`supplier email ${e.id}: ${e.po_ref} was not seeded`);
    ids.push(
      postMessage(ctx, {
        model: poId === undefined ? 'res.partner' : 'purchase.order',
        resId: poId ?? vendor.id,
        recordName: e.po_ref ?? vendor.name,
        messageType: 'email',
        subtypeId: ctx.store.ref('mail.mt_comment'),
        // The gateway finds the author by address; a lookalike domain matches no partner (Odoo leaves it empty).
        authorId: from.domain === vendor.domain ? vendor.id : false,
        emailFrom: formatEmailFrom(from.name || from.address, from.address),
        subject: e.subject,
        body: textToHtml(e.body),
        date: odooDatetime(new Date(e.received_at)),
        companyId: poId === undefined ? false : ctx.companies[vendor.company].id,
        createUid: ctx.adminUid,
        messageId: `<${e.id}.${from.address}>`,
      }),
    );
  }
  return ids;
}
