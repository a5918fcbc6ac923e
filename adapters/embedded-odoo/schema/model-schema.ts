import { readFileSync } from 'node:fs';
import type { OdooMajor } from '../../xmlrpc/write-xmlrpc.ts';
import { EXTRA_MODELS } from './extra-models.ts';

/**
 * The field definitions of every implemented model, per Odoo major.
 *
 * The models the bot touches come from the fields_get recorded on real Odoo 17 and 18
 * (fields-17.json / fields-18.json, trimmed to the attributes fields_get is asked for), so
 * fields_get answers exactly what Odoo answered; the others from EXTRA_MODELS.
 */
export interface FieldDef {
  name: string;
  type: string;
  string: string;
  relation?: string;
  selection?: Array<[string, string]>;
  store: boolean;
  readonly: boolean;
  required: boolean;
  /** For one2many: the many2one on the comodel that points back (Odoo's relation_field). */
  inverse?: string;
}

export interface ModelSchema {
  name: string;
  description: string;
  fields: Map<string, FieldDef>;
  /** True when fields_get was recorded on a real Odoo (answer it verbatim). */
  recorded: boolean;
}

// One2many fields and the many2one that backs them (Odoo's relation_field, not in fields_get).
export const ONE2MANY_INVERSE: Record<string, string> = {
  'purchase.order.order_line': 'order_id',
  'purchase.order.line.move_ids': 'purchase_line_id',
  'purchase.order.line.invoice_lines': 'purchase_line_id',
  'stock.picking.move_ids': 'picking_id',
  'stock.picking.move_ids_without_package': 'picking_id',
  'stock.picking.backorder_ids': 'backorder_id',
  'account.move.invoice_line_ids': 'move_id',
  'account.move.line_ids': 'move_id',
  'res.partner.child_ids': 'parent_id',
  'res.partner.user_ids': 'partner_id',
  'res.company.child_ids': 'parent_id',
  'base.automation.action_server_ids': 'base_automation_id',
  'product.category.child_id': 'parent_id',
  'ir.model.field_id': 'model_id',
  'product.product.purchase_order_line_ids': 'product_id',
  'product.product.stock_move_ids': 'product_id',
  'res.partner.purchase_line_ids': 'partner_id',
  'res.partner.invoice_ids': 'partner_id',
};

/** Odoo's _description of each model: used in access errors ('Companies' (res.company)). */
export const MODEL_DESCRIPTIONS: Record<string, string> = {
  'res.partner': 'Contact', 'res.users': 'User', 'res.groups': 'Access Groups', 'res.company': 'Companies',
  'res.currency': 'Currency', 'uom.uom': 'Product Unit of Measure', 'uom.category': 'Product UoM Categories',
  'product.product': 'Product Variant', 'product.category': 'Product Category', 'stock.warehouse': 'Warehouse',
  'stock.location': 'Inventory Locations', 'stock.picking.type': 'Picking Type', 'purchase.order': 'Purchase Order',
  'purchase.order.line': 'Purchase Order Line', 'stock.picking': 'Transfer', 'stock.move': 'Stock Move',
  'stock.backorder.confirmation': 'Backorder Confirmation', 'account.move': 'Journal Entry',
  'account.move.line': 'Journal Item', 'account.tax': 'Tax', 'mail.message': 'Message', 'mail.activity': 'Activity',
  'mail.activity.type': 'Activity Type', 'mail.message.subtype': 'Message subtypes', 'ir.model': 'Models',
  'ir.model.data': 'Model Data', 'ir.model.fields': 'Fields', 'base.automation': 'Automation Rule',
  'ir.actions.server': 'Server Actions', 'ir.module.category': 'Application',
};

type RecordedFields = Record<string, Record<string, Omit<FieldDef, 'name'> & { selection?: Array<[string, string]> }>>;

const cache = new Map<OdooMajor, Map<string, ModelSchema>>();

function loadRecorded(version: OdooMajor): RecordedFields {
  const url = new URL(`./fields-${version}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as RecordedFields;
}

function parseCompact(name: string, spec: string): FieldDef {
  const stored = !spec.endsWith('*');
  const parts = (stored ? spec : spec.slice(0, -1)).split(':');
  const type = parts[0] ?? 'char';
  const relational = ['many2one', 'one2many', 'many2many'].includes(type);
  const def: FieldDef = {
    name,
    type,
    string: (relational ? parts[2] : parts[1]) ?? name,
    store: stored,
    readonly: false,
    required: false,
  };
  if (relational && parts[1]) def.relation = parts[1];
  return def;
}

// Fields every model has (models.py MAGIC_COLUMNS and display_name).
function addMagicFields(fields: Map<string, FieldDef>): void {
  const magic: Record<string, string> = {
    id: 'integer:ID', display_name: 'char:Display Name*', create_date: 'datetime:Created on',
    create_uid: 'many2one:res.users:Created by', write_date: 'datetime:Last Updated on',
    write_uid: 'many2one:res.users:Last Updated by',
  };
  for (const [n, spec] of Object.entries(magic)) if (!fields.has(n)) fields.set(n, { ...parseCompact(n, spec), readonly: true });
}

/** All model schemas of one Odoo major (loaded once, shared read-only). */
export function loadSchema(version: OdooMajor): Map<string, ModelSchema> {
  const hit = cache.get(version);
  if (hit) return hit;
  const models = new Map<string, ModelSchema>();
  for (const [model, fields] of Object.entries(loadRecorded(version))) {
    const map = new Map<string, FieldDef>();
    for (const [name, f] of Object.entries(fields)) {
      const def: FieldDef = { ...f, name, store: f.store ?? true, readonly: f.readonly ?? false, required: f.required ?? false };
      map.set(name, def);
    }
    models.set(model, { name: model, description: MODEL_DESCRIPTIONS[model] ?? model, fields: map, recorded: true });
  }
  for (const [model, specs] of Object.entries(EXTRA_MODELS)) {
    const map = new Map<string, FieldDef>();
    for (const [name, spec] of Object.entries(specs)) map.set(name, parseCompact(name, spec));
    addMagicFields(map);
    models.set(model, { name: model, description: MODEL_DESCRIPTIONS[model] ?? model, fields: map, recorded: false });
  }
  for (const schema of models.values()) {
    for (const f of schema.fields.values()) {
      if (f.type === 'one2many') {
        const inv = ONE2MANY_INVERSE[`${schema.name}.${f.name}`];
        if (inv) f.inverse = inv;
      }
    }
  }
  cache.set(version, models);
  return models;
}
