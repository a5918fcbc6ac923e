/**
 * A stand-in for the embedded Odoo's base database (a fresh Odoo: admin, main company, currencies,
 * groups, UoM, warehouse0, subtypes), with only the records and xmlids the seed looks up. Used
 * when the embedded Odoo does not export its own base builder (see base-database.ts here).
 */
import { OdooStore } from '../../adapters/embedded-odoo/store.ts';

export function createMinimalBase(store = new OdooStore()): OdooStore {
  const t = '2026-01-01 00:00:00';
  const usd = store.insert('res.currency', { name: 'USD', symbol: '$', rounding: 0.01, active: true });
  const eur = store.insert('res.currency', { name: 'EUR', symbol: '€', rounding: 0.01, active: true });
  const companyPartner = store.insert('res.partner', { name: 'YourCompany', complete_name: 'YourCompany', is_company: true, email: false, active: true, child_ids: [], user_ids: [] });
  const company = store.insert('res.company', {
    name: 'YourCompany', partner_id: companyPartner, currency_id: usd, po_double_validation: 'one_step',
    po_double_validation_amount: 5000, po_lock: 'edit', parent_id: false, child_ids: [], user_ids: [], create_date: t, write_date: t,
  });
  store.update('res.partner', companyPartner, { company_id: company });
  const adminPartner = store.insert('res.partner', { name: 'Mitchell Admin', complete_name: 'YourCompany, Mitchell Admin', parent_id: companyPartner, email: 'admin@yourcompany.example.com', is_company: false, active: true, company_id: company, child_ids: [], user_ids: [] });
  const group = (name: string, implied: number[] = []) => store.insert('res.groups', { name, implied_ids: implied, users: [] });
  const gUser = group('Internal User');
  const gSystem = group('Settings', [gUser]);
  const gPurchaseUser = group('User: Own Documents Only', [gUser]);
  const gPurchaseManager = group('Administrator', [gPurchaseUser]);
  const gStockUser = group('User', [gUser]);
  const gStockManager = group('Administrator', [gStockUser]);
  const gInvoice = group('Billing', [gUser]);
  const gAccountManager = group('Billing Administrator', [gInvoice]);
  const allGroups = [gUser, gSystem, gPurchaseUser, gPurchaseManager, gStockUser, gStockManager, gInvoice, gAccountManager];
  const admin = store.insert('res.users', {
    id: 2, login: 'admin', password: 'admin', name: 'Mitchell Admin', email: 'admin@yourcompany.example.com', partner_id: adminPartner,
    company_id: company, company_ids: [company], groups_id: allGroups, active: true, share: false,
  });
  store.update('res.partner', adminPartner, { user_ids: [admin] });
  store.update('res.company', company, { user_ids: [admin] });
  for (const g of allGroups) store.update('res.groups', g, { users: [admin] });
  const uomCateg = store.insert('uom.category', { name: 'Unit' });
  const unit = store.insert('uom.uom', { name: 'Units', category_id: uomCateg, factor: 1, rounding: 0.01, active: true, uom_type: 'reference' });
  const categAll = store.insert('product.category', { name: 'All', complete_name: 'All', parent_id: false, child_id: [] });
  const physical = store.insert('stock.location', { name: 'Physical Locations', complete_name: 'Physical Locations', usage: 'view', location_id: false, active: true, company_id: false });
  const partners = store.insert('stock.location', { name: 'Partners', complete_name: 'Partners', usage: 'view', location_id: false, active: true, company_id: false });
  const suppliers = store.insert('stock.location', { name: 'Vendors', complete_name: 'Partners/Vendors', usage: 'supplier', location_id: partners, active: true, company_id: false });
  const view = store.insert('stock.location', { name: 'WH', complete_name: 'WH', usage: 'view', location_id: physical, active: true, company_id: company });
  const stock = store.insert('stock.location', { name: 'Stock', complete_name: 'WH/Stock', usage: 'internal', location_id: view, active: true, company_id: company });
  const wh = store.insert('stock.warehouse', { name: 'YourCompany', code: 'WH', company_id: company, view_location_id: view, lot_stock_id: stock, in_type_id: false, partner_id: companyPartner, active: true, reception_steps: 'one_step', delivery_steps: 'ship_only', sequence: 0 });
  const typeIn = store.insert('stock.picking.type', { name: 'Receipts', code: 'incoming', sequence_code: 'IN', warehouse_id: wh, company_id: company, default_location_src_id: suppliers, default_location_dest_id: stock, active: true });
  store.update('stock.warehouse', wh, { in_type_id: typeIn });
  const subtype = (name: string, model: string | false, internal: boolean) => store.insert('mail.message.subtype', { name, res_model: model, internal, default: true, hidden: false });
  const mtComment = subtype('Discussions', false, false);
  const mtNote = subtype('Note', false, true);
  const rfqConfirmed = subtype('RFQ Confirmed', 'purchase.order', false);
  const rfqApproved = subtype('RFQ Approved', 'purchase.order', false);
  const todo = store.insert('mail.activity.type', { name: 'To-Do', category: 'default', res_model: false, active: true, sequence: 4 });
  const modelPo = store.insert('ir.model', { name: 'Purchase Order', model: 'purchase.order', state: 'base', transient: false });
  const refs: Array<[string, string, number]> = [
    ['base.main_company', 'res.company', company], ['base.user_admin', 'res.users', admin], ['base.partner_admin', 'res.partner', adminPartner],
    ['base.main_partner', 'res.partner', companyPartner], ['base.group_user', 'res.groups', gUser], ['base.group_system', 'res.groups', gSystem],
    ['purchase.group_purchase_user', 'res.groups', gPurchaseUser], ['purchase.group_purchase_manager', 'res.groups', gPurchaseManager],
    ['stock.group_stock_user', 'res.groups', gStockUser], ['stock.group_stock_manager', 'res.groups', gStockManager],
    ['account.group_account_invoice', 'res.groups', gInvoice], ['account.group_account_manager', 'res.groups', gAccountManager],
    ['uom.product_uom_unit', 'uom.uom', unit], ['base.USD', 'res.currency', usd], ['base.EUR', 'res.currency', eur],
    ['stock.warehouse0', 'stock.warehouse', wh], ['stock.picking_type_in', 'stock.picking.type', typeIn],
    ['stock.stock_location_stock', 'stock.location', stock], ['stock.stock_location_suppliers', 'stock.location', suppliers],
    ['stock.stock_location_locations', 'stock.location', physical], ['product.product_category_all', 'product.category', categAll],
    ['mail.mt_note', 'mail.message.subtype', mtNote], ['mail.mt_comment', 'mail.message.subtype', mtComment],
    ['mail.mail_activity_data_todo', 'mail.activity.type', todo], ['purchase.mt_rfq_confirmed', 'mail.message.subtype', rfqConfirmed],
    ['purchase.mt_rfq_approved', 'mail.message.subtype', rfqApproved], ['purchase.model_purchase_order', 'ir.model', modelPo],
  ];
  for (const [xmlid, model, id] of refs) store.setXmlid(xmlid, model, id);
  return store;
}
