/**
 * Vendor price lists (product.supplierinfo): each product gets the vendors of its category, one
 * per company, as `seller_ids` (first = the preferred vendor, as Odoo orders them by sequence).
 * One generated product in eleven has none, as catalogues do (a product bought once, by hand):
 * a purchase request for it is refused ("no vendor") instead of guessing one.
 */
import type { SeedContext } from './seed-context.ts';
import { NAMED_PRODUCTS } from './products.ts';
import { rowOf, stamp } from './seed-context.ts';

export function seedSupplierInfo(ctx: SeedContext): number {
  const { store } = ctx;
  let count = 0;
  ctx.products.forEach((product, i) => {
    // The named products (first, see seedProducts) are the ones supplier emails quote: always sourced.
    if (i >= NAMED_PRODUCTS.length && i % 11 === 10) return;
    const vendors = ctx.vendors.filter((v) => v.categories.includes(product.category));
    const picks = (['us', 'eu'] as const)
      .map((company) => vendors.filter((v) => v.company === company))
      .filter((list) => list.length > 0)
      .map((list) => list[product.id % list.length]!);
    const ids: number[] = [];
    picks.forEach((vendor, seq) => {
      const company = ctx.companies[vendor.company];
      ids.push(store.insert('product.supplierinfo', {
        partner_id: vendor.id,
        product_id: product.id,
        product_name: false,
        product_code: false,
        sequence: seq + 1,
        min_qty: 0,
        price: product.standardPrice,
        currency_id: company.currencyId,
        delay: vendor.leadDays,
        company_id: company.id,
        ...stamp(ctx.adminUid, ctx.nowStr),
      }));
    });
    rowOf(store, 'product.product', product.id).seller_ids = ids;
    rowOf(store, 'product.template', product.tmplId).seller_ids = ids;
    count += ids.length;
  });
  return count;
}
