/** Bills keyed in without a purchase order (services, one-off buys): no invoice_origin, no purchase_line_id. */
import { createBill, nextVendorRef } from './bills.ts';
import { addDays } from './dates.ts';
import type { SeedContext } from './seed-context.ts';

export function seedBillsWithoutPo(ctx: SeedContext, count: number): number[] {
  const rng = ctx.rng.fork('bills-without-po');
  const finance = ctx.users.find((u) => u.role === 'finance' && u.demo) ?? ctx.users[0];
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const vendor = rng.pick(ctx.vendors);
    const pool = vendor.categories.flatMap((c) => ctx.productsByCategory.get(c) ?? []);
    const lines = Array.from({ length: rng.int(1, 3) }, () => {
      const product = rng.pick(pool);
      return { product, quantity: rng.int(1, 40), priceUnit: product.standardPrice };
    });
    ids.push(
      createBill(ctx, {
        company: ctx.companies[vendor.company], vendor, order: null, state: i % 3 === 2 ? 'draft' : 'posted',
        invoiceDate: addDays(ctx.now, -rng.int(1, 40)), ref: nextVendorRef(vendor), paymentState: 'not_paid', lines,
        createdBy: finance?.id ?? ctx.adminUid,
      }),
    );
  }
  return ids;
}
