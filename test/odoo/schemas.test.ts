import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { RECORD_SPECS, parseRecords } from '../../adapters/odoo/record-specs.ts';
import { vendorBillLineSchema, vendorBillSchema } from '../../adapters/odoo/schemas/account-move.ts';
import { activityTypeSchema, poMessageSchema } from '../../adapters/odoo/schemas/mail-models.ts';
import {
  PRODUCT_CATEGORY_FIELDS,
  purchaseOrderLineSchema,
  purchaseOrderSchema,
} from '../../adapters/odoo/schemas/purchase-order.ts';
import { companySchema, partnerSchema, userSchema } from '../../adapters/odoo/schemas/res-models.ts';
import { PICKING_TYPE_FIELDS, receiptSchema, warehouseSchema } from '../../adapters/odoo/schemas/stock-picking.ts';
import { OdooError } from '../../src/errors/odoo-error.ts';
import { VERSIONS, fieldsGet, flows, samples } from './support/recorded.ts';

type AnyObject = z.ZodObject<z.ZodRawShape>;
const objectOf = (s: z.ZodType): AnyObject => ('in' in s ? (s as unknown as { in: AnyObject }).in : (s as AnyObject));

/** The raw schema restricted to the fields a recorded record carries (recordings asked fewer). */
function parsePresent(schema: z.ZodType, record: Record<string, unknown>) {
  const obj = objectOf(schema);
  const mask = Object.fromEntries(Object.keys(obj.shape).filter((k) => k in record).map((k) => [k, true as const]));
  return obj.pick(mask).safeParse(record);
}

const BY_MODEL: Record<string, z.ZodType[]> = {
  'purchase.order': [purchaseOrderSchema],
  'purchase.order.line': [purchaseOrderLineSchema],
  'stock.picking': [receiptSchema],
  'account.move': [vendorBillSchema],
  'res.partner': [partnerSchema],
  'res.users': [userSchema],
  'res.company': [companySchema],
  'stock.warehouse': [warehouseSchema],
  'mail.message': [poMessageSchema],
  'mail.activity.type': [activityTypeSchema],
};

describe.each(VERSIONS)('schemas against Odoo %i recordings', (v) => {
  const fields = fieldsGet(v);

  it('every field the gateway asks for exists on the model (fields_get)', () => {
    const asked: Array<[string, readonly string[]]> = [
      ...Object.values(RECORD_SPECS).map((s): [string, readonly string[]] => [s.model, [...s.fields, ...s.optionalFields]]),
      ['stock.picking.type', PICKING_TYPE_FIELDS],
      ['product.product', PRODUCT_CATEGORY_FIELDS],
    ];
    for (const [model, names] of asked) {
      const known = fields[model];
      expect(known, `fields_get has ${model}`).toBeDefined();
      const missing = names.filter((f) => !known || !(f in known));
      expect(missing, `${model} fields missing on ${v}`).toEqual([]);
    }
  });

  it('every recorded record parses (on the fields it carries)', () => {
    let checked = 0;
    for (const [model, { records }] of Object.entries(samples(v))) {
      for (const schema of BY_MODEL[model] ?? []) {
        for (const record of records) {
          const result = parsePresent(schema, record);
          expect(result.success, `${model} ${String(record.id)}: ${result.error?.message}`).toBe(true);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('complete recorded records map to domain records with null for false, Date for datetimes', () => {
    const s = samples(v);
    const bills = parseRecords('account.move', vendorBillSchema, s['account.move']!.records.filter((r) => r.move_type === 'in_invoice'));
    expect(bills.length).toBeGreaterThan(0);
    const draft = bills.find((b) => b.invoiceDate === null);
    expect(draft?.invoiceDateDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(bills[0]!.writeDate).toBeInstanceOf(Date);
    expect(bills[0]!.partner).toEqual({ id: expect.any(Number), name: 'Azure Interior' });

    const [company] = parseRecords('res.company', companySchema, s['res.company']!.records);
    expect(company).toMatchObject({ poDoubleValidation: expect.stringMatching(/one_step|two_step/), poDoubleValidationAmount: 5000 });
    const warehouses = parseRecords('stock.warehouse', warehouseSchema, s['stock.warehouse']!.records);
    expect(warehouses[0]!.receiptType).toEqual({ id: expect.any(Number), name: expect.stringContaining('Receipts') });
    const types = parseRecords('mail.activity.type', activityTypeSchema, s['mail.activity.type']!.records);
    expect(types.every((t) => t.resModel === null)).toBe(true);

    const flowBills = parseRecords('account.move', vendorBillSchema, flows(v).bills as unknown[]);
    expect(flowBills[0]).toMatchObject({ state: 'draft', invoiceOrigin: expect.stringMatching(/^P\d+/), amountTotal: expect.any(Number) });
  });

  it('datetimes are UTC instants, dates stay calendar days', () => {
    const po = samples(v)['purchase.order']!.records[0]!;
    const r = parsePresent(purchaseOrderSchema, po);
    expect(r.success).toBe(true);
    const data = r.data as { date_order: Date; date_approve: Date | null; write_date: Date };
    expect(data.write_date.toISOString().slice(0, 19)).toBe(String(po.write_date).replace(' ', 'T'));
    expect(data.date_approve === null || data.date_approve instanceof Date).toBe(true);
  });

  it('bill lines of the mismatch flow carry the PO line they bill', () => {
    const lines = flows(v).bill_lines as Array<Record<string, unknown>>;
    const r = parsePresent(vendorBillLineSchema, lines[0]!);
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ quantity: 80, price_unit: 157.5, purchase_line_id: { id: expect.any(Number) } });
  });
});

describe('validation failures', () => {
  it('name the model, record and field', () => {
    const bad = { id: 5, name: 'P5', state: 'locked' };
    let caught: unknown;
    try {
      parseRecords('purchase.order', objectOf(purchaseOrderSchema).pick({ id: true, name: true, state: true }), [bad]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(OdooError);
    expect(caught).toMatchObject({ code: 'odoo_invalid_response', model: 'purchase.order', recordId: 5, field: 'state' });
  });

  it('a many2one must be [id, name] or false, never null', () => {
    const r = parsePresent(receiptSchema, { purchase_id: null });
    expect(r.success).toBe(false);
  });
});
