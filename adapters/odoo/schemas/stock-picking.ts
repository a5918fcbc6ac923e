import { z } from 'zod';
import { datetime, datetimeRequired, id, many2one, text } from './odoo-values.ts';

export const RECEIPT_FIELDS = [
  'name',
  'state',
  'scheduled_date',
  'date_deadline',
  'date_done',
  'origin',
  'purchase_id',
  'partner_id',
  'picking_type_id',
  'backorder_id',
  'write_date',
] as const;

export const receiptSchema = z
  .object({
    id,
    name: z.string(),
    state: z.enum(['draft', 'waiting', 'confirmed', 'assigned', 'done', 'cancel']),
    scheduled_date: datetime,
    date_deadline: datetime,
    date_done: datetime,
    origin: text,
    purchase_id: many2one,
    partner_id: many2one,
    picking_type_id: many2one,
    backorder_id: many2one,
    write_date: datetimeRequired,
  })
  .transform((r) => ({
    id: r.id,
    name: r.name,
    state: r.state,
    scheduledDate: r.scheduled_date,
    dateDeadline: r.date_deadline,
    dateDone: r.date_done,
    origin: r.origin,
    purchaseOrder: r.purchase_id,
    partner: r.partner_id,
    pickingType: r.picking_type_id,
    backorderOf: r.backorder_id,
    writeDate: r.write_date,
  }));

/** stock.picking.type -> warehouse, read in one batch per call. */
export const PICKING_TYPE_FIELDS = ['warehouse_id'] as const;
export const pickingTypeSchema = z.object({ id, warehouse_id: many2one });

export const WAREHOUSE_FIELDS = ['name', 'code', 'company_id', 'in_type_id'] as const;

export const warehouseSchema = z
  .object({ id, name: z.string(), code: text, company_id: many2one, in_type_id: many2one })
  .transform((r) => ({ id: r.id, name: r.name, code: r.code, company: r.company_id, receiptType: r.in_type_id }));
