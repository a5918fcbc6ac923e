import type { OdooStore, Row } from '../store.ts';
import type { OdooMajor } from '../../xmlrpc/write-xmlrpc.ts';

/**
 * A sliver of Odoo's demo data: the vendors and products the recordings used, and a portal
 * user (login/password 'portal'), so a fresh embedded Odoo can run the fixture recorder and
 * the flows without a dataset. External ids are the demo data's own.
 */
export interface DemoContext {
  version: OdooMajor;
  now: string;
  gUser: number;
  gPortal: number;
  gPurUser: number;
  gStockUser: number;
}

export function insertDemoData(store: OdooStore, ctx: DemoContext): void {
  const magic = { create_date: ctx.now, write_date: ctx.now, create_uid: 1, write_uid: 1 };
  const put = (model: string, xmlid: string | undefined, values: Omit<Row, 'id'>): number => {
    const id = store.insert(model, { ...magic, ...values });
    if (xmlid) store.setXmlid(xmlid, model, id);
    return id;
  };
  const vendor = (xmlid: string, name: string, email: string, city: string): number =>
    put('res.partner', xmlid, {
      name, complete_name: name, email, city, is_company: true, supplier_rank: 1, customer_rank: 0, parent_id: false,
      company_id: false, active: true, type: 'contact',
    });
  vendor('base.res_partner_12', 'Azure Interior', 'azure.Interior24@example.com', 'Fremont');
  vendor('base.res_partner_1', 'Wood Corner', 'wood.corner26@example.com', 'Turlock');
  vendor('base.res_partner_4', 'Ready Mat', 'ready.mat28@example.com', 'Tracy');

  // Odoo 17's demo chart of accounts puts the 15% purchase tax on products; 18's recording has none.
  const tax = store.rows('account.tax').find((t) => t.type_tax_use === 'purchase')?.id;
  const taxes = ctx.version === 17 && tax !== undefined ? [tax] : [];
  const product = (xmlid: string, code: string, name: string, cost: number): number =>
    put('product.product', xmlid, {
      name, default_code: code, purchase_ok: true, sale_ok: true, standard_price: cost, list_price: cost * 1.5,
      type: 'consu', is_storable: true, uom_id: 1, uom_po_id: 1, categ_id: 1, supplier_taxes_id: taxes, active: true,
    });
  product('product.product_product_5', 'E-COM06', 'Corner Desk Right Sit', 600);
  product('product.product_product_8', 'E-COM09', 'Large Desk', 1299);
  product('product.product_product_10', 'E-COM11', 'Cabinet with Doors', 120.5);
  product('product.product_product_12', 'E-COM13', 'Office Chair Black', 12.5);

  const partner = put('res.partner', 'base.partner_demo_portal', {
    name: 'Joel Willis', complete_name: 'YourCompany, Joel Willis', email: 'joel.willis63@example.com', is_company: false,
    parent_id: 1, company_id: 1, active: true, supplier_rank: 0, customer_rank: 0, type: 'contact',
  });
  put('res.users', 'base.demo_user0', {
    login: 'portal', name: 'Joel Willis', email: 'joel.willis63@example.com', partner_id: partner, company_id: 1, company_ids: [1],
    groups_id: [ctx.gPortal], share: true, active: true, password: 'portal',
  });
}
