import type { OdooStore, Row } from '../store.ts';

/**
 * display_name per model, as Odoo 17/18 compute it (the second item of every many2one pair).
 * Seen in the recordings: a contact with a company reads 'YourCompany, Mitchell Admin', a
 * product '[E-COM06] Corner Desk Right Sit', a picking type 'YourCompany: Receipts', a
 * location 'WH/Stock' (its complete_name), a purchase line its description.
 */
export function displayName(store: OdooStore, model: string, row: Row): string {
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  switch (model) {
    case 'res.partner': {
      if (typeof row.complete_name === 'string' && row.complete_name) return row.complete_name;
      const parent = typeof row.parent_id === 'number' ? store.get('res.partner', row.parent_id) : undefined;
      if (parent && !row.is_company && row.name) return `${displayName(store, 'res.partner', parent)}, ${str(row.name)}`;
      return str(row.name) || (parent ? displayName(store, 'res.partner', parent) : '');
    }
    case 'res.users': {
      if (row.name) return str(row.name);
      const partner = typeof row.partner_id === 'number' ? store.get('res.partner', row.partner_id) : undefined;
      return str(partner?.name);
    }
    case 'product.product': {
      const code = str(row.default_code);
      return code ? `[${code}] ${str(row.name)}` : str(row.name);
    }
    case 'stock.picking.type': {
      const wh = typeof row.warehouse_id === 'number' ? store.get('stock.warehouse', row.warehouse_id) : undefined;
      return wh ? `${str(wh.name)}: ${str(row.name)}` : str(row.name);
    }
    case 'stock.location':
    case 'product.category':
      return str(row.complete_name) || str(row.name);
    case 'account.move': {
      const name = str(row.name);
      if (name && name !== '/') return name;
      return row.move_type === 'in_invoice' ? `Draft Bill (* ${row.id})` : `Draft Entry (* ${row.id})`;
    }
    case 'account.move.line':
      return str(row.name) || str(row.move_name);
    case 'mail.activity':
      return str(row.summary) || str(row.res_name);
    case 'mail.message':
      return str(row.record_name) || str(row.subject);
    case 'ir.model.fields':
      return str(row.field_description);
    case 'ir.model.data':
      return `${str(row.module)}.${str(row.name)}`;
    case 'res.groups': {
      const cat = typeof row.category_id === 'number' ? store.get('ir.module.category', row.category_id) : undefined;
      return cat ? `${str(cat.name)} / ${str(row.name)}` : str(row.name);
    }
    case 'stock.backorder.confirmation':
      return `stock.backorder.confirmation,${row.id}`;
    default:
      return str(row.name) || `${model},${row.id}`;
  }
}
