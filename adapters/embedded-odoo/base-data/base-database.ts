import type { OdooStore, Row } from '../store.ts';
import { loadSchema } from '../schema/model-schema.ts';
import type { OdooMajor } from '../../xmlrpc/write-xmlrpc.ts';
import { insertDemoData } from './demo-data.ts';

/**
 * The records of a freshly created Odoo database with Purchase, Inventory, Invoicing and
 * base_automation installed, with the external ids (ir.model.data) the real modules give them,
 * so the dataset generator can `store.ref('purchase.group_purchase_manager')` and mean the same
 * thing as on a real Odoo. Ids follow a fresh 17/18 database where the recordings show them
 * (admin uid 2, its partner 3, USD 1, 'Units' 1, WH/Stock 8, Receipts type 1, subtypes 1/2/7/8).
 */
export interface BaseDatabaseOptions {
  version: OdooMajor;
  adminLogin: string;
  adminPassword: string;
  /** A few vendors, products and a portal user, like Odoo's demo data (default true). */
  demo: boolean;
  now: Date;
}

const stamp = (d: Date): string => `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)}`;

/** ir.model's module per model prefix, for the `module.model_x_y` external ids. */
function moduleOf(model: string): string {
  if (model === 'base.automation') return 'base_automation';
  if (model === 'stock.backorder.confirmation') return 'stock';
  const head = model.split('.')[0] ?? 'base';
  return ({ res: 'base', ir: 'base', uom: 'uom', product: 'product', stock: 'stock', purchase: 'purchase', account: 'account', mail: 'mail' } as Record<string, string>)[head] ?? 'base';
}

export function createBaseDatabase(store: OdooStore, opts: BaseDatabaseOptions): void {
  const now = stamp(opts.now);
  const magic = { create_date: now, write_date: now, create_uid: 1, write_uid: 1 };
  const put = (model: string, xmlid: string | undefined, values: Omit<Row, 'id'> & { id?: number }): number => {
    const id = store.insert(model, { ...magic, ...values });
    if (xmlid) store.setXmlid(xmlid, model, id);
    return id;
  };

  // Models and fields (ir.model / ir.model.fields), one row per implemented model and field.
  const schema = loadSchema(opts.version);
  for (const s of [...schema.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const modelId = put('ir.model', `${moduleOf(s.name)}.model_${s.name.replace(/\./g, '_')}`, {
      name: s.description, model: s.name, state: 'base', transient: s.name === 'stock.backorder.confirmation', order: 'id', info: false,
    });
    for (const f of s.fields.values()) {
      put('ir.model.fields', undefined, {
        name: f.name, model: s.name, model_id: modelId, field_description: f.string, ttype: f.type,
        relation: f.relation ?? false, relation_field: f.inverse ?? false, store: f.store, readonly: f.readonly,
        required: f.required, state: 'base',
      });
    }
  }

  // Currencies, units, categories.
  put('res.currency', 'base.USD', { id: 1, name: 'USD', full_name: 'United States dollar', symbol: '$', rounding: 0.01, decimal_places: 2, position: 'before', active: true, rate: 1 });
  put('res.currency', 'base.EUR', { id: 2, name: 'EUR', full_name: 'Euro', symbol: '€', rounding: 0.01, decimal_places: 2, position: 'after', active: true, rate: 0.92 });
  put('uom.category', 'uom.product_uom_categ_unit', { id: 1, name: 'Unit' });
  put('uom.category', 'uom.product_uom_categ_kgm', { id: 2, name: 'Weight' });
  put('uom.uom', 'uom.product_uom_unit', { id: 1, name: 'Units', category_id: 1, factor: 1, rounding: 0.01, uom_type: 'reference', active: true });
  put('uom.uom', 'uom.product_uom_dozen', { id: 2, name: 'Dozens', category_id: 1, factor: 1 / 12, rounding: 0.01, uom_type: 'bigger', active: true });
  put('uom.uom', 'uom.product_uom_kgm', { id: 3, name: 'kg', category_id: 2, factor: 1, rounding: 0.01, uom_type: 'reference', active: true });
  put('product.category', 'product.product_category_all', { id: 1, name: 'All', complete_name: 'All', parent_id: false });

  // Company, its partner, the superuser and the administrator.
  put('res.partner', 'base.main_partner', { id: 1, name: 'YourCompany', complete_name: 'YourCompany', is_company: true, email: 'info@yourcompany.com', company_id: 1, active: true, supplier_rank: 0, customer_rank: 0, parent_id: false, type: 'contact' });
  put('res.partner', 'base.partner_root', { id: 2, name: 'OdooBot', complete_name: 'OdooBot', is_company: false, email: 'odoobot@example.com', company_id: false, active: false, supplier_rank: 0, customer_rank: 0, parent_id: false, type: 'contact' });
  put('res.partner', 'base.partner_admin', { id: 3, name: 'Mitchell Admin', complete_name: 'YourCompany, Mitchell Admin', is_company: false, email: 'admin@yourcompany.example.com', company_id: 1, active: true, supplier_rank: 0, customer_rank: 0, parent_id: 1, type: 'contact' });
  put('res.company', 'base.main_company', {
    id: 1, name: 'YourCompany', partner_id: 1, currency_id: 1, active: true, sequence: 0, parent_id: false,
    po_double_validation: 'one_step', po_double_validation_amount: 5000, po_lock: 'edit', po_lead: 0, email: 'info@yourcompany.com',
  });

  // Groups (implied groups as in the modules' security XML).
  const cats: Record<string, number> = {};
  for (const [xmlid, name] of [
    ['base.module_category_user_type', 'User types'], ['base.module_category_administration_administration', 'Administration'],
    ['base.module_category_inventory_purchase', 'Purchase'], ['base.module_category_inventory_inventory', 'Inventory'],
    ['base.module_category_accounting_accounting', 'Invoicing'], ['base.module_category_hidden', 'Technical'],
  ] as const) cats[xmlid] = put('ir.module.category', xmlid, { name, sequence: 10 });
  const group = (xmlid: string, name: string, cat: string, implied: number[], share = false): number =>
    put('res.groups', xmlid, { name, category_id: cats[cat] ?? false, implied_ids: implied, users: [], share, comment: false });
  const gUser = group('base.group_user', 'Internal User', 'base.module_category_user_type', []);
  const gPortal = group('base.group_portal', 'Portal', 'base.module_category_user_type', [], true);
  group('base.group_public', 'Public', 'base.module_category_user_type', [], true);
  const gMulti = group('base.group_multi_company', 'Multi Companies', 'base.module_category_hidden', []);
  const gNoOne = group('base.group_no_one', 'Technical Features', 'base.module_category_hidden', []);
  const gErp = group('base.group_erp_manager', 'Access Rights', 'base.module_category_administration_administration', [gUser]);
  const gSystem = group('base.group_system', 'Settings', 'base.module_category_administration_administration', [gErp]);
  const gPurUser = group('purchase.group_purchase_user', 'User', 'base.module_category_inventory_purchase', [gUser]);
  const gPurMgr = group('purchase.group_purchase_manager', 'Administrator', 'base.module_category_inventory_purchase', [gPurUser]);
  const gStockUser = group('stock.group_stock_user', 'User', 'base.module_category_inventory_inventory', [gUser]);
  const gStockMgr = group('stock.group_stock_manager', 'Administrator', 'base.module_category_inventory_inventory', [gStockUser]);
  const gInvoice = group('account.group_account_invoice', 'Billing', 'base.module_category_accounting_accounting', [gUser]);
  const gAccMgr = group('account.group_account_manager', 'Billing Administrator', 'base.module_category_accounting_accounting', [gInvoice]);
  const adminGroups = [gUser, gErp, gSystem, gPurUser, gPurMgr, gStockUser, gStockMgr, gInvoice, gAccMgr, gNoOne, gMulti].sort((a, b) => a - b);
  void gPortal;

  put('res.users', 'base.user_root', { id: 1, login: '__system__', name: 'OdooBot', email: 'odoobot@example.com', partner_id: 2, company_id: 1, company_ids: [1], groups_id: adminGroups, share: false, active: false, password: false });
  put('res.users', 'base.user_admin', { id: 2, login: opts.adminLogin, name: 'Mitchell Admin', email: 'admin@yourcompany.example.com', partner_id: 3, company_id: 1, company_ids: [1], groups_id: adminGroups, share: false, active: true, password: opts.adminPassword, tz: 'Europe/Brussels' });

  // Inventory: locations, warehouse, operation types.
  put('stock.location', 'stock.stock_location_locations', { id: 1, name: 'Physical Locations', complete_name: 'Physical Locations', usage: 'view', location_id: false, company_id: false, active: true });
  put('stock.location', 'stock.stock_location_locations_partner', { id: 2, name: 'Partners', complete_name: 'Partners', usage: 'view', location_id: false, company_id: false, active: true });
  put('stock.location', 'stock.stock_location_locations_virtual', { id: 3, name: 'Virtual Locations', complete_name: 'Virtual Locations', usage: 'view', location_id: false, company_id: false, active: true });
  put('stock.location', 'stock.stock_location_suppliers', { id: 4, name: 'Vendors', complete_name: 'Partners/Vendors', usage: 'supplier', location_id: 2, company_id: false, active: true });
  put('stock.location', 'stock.stock_location_customers', { id: 5, name: 'Customers', complete_name: 'Partners/Customers', usage: 'customer', location_id: 2, company_id: false, active: true });
  put('stock.location', 'stock.stock_location_inter_company', { id: 6, name: 'Inter-company transit', complete_name: 'Virtual Locations/Inter-company transit', usage: 'transit', location_id: 3, company_id: false, active: true });
  put('stock.location', 'stock.warehouse0_view_location', { id: 7, name: 'WH', complete_name: 'WH', usage: 'view', location_id: 1, company_id: 1, active: true });
  put('stock.location', 'stock.stock_location_stock', { id: 8, name: 'Stock', complete_name: 'WH/Stock', usage: 'internal', location_id: 7, company_id: 1, active: true });
  put('stock.warehouse', 'stock.warehouse0', { id: 1, name: 'YourCompany', code: 'WH', company_id: 1, partner_id: 1, view_location_id: 7, lot_stock_id: 8, in_type_id: 1, out_type_id: 2, reception_steps: 'one_step', delivery_steps: 'ship_only', sequence: 10, active: true });
  put('stock.picking.type', 'stock.picking_type_in', { id: 1, name: 'Receipts', code: 'incoming', sequence_code: 'IN', warehouse_id: 1, company_id: 1, default_location_src_id: 4, default_location_dest_id: 8, sequence: 1, active: true, create_backorder: 'ask', reservation_method: 'at_confirm' });
  put('stock.picking.type', 'stock.picking_type_out', { id: 2, name: 'Delivery Orders', code: 'outgoing', sequence_code: 'OUT', warehouse_id: 1, company_id: 1, default_location_src_id: 8, default_location_dest_id: 5, sequence: 5, active: true, create_backorder: 'ask', reservation_method: 'at_confirm' });

  // Chatter: subtypes and activity types.
  put('mail.message.subtype', 'mail.mt_comment', { id: 1, name: 'Discussions', internal: false, default: true, sequence: 0, hidden: false, res_model: false, description: false });
  put('mail.message.subtype', 'mail.mt_note', { id: 2, name: 'Note', internal: true, default: false, sequence: 100, hidden: false, res_model: false, description: false });
  put('mail.message.subtype', 'mail.mt_activities', { id: 3, name: 'Activities', internal: true, default: true, sequence: 90, hidden: false, res_model: false, description: false });
  put('mail.message.subtype', 'purchase.mt_rfq_confirmed', { id: 7, name: 'RFQ Confirmed', internal: true, default: false, sequence: 100, hidden: false, res_model: 'purchase.order', description: false });
  put('mail.message.subtype', 'purchase.mt_rfq_approved', { id: 8, name: 'RFQ Approved', internal: true, default: false, sequence: 100, hidden: false, res_model: 'purchase.order', description: false });
  put('mail.message.subtype', 'purchase.mt_rfq_done', { id: 9, name: 'RFQ Done', internal: true, default: false, sequence: 100, hidden: false, res_model: 'purchase.order', description: false });
  put('mail.message.subtype', 'purchase.mt_rfq_sent', { id: 10, name: 'RFQ Sent', internal: true, default: false, sequence: 100, hidden: false, res_model: 'purchase.order', description: false });
  const activity = (id: number, xmlid: string, name: string, category: string, icon: string, sequence: number): number =>
    put('mail.activity.type', xmlid, { id, name, category, icon, sequence, res_model: false, active: true, delay_count: 0, delay_unit: 'days', summary: false });
  activity(1, 'mail.mail_activity_data_email', 'Email', 'default', 'fa-envelope', 3);
  activity(2, 'mail.mail_activity_data_call', 'Call', 'phonecall', 'fa-phone', 2);
  activity(3, 'mail.mail_activity_data_meeting', 'Meeting', 'default', 'fa-users', 1);
  activity(4, 'mail.mail_activity_data_todo', 'To-Do', 'default', 'fa-check', 5);
  activity(5, 'mail.mail_activity_data_upload_document', 'Upload Document', 'upload_file', 'fa-upload', 25);
  activity(6, 'mail.mail_activity_data_warning', 'Exception', 'default', 'fa-warning', 10);

  // Taxes: the default 15% purchase tax of the generic chart of accounts. Seen on Odoo 17
  // (the 17 recording bills 13,800.00 for 12,000.00 untaxed); the 18 recording has no tax.
  put('account.tax', undefined, { name: '15%', amount: 15, amount_type: 'percent', type_tax_use: 'purchase', price_include: false, active: true, company_id: 1, description: false });

  if (opts.demo) insertDemoData(store, { version: opts.version, now, gUser, gPortal, gPurUser, gStockUser });
}
