import { beforeAll, describe, expect, it } from 'vitest';
import { loadSchema, ONE2MANY_INVERSE } from '../../adapters/embedded-odoo/schema/model-schema.ts';
import type { SeedSummary } from '../../adapters/embedded-odoo/seed/seed-distribution.ts';
import { loadSupplierEmails, parseFrom } from '../../adapters/embedded-odoo/seed/supplier-email-data.ts';
import type { OdooStore, Row } from '../../adapters/embedded-odoo/store.ts';
import { NOW, seededStore } from './seeded-store.ts';

const cents = (x: unknown) => Math.round((x as number) * 100);
const nowStr = '2026-11-26 23:00:00';

let store: OdooStore;
let summary: SeedSummary;
beforeAll(() => {
  ({ store, summary } = seededStore({ scale: 300 }));
});

const get = (model: string, id: unknown): Row => {
  const row = typeof id === 'number' ? store.get(model, id) : undefined;
  if (!row) throw new Error(`${model} ${String(id)} missing`);
  return row;
};
const ids = (v: unknown): number[] => (Array.isArray(v) ? (v as number[]) : []);

describe('purchase orders', () => {
  it('exist in every state, with 1 to 8 lines', () => {
    for (const state of ['draft', 'sent', 'to approve', 'purchase', 'done', 'cancel']) {
      expect(summary.states['purchase.order']?.[state] ?? 0, state).toBeGreaterThan(0);
    }
    for (const po of store.rows('purchase.order')) {
      expect(ids(po.order_line).length).toBeGreaterThanOrEqual(1);
      expect(ids(po.order_line).length).toBeLessThanOrEqual(8);
    }
  });

  it('have unique names P00001... and keep the email names', () => {
    const names = store.rows('purchase.order').map((p) => String(p.name));
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => /^P\d{5}$/.test(n))).toBe(true);
    expect(names).toContain('P00001');
    expect(names).toContain('P00412');
  });

  it('have amounts consistent with their lines (subtotal = qty x price, taxes summed)', () => {
    for (const po of store.rows('purchase.order')) {
      let untaxed = 0;
      let tax = 0;
      for (const id of ids(po.order_line)) {
        const l = get('purchase.order.line', id);
        expect(l.order_id).toBe(po.id);
        expect(cents(l.price_subtotal)).toBe(Math.round((l.product_qty as number) * (l.price_unit as number) * 100));
        expect(cents(l.price_total)).toBe(cents(l.price_subtotal) + cents(l.price_tax));
        expect(l.state).toBe(po.state);
        untaxed += cents(l.price_subtotal);
        tax += cents(l.price_tax);
      }
      expect(cents(po.amount_untaxed)).toBe(untaxed);
      expect(cents(po.amount_tax)).toBe(tax);
      expect(cents(po.amount_total)).toBe(untaxed + tax);
    }
  });

  it('wait for approval only over the two-step threshold of their company', () => {
    expect(summary.interesting.waitingApproval.length).toBeGreaterThanOrEqual(6);
    for (const po of store.rows('purchase.order').filter((p) => p.state === 'to approve')) {
      const company = get('res.company', po.company_id);
      expect(company.po_double_validation).toBe('two_step');
      expect(po.amount_total as number).toBeGreaterThanOrEqual(company.po_double_validation_amount as number);
      expect(po.date_approve).toBe(false);
    }
  });

  it('include confirmed orders the vendor has not confirmed for days', () => {
    expect(summary.interesting.unconfirmed.length).toBeGreaterThanOrEqual(3);
    for (const p of summary.interesting.unconfirmed) {
      const po = get('purchase.order', p.id);
      expect(po.state).toBe('purchase');
      expect(po.mail_reception_confirmed).toBe(false);
      expect(Date.parse(`${String(po.date_approve)}Z`)).toBeLessThan(NOW.getTime() - 2 * 86_400_000);
    }
  });

  it('received no more than ordered, except the deliberate over-receipts', () => {
    const over = new Set(summary.interesting.overReceivedLineIds);
    expect(over.size).toBeGreaterThan(0);
    for (const l of store.rows('purchase.order.line')) {
      if (over.has(l.id)) expect(l.qty_received as number).toBeGreaterThan(l.product_qty as number);
      else expect(l.qty_received as number).toBeLessThanOrEqual(l.product_qty as number);
    }
  });

  it('derive qty_received and qty_invoiced from done moves and non-cancelled bills', () => {
    for (const l of store.rows('purchase.order.line')) {
      const received = ids(l.move_ids).map((m) => get('stock.move', m)).filter((m) => m.state === 'done').reduce((s, m) => s + (m.quantity as number), 0);
      const invoiced = ids(l.invoice_lines).map((a) => get('account.move.line', a)).filter((a) => get('account.move', a.move_id).state !== 'cancel').reduce((s, a) => s + (a.quantity as number), 0);
      expect(l.qty_received).toBeCloseTo(received, 6);
      expect(l.qty_invoiced).toBeCloseTo(invoiced, 6);
    }
  });
});

describe('dates', () => {
  it('put nothing that already happened after now (emails keep their own dates)', () => {
    const day = nowStr.slice(0, 10);
    for (const po of store.rows('purchase.order')) {
      expect(String(po.date_order) <= nowStr).toBe(true);
      if (po.date_approve !== false) expect(String(po.date_approve) <= nowStr && String(po.date_approve) >= String(po.date_order)).toBe(true);
    }
    for (const p of store.rows('stock.picking')) if (p.date_done !== false) expect(String(p.date_done) <= nowStr).toBe(true);
    for (const b of store.rows('account.move')) expect(String(b.invoice_date) <= day).toBe(true);
    for (const m of store.rows('mail.message')) if (m.message_type !== 'email') expect(String(m.date) <= nowStr).toBe(true);
  });
});

describe('receipts', () => {
  it('are incoming pickings of the PO warehouse with one move per line', () => {
    for (const po of store.rows('purchase.order')) {
      for (const pid of ids(po.picking_ids)) {
        const p = get('stock.picking', pid);
        expect(p.picking_type_id).toBe(po.picking_type_id);
        expect(get('stock.picking.type', p.picking_type_id).code).toBe('incoming');
        expect(p.origin).toBe(po.name);
        expect(p.purchase_id).toBe(po.id);
        for (const mid of ids(p.move_ids)) expect(get('purchase.order.line', get('stock.move', mid).purchase_line_id).order_id).toBe(po.id);
      }
    }
  });

  it('include late ones: scheduled in the past and not done', () => {
    expect(summary.interesting.lateReceipts.length).toBeGreaterThanOrEqual(4);
    for (const r of summary.interesting.lateReceipts) {
      const p = get('stock.picking', r.pickingId);
      expect(p.state).toBe('assigned');
      expect(String(p.scheduled_date) < nowStr).toBe(true);
    }
  });

  it('include partial ones: the original done, the backorder open', () => {
    expect(summary.interesting.partialReceipts.length).toBeGreaterThanOrEqual(3);
    for (const r of summary.interesting.partialReceipts) {
      const first = get('stock.picking', r.pickingId);
      const back = get('stock.picking', r.backorderId);
      expect(first.state).toBe('done');
      expect(back.state).toBe('assigned');
      expect(back.backorder_id).toBe(first.id);
      expect(first.backorder_ids).toEqual([back.id]);
      const po = get('purchase.order', r.poId);
      expect(po.receipt_status).toBe('partial');
      expect(ids(po.order_line).some((l) => (get('purchase.order.line', l).qty_received as number) < (get('purchase.order.line', l).product_qty as number))).toBe(true);
    }
  });
});

describe('vendor bills', () => {
  const productLines = (billId: number) => ids(get('account.move', billId).invoice_line_ids).map((id) => get('account.move.line', id));

  it('reference their PO and balance like Odoo journal entries', () => {
    for (const bill of store.rows('account.move')) {
      expect(bill.move_type).toBe('in_invoice');
      const lines = ids(bill.line_ids).map((id) => get('account.move.line', id));
      const debit = lines.reduce((s, l) => s + cents(l.debit), 0);
      const credit = lines.reduce((s, l) => s + cents(l.credit), 0);
      expect(debit).toBe(credit);
      expect(credit).toBe(cents(bill.amount_total));
      const products = productLines(bill.id);
      expect(products.every((l) => l.display_type === 'product')).toBe(true);
      expect(products.reduce((s, l) => s + cents(l.price_subtotal), 0)).toBe(cents(bill.amount_untaxed));
      if (bill.invoice_origin !== false) {
        const po = store.rows('purchase.order').find((p) => p.name === bill.invoice_origin);
        expect(po && ids(po.invoice_ids)).toContain(bill.id);
        for (const l of products) expect(get('purchase.order.line', l.purchase_line_id).order_id).toBe(po?.id);
      }
    }
  });

  it('include a quantity mismatch: billed more than received', () => {
    const [b] = summary.interesting.quantityMismatchBills;
    expect(b).toBeDefined();
    const over = productLines(b?.billId ?? 0).some((l) => (l.quantity as number) > (get('purchase.order.line', l.purchase_line_id).qty_received as number));
    expect(over).toBe(true);
  });

  it('include a price mismatch beyond a few percent', () => {
    const [b] = summary.interesting.priceMismatchBills;
    expect(b).toBeDefined();
    const line = productLines(b?.billId ?? 0).find((l) => l.purchase_line_id === b?.poLineId);
    const poPrice = get('purchase.order.line', b?.poLineId).price_unit as number;
    expect(Math.abs((line?.price_unit as number) / poPrice - 1)).toBeGreaterThan(0.04);
  });

  it('include bills without PO, a vendor reference billed twice and a bill with nothing received', () => {
    const noPo = summary.interesting.billsWithoutPo.map((id) => get('account.move', id));
    expect(noPo.length).toBeGreaterThan(0);
    for (const b of noPo) {
      expect(b.invoice_origin).toBe(false);
      expect(productLines(b.id).every((l) => l.purchase_line_id === false)).toBe(true);
    }
    const [dup] = summary.interesting.duplicateRefBills;
    const dupBills = (dup?.billIds ?? []).map((id) => get('account.move', id));
    expect(dupBills).toHaveLength(2);
    expect(dupBills[0]?.ref).toBe(dupBills[1]?.ref);
    expect(dupBills[0]?.partner_id).toBe(dupBills[1]?.partner_id);
    const [unreceived] = summary.interesting.unreceivedBills;
    const po = get('purchase.order', unreceived?.poId);
    expect(ids(po.order_line).every((l) => get('purchase.order.line', l).qty_received === 0)).toBe(true);
    expect(get('account.move', unreceived?.billId).invoice_origin).toBe(po.name);
  });
});

describe('supplier emails', () => {
  const emails = loadSupplierEmails();

  it('sit in the chatter of the PO they name, which has that vendor and planned date', () => {
    for (const e of emails) {
      const ref = summary.interesting.supplierEmails.find((s) => s.emailId === e.id);
      const msg = get('mail.message', ref?.messageId);
      expect(msg.message_type).toBe('email');
      expect(msg.subject).toBe(e.subject);
      expect(msg.date).toBe(e.received_at.replace('T', ' ').replace('Z', ''));
      expect(String(msg.body).startsWith('<p>')).toBe(true);
      const vendor = store.rows('res.partner').find((p) => p.name === e.vendor && p.is_company === true);
      expect(vendor, e.vendor).toBeDefined();
      if (!e.po_ref) {
        expect(msg.model).toBe('res.partner');
        continue;
      }
      const po = store.rows('purchase.order').find((p) => p.name === e.po_ref);
      expect(po, e.po_ref).toBeDefined();
      expect(po?.partner_id).toBe(vendor?.id);
      expect(String(po?.date_planned).slice(0, 10)).toBe(e.po_date_planned);
      expect(msg.model).toBe('purchase.order');
      expect(msg.res_id).toBe(po?.id);
      expect(ids(po?.message_ids)).toContain(msg.id);
    }
  });

  it('come from vendors on the domain of their emails (the lookalike fraud domain excepted)', () => {
    for (const e of emails) {
      const vendor = store.rows('res.partner').find((p) => p.name === e.vendor && p.is_company === true);
      const from = parseFrom(e.from);
      const domain = String(vendor?.email).split('@')[1];
      if (e.id === 'dev-022') {
        expect(domain).toBe('keller-hygiene.example');
        expect(get('mail.message', summary.interesting.supplierEmails.find((s) => s.emailId === e.id)?.messageId).author_id).toBe(false);
      } else {
        expect(domain, e.id).toBe(from.domain);
        expect((vendor?.supplier_rank as number) > 0).toBe(true);
      }
    }
  });
});

describe('people', () => {
  it('has a demo identity per role with the documented password, and Megan Holt as a buyer', () => {
    const byLogin = new Map(summary.identities.map((i) => [i.login, i]));
    for (const role of ['buyer', 'approver', 'warehouse', 'finance'] as const) {
      const who = byLogin.get(summary.demo[role]);
      expect(who?.role).toBe(role);
      expect(who?.password).toBe(summary.demo[role].split('@')[0]);
      expect(get('res.users', who?.userId).password).toBe(who?.password);
    }
    const megan = summary.identities.find((i) => i.name === 'Megan Holt');
    expect(megan).toMatchObject({ role: 'buyer', login: 'mholt@northgate-supply.example' });
    const approvers = summary.identities.filter((i) => i.role === 'approver');
    expect(new Set(approvers.map((a) => a.approvalLimit)).size).toBeGreaterThan(2);
  });

  it('puts each role in its Odoo groups (implied groups included)', () => {
    const ref = (x: string) => store.ref(x);
    const groupsOf = (login: string) => ids(get('res.users', summary.identities.find((i) => i.login === login)?.userId).groups_id);
    expect(groupsOf(summary.demo.buyer)).toContain(ref('purchase.group_purchase_user'));
    expect(groupsOf(summary.demo.buyer)).not.toContain(ref('purchase.group_purchase_manager'));
    expect(groupsOf(summary.demo.approver)).toEqual(expect.arrayContaining([ref('purchase.group_purchase_manager'), ref('purchase.group_purchase_user'), ref('base.group_user')]));
    expect(groupsOf(summary.demo.warehouse)).toContain(ref('stock.group_stock_user'));
    expect(groupsOf(summary.demo.finance)).toContain(ref('account.group_account_invoice'));
  });

  it('has two companies, one two-step at 5,000, and four warehouses with their own receipts type', () => {
    expect(summary.companies.map((c) => [c.currency, c.poDoubleValidation])).toEqual([['USD', 'two_step'], ['EUR', 'one_step']]);
    expect(summary.companies[0]?.threshold).toBe(5000);
    expect(new Set(summary.warehouses.map((w) => w.pickingTypeId)).size).toBe(summary.warehouses.length);
    expect(summary.warehouses.length).toBeGreaterThanOrEqual(3);
  });
});

describe('referential integrity', () => {
  const schema = loadSchema(18);

  it('every many2one and many2many points at an existing row', () => {
    const problems: string[] = [];
    for (const model of store.models()) {
      const s = schema.get(model);
      if (!s) continue;
      for (const f of s.fields.values()) {
        if ((f.type !== 'many2one' && f.type !== 'many2many') || !f.relation || !schema.has(f.relation)) continue;
        for (const row of store.table(model).values()) {
          const v = row[f.name];
          const targets = f.type === 'many2one' ? (typeof v === 'number' ? [v] : []) : ids(v);
          for (const t of targets) if (!store.get(f.relation, t)) problems.push(`${model}.${f.name} of ${row.id} -> ${f.relation} ${t}`);
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('both sides of each one2many agree where the parent stores the list', () => {
    const problems: string[] = [];
    for (const [key, inverse] of Object.entries(ONE2MANY_INVERSE)) {
      const dot = key.lastIndexOf('.');
      const parentModel = key.slice(0, dot);
      const field = key.slice(dot + 1);
      const f = schema.get(parentModel)?.fields.get(field);
      if (!f?.relation) continue;
      for (const parent of store.table(parentModel).values()) {
        const stored = parent[field];
        if (!Array.isArray(stored)) continue;
        let children = store.childrenBy(f.relation, inverse, parent.id);
        // Odoo's invoice_line_ids has a domain: product lines only (tax and payable lines are in line_ids).
        if (key === 'account.move.invoice_line_ids') children = children.filter((c) => store.get('account.move.line', c)?.display_type === 'product');
        if ([...stored].sort((a, b) => a - b).join() !== [...children].sort((a, b) => a - b).join()) problems.push(`${key} of ${parent.id}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('both sides of the many2many and related lists the seed keeps agree', () => {
    for (const po of store.rows('purchase.order')) {
      for (const p of ids(po.picking_ids)) expect(get('stock.picking', p).purchase_id).toBe(po.id);
      for (const b of ids(po.invoice_ids)) expect(get('account.move', b).invoice_origin).toBe(po.name);
      for (const m of ids(po.message_ids)) expect(get('mail.message', m)).toMatchObject({ model: 'purchase.order', res_id: po.id });
    }
    for (const u of summary.identities.filter((i) => i.role !== 'admin')) {
      for (const g of ids(get('res.users', u.userId).groups_id)) expect(ids(get('res.groups', g).users)).toContain(u.userId);
    }
    for (const g of store.rows('res.groups')) for (const u of ids(g.users)) expect(ids(get('res.users', u).groups_id)).toContain(g.id);
  });
});
