/** Builds the SeedSummary from what the seed created (kept apart so the entry stays readable). */
import type { Done } from './seed-distribution.ts';
import type { SeedContext, UserInfo } from './seed-context.ts';
import { rowOf } from './seed-context.ts';
import type { PoPointer, SeedIdentity, SeedSummary } from './seed-summary.ts';
import type { SupplierEmail } from './supplier-email-data.ts';
import { APPROVAL_LIMITS } from './users.ts';

/** Enough examples for a demo or a test; the full lists would be huge at scale. */
const MAX_EXAMPLES = 25;

interface BuildInput extends Pick<SeedSummary, 'counts' | 'states'> {
  seed: number;
  scale: number;
  done: Done[];
  billsWithoutPo: number[];
  emails: readonly SupplierEmail[];
  emailMessageIds: number[];
}

export function buildSummary(ctx: SeedContext, input: BuildInput): SeedSummary {
  const { store } = ctx;
  // Showcase POs first, so the first example of each kind is the hand-placed one.
  const ordered = [...input.done.filter((d) => d.plan.showcase), ...input.done.filter((d) => !d.plan.showcase)];
  const pointer = (d: Done): PoPointer => ({
    id: d.materialized.order.id,
    name: d.materialized.order.name,
    amountTotal: d.materialized.order.row.amount_total as number,
    currency: d.plan.order.company.currency,
    buyerLogin: d.plan.order.buyer.login,
  });
  const of = (scenario: string) => ordered.filter((d) => d.plan.scenario === scenario).slice(0, MAX_EXAMPLES);
  const interesting: SeedSummary['interesting'] = {
    waitingApproval: of('to_approve').map(pointer),
    unconfirmed: of('unconfirmed').map(pointer),
    lateReceipts: of('late').map((d) => {
      const pickingId = d.materialized.pickingIds[0] as number;
      const p = rowOf(store, 'stock.picking', pickingId);
      return {
        poId: d.materialized.order.id, poName: d.materialized.order.name, pickingId, pickingName: String(p.name),
        scheduledDate: String(p.scheduled_date), warehouseId: d.plan.order.warehouse.id,
      };
    }),
    partialReceipts: of('partial_backorder').map((d) => ({
      poId: d.materialized.order.id, poName: d.materialized.order.name,
      pickingId: d.materialized.pickingIds[0] as number, backorderId: d.materialized.backorderId as number,
    })),
    priceMismatchBills: of('price_mismatch').map((d) => {
      const line = d.materialized.order.lines[0];
      const billId = d.materialized.billIds[0] as number;
      const billLineId = (rowOf(store, 'account.move', billId).invoice_line_ids as number[])[0] as number;
      return {
        billId, poId: d.materialized.order.id, poName: d.materialized.order.name, poLineId: line?.id ?? 0,
        poPrice: line?.spec.price ?? 0, billPrice: rowOf(store, 'account.move.line', billLineId).price_unit as number,
      };
    }),
    quantityMismatchBills: of('qty_mismatch').map((d) => ({
      billId: d.materialized.billIds[0] as number, poId: d.materialized.order.id, poName: d.materialized.order.name,
      received: d.materialized.order.lines.reduce((s, l) => s + (l.row.qty_received as number), 0),
      billed: d.materialized.order.lines.reduce((s, l) => s + l.spec.qty, 0),
    })),
    duplicateRefBills: of('duplicate_ref').map((d) => ({
      billIds: [...d.materialized.billIds], ref: String(rowOf(store, 'account.move', d.materialized.billIds[0] as number).ref),
      vendorId: d.plan.order.vendor.id,
    })),
    unreceivedBills: of('unreceived_bill').map((d) => ({
      billId: d.materialized.billIds[0] as number, poId: d.materialized.order.id, poName: d.materialized.order.name,
    })),
    billsWithoutPo: input.billsWithoutPo.slice(0, MAX_EXAMPLES),
    overReceivedLineIds: input.done
      .filter((d) => d.plan.scenario === 'over_received')
      .flatMap((d) => d.materialized.order.lines.filter((l) => (l.row.qty_received as number) > l.spec.qty).map((l) => l.id)),
    supplierEmails: input.emails.map((e, i) => {
      const messageId = input.emailMessageIds[i] as number;
      const m = rowOf(store, 'mail.message', messageId);
      return { emailId: e.id, messageId, model: String(m.model), resId: m.res_id as number, poName: e.po_ref };
    }),
  };
  const whOfLead = new Map(ctx.users.filter((u) => u.warehouseKey).map((u) => [u.warehouseKey, u.login]));
  const demoOf = (role: UserInfo['role']) => ctx.users.find((u) => u.role === role && u.demo)?.login ?? '';
  const admin = rowOf(store, 'res.users', ctx.adminUid);
  const identities: SeedIdentity[] = [
    {
      role: 'admin', name: String(admin.name ?? 'Administrator'), login: String(admin.login ?? 'admin'),
      email: String(admin.email ?? admin.login ?? 'admin'), password: typeof admin.password === 'string' ? admin.password : 'admin', userId: ctx.adminUid,
      partnerId: ctx.adminPartnerId, companyIds: [ctx.companies.us.id, ctx.companies.eu.id], title: 'Administrator', demo: false,
    },
    ...ctx.users.map((u) => ({
      role: u.role, name: u.name, login: u.login, email: u.email, password: u.password, userId: u.id, partnerId: u.partnerId,
      companyIds: u.companyKeys.map((k) => ctx.companies[k].id), title: u.title, demo: u.demo,
      ...(u.role === 'approver' ? { approvalLimit: u.approvalLimit ?? null, currency: u.currency ?? 'USD' } : {}),
      ...(u.warehouseKey ? { warehouseId: ctx.warehouses.find((w) => w.key === u.warehouseKey)?.id ?? 0 } : {}),
    })),
  ];
  return {
    seed: input.seed,
    scale: input.scale,
    now: ctx.nowStr,
    counts: input.counts,
    states: input.states,
    companies: Object.values(ctx.companies).map((c) => ({
      key: c.key, id: c.id, name: c.name, currency: c.currency, poDoubleValidation: c.twoStep ? 'two_step' : 'one_step', threshold: c.threshold,
    })),
    warehouses: ctx.warehouses.map((w) => ({
      key: w.key, id: w.id, name: w.name, code: w.code, companyId: w.company.id, pickingTypeId: w.pickingTypeId,
      stockLocationId: w.stockLocationId, leadLogin: whOfLead.get(w.key) ?? null,
    })),
    identities,
    demo: { buyer: demoOf('buyer'), approver: demoOf('approver'), warehouse: demoOf('warehouse'), finance: demoOf('finance') },
    approvalLimits: { ...APPROVAL_LIMITS },
    interesting,
  };
}
