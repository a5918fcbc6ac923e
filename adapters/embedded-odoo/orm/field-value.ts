import type { OdooStore, Row, StoredValue } from '../store.ts';
import type { FieldDef } from '../schema/model-schema.ts';
import { displayName } from './display-name.ts';

/**
 * The stored-shape value of a field of a row: what the row holds, or, for the few fields the
 * embedded Odoo does not keep on rows, what Odoo would compute (related and one2many fields).
 * Rows inserted by the dataset generator may leave these out; they still read correctly.
 */
export function fieldValue(store: OdooStore, model: string, row: Row, field: FieldDef): StoredValue {
  const v = row[field.name];
  if (v !== undefined) return v;
  const name = field.name;
  if (name === 'display_name') return displayName(store, model, row);
  if (field.type === 'one2many') {
    if (field.inverse && field.relation) return store.childrenBy(field.relation, field.inverse, row.id);
    return [];
  }
  const related = RELATED[`${model}.${name}`];
  if (related) return related(store, row);
  return null;
}

const m2o = (store: OdooStore, model: string, id: StoredValue | undefined): Row | undefined =>
  typeof id === 'number' ? store.get(model, id) : undefined;

// Related/computed fields Odoo derives from another record (model.field -> getter).
const RELATED: Record<string, (store: OdooStore, row: Row) => StoredValue> = {
  'stock.picking.picking_type_code': (s, r) => m2o(s, 'stock.picking.type', r.picking_type_id)?.code ?? false,
  'stock.move.picking_code': (s, r) => m2o(s, 'stock.picking.type', r.picking_type_id)?.code ?? false,
  'stock.picking.purchase_id': (s, r) => {
    for (const moveId of s.childrenBy('stock.move', 'picking_id', r.id)) {
      const line = m2o(s, 'purchase.order.line', s.get('stock.move', moveId)?.purchase_line_id);
      if (line && typeof line.order_id === 'number') return line.order_id;
    }
    return false;
  },
  'res.users.name': (s, r) => m2o(s, 'res.partner', r.partner_id)?.name ?? false,
  'res.users.email': (s, r) => m2o(s, 'res.partner', r.partner_id)?.email ?? false,
  'res.users.share': (s, r) => {
    const groups = Array.isArray(r.groups_id) ? r.groups_id : [];
    try {
      return !groups.includes(s.ref('base.group_user'));
    } catch {
      return false;
    }
  },
  'purchase.order.line.state': (s, r) => m2o(s, 'purchase.order', r.order_id)?.state ?? false,
  'purchase.order.line.partner_id': (s, r) => m2o(s, 'purchase.order', r.order_id)?.partner_id ?? false,
  'purchase.order.line.company_id': (s, r) => m2o(s, 'purchase.order', r.order_id)?.company_id ?? false,
  'purchase.order.line.currency_id': (s, r) => m2o(s, 'purchase.order', r.order_id)?.currency_id ?? false,
  'account.move.line.parent_state': (s, r) => m2o(s, 'account.move', r.move_id)?.state ?? false,
  'account.move.line.move_type': (s, r) => m2o(s, 'account.move', r.move_id)?.move_type ?? false,
  'account.move.line.purchase_order_id': (s, r) => m2o(s, 'purchase.order.line', r.purchase_line_id)?.order_id ?? false,
  'mail.activity.res_model': (s, r) => m2o(s, 'ir.model', r.res_model_id)?.model ?? false,
  'base.automation.model_name': (s, r) => m2o(s, 'ir.model', r.model_id)?.model ?? false,
  'ir.actions.server.model_name': (s, r) => m2o(s, 'ir.model', r.model_id)?.model ?? false,
  'ir.model.data.complete_name': (_s, r) => `${String(r.module)}.${String(r.name)}`,
  'res.groups.full_name': (s, r) => displayName(s, 'res.groups', r),
  'stock.location.warehouse_id': (s, r) => {
    for (const wh of s.rows('stock.warehouse')) if (wh.view_location_id === r.location_id || wh.lot_stock_id === r.id) return wh.id;
    return false;
  },
};
