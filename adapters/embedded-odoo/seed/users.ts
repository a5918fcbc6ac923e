/**
 * The people of Northgate, one res.users per person with a res.partner behind it.
 *
 * Approval limits are not an Odoo concept (Odoo only knows the purchase manager group): they live
 * in the bot's policy file. APPROVAL_LIMITS is what the demo policy should say about these users.
 * Every password is the local part of the login (approver@... -> "approver"), documented here
 * because the embedded Odoo authenticates against it.
 */
import type { CompanyKey, Role, SeedContext, UserInfo, WarehouseInfo } from './seed-context.ts';
import { linkMany2many, pushId, rowOf, stamp } from './seed-context.ts';

export const STAFF_DOMAIN = 'northgate-supply.example';

interface UserSpec {
  name: string;
  local: string;
  role: Role;
  title: string;
  companies: CompanyKey[];
  approvalLimit?: number | null;
  currency?: 'USD' | 'EUR';
  warehouseKey?: WarehouseInfo['key'];
  demo?: boolean;
}

/** The staff. Buyers named in the supplier emails (Megan Holt, Priya Nair, ...) keep the logins those emails quote. */
export const STAFF: readonly UserSpec[] = [
  { name: 'Megan Holt', local: 'mholt', role: 'buyer', title: 'Buyer, Janitorial & Sanitation', companies: ['us'] },
  { name: 'Priya Nair', local: 'pnair', role: 'buyer', title: 'Buyer, Packaging & Foodservice', companies: ['us'] },
  { name: 'Tobias Brenner', local: 'tbrenner', role: 'buyer', title: 'Buyer, Industrial & Import', companies: ['us', 'eu'] },
  { name: 'Luis Ortega', local: 'lortega', role: 'buyer', title: 'Buyer, Safety & Packaging', companies: ['us', 'eu'] },
  { name: 'Claire Dubois', local: 'cdubois', role: 'buyer', title: 'Acheteuse, Europe', companies: ['eu'] },
  { name: 'Jordan Blake', local: 'buyer', role: 'buyer', title: 'Buyer (demo)', companies: ['us', 'eu'], demo: true },
  { name: 'Avery Quinn', local: 'approver', role: 'approver', title: 'Purchasing Supervisor (demo)', companies: ['us', 'eu'], approvalLimit: 25_000, currency: 'USD', demo: true },
  { name: 'Daniel Okafor', local: 'dokafor', role: 'approver', title: 'Procurement Manager', companies: ['us', 'eu'], approvalLimit: 100_000, currency: 'USD' },
  { name: 'Helen Vargas', local: 'hvargas', role: 'approver', title: 'Chief Financial Officer', companies: ['us', 'eu'], approvalLimit: null, currency: 'USD' },
  { name: 'Marco Rossi', local: 'mrossi', role: 'approver', title: 'Purchasing Manager Europe', companies: ['eu'], approvalLimit: 20_000, currency: 'EUR' },
  { name: 'Casey Morgan', local: 'warehouse', role: 'warehouse', title: 'Receiving Lead, Joliet DC (demo)', companies: ['us'], warehouseKey: 'north', demo: true },
  { name: 'Andre Mitchell', local: 'amitchell', role: 'warehouse', title: 'Receiving Lead, Atlanta DC', companies: ['us'], warehouseKey: 'south' },
  { name: 'Rosa Delgado', local: 'rdelgado', role: 'warehouse', title: 'Receiving Lead, Reno DC', companies: ['us'], warehouseKey: 'west' },
  { name: 'Pieter de Vries', local: 'pdevries', role: 'warehouse', title: 'Magazijnleider Rotterdam', companies: ['eu'], warehouseKey: 'eu' },
  { name: 'Riley Chen', local: 'finance', role: 'finance', title: 'Accounts Payable Specialist (demo)', companies: ['us', 'eu'], demo: true },
  { name: 'Grace Liu', local: 'gliu', role: 'finance', title: 'Controller', companies: ['us', 'eu'] },
];

/** Approval limits for the bot's policy file: login -> { limit (null = unlimited), currency }. */
export const APPROVAL_LIMITS: Readonly<Record<string, { limit: number | null; currency: 'USD' | 'EUR' }>> =
  Object.fromEntries(
    STAFF.filter((s) => s.role === 'approver').map((s) => [
      `${s.local}@${STAFF_DOMAIN}`,
      { limit: s.approvalLimit ?? null, currency: s.currency ?? 'USD' },
    ]),
  );

function groupsFor(ctx: SeedContext, spec: UserSpec): number[] {
  const r = (x: string) => ctx.store.ref(x);
  const groups = [r('base.group_user')];
  // Odoo stores implied groups in the user's groups too: a purchase manager is also a purchase user.
  if (spec.role === 'buyer') groups.push(r('purchase.group_purchase_user'), r('stock.group_stock_user'));
  if (spec.role === 'approver') groups.push(r('purchase.group_purchase_user'), r('purchase.group_purchase_manager'));
  if (spec.role === 'warehouse') {
    groups.push(r('stock.group_stock_user'));
    if (spec.demo) groups.push(r('stock.group_stock_manager'));
  }
  if (spec.role === 'finance') {
    groups.push(r('account.group_account_invoice'));
    if (spec.local === 'gliu') groups.push(r('account.group_account_manager'));
  }
  return groups;
}

/** Odoo stores a user's groups closed under implied_ids (a buyer created with 3 groups reads back 7). */
function impliedClosure(ctx: SeedContext, groupIds: number[]): number[] {
  const out = new Set<number>();
  const stack = [...groupIds];
  while (stack.length > 0) {
    const g = stack.pop();
    if (g === undefined || out.has(g)) continue;
    out.add(g);
    const implied = ctx.store.get('res.groups', g)?.implied_ids;
    if (Array.isArray(implied)) stack.push(...implied);
  }
  return [...out].sort((a, b) => a - b);
}

export function seedUsers(ctx: SeedContext): UserInfo[] {
  const { store } = ctx;
  const users: UserInfo[] = [];
  for (const spec of STAFF) {
    const email = `${spec.local}@${STAFF_DOMAIN}`;
    const company = ctx.companies[spec.companies[0] ?? 'us'];
    const stamped = stamp(ctx.adminUid, ctx.nowStr);
    const partnerId = store.insert('res.partner', {
      name: spec.name, complete_name: spec.name, email, email_normalized: email, function: spec.title,
      is_company: false, type: 'contact', parent_id: false, company_id: company.id, active: true,
      employee: true, child_ids: [], user_ids: [], supplier_rank: 0, customer_rank: 0, lang: 'en_US', ...stamped,
    });
    const groups = impliedClosure(ctx, groupsFor(ctx, spec));
    const uid = store.insert('res.users', {
      login: email,
      // Real Odoo keeps only a hash; the embedded Odoo compares this plain value (see file comment).
      password: spec.local,
      partner_id: partnerId,
      // name and email live on the partner in Odoo (_inherits); kept here too for direct readers.
      name: spec.name,
      email,
      active: true,
      share: false,
      company_id: company.id,
      company_ids: [],
      groups_id: [],
      notification_type: 'email',
      signature: `<p>${spec.name}<br>${spec.title}<br>Northgate Supply Group</p>`,
      ...stamped,
    });
    pushId(rowOf(store, 'res.partner', partnerId), 'user_ids', uid);
    for (const key of spec.companies) {
      linkMany2many(store, ['res.users', uid, 'company_ids'], ['res.company', ctx.companies[key].id, 'user_ids']);
    }
    for (const gid of groups) linkMany2many(store, ['res.users', uid, 'groups_id'], ['res.groups', gid, 'users']);
    users.push({
      id: uid, partnerId, name: spec.name, login: email, email, password: spec.local, role: spec.role,
      title: spec.title, companyKeys: [...spec.companies], demo: spec.demo ?? false,
      ...(spec.role === 'approver' ? { approvalLimit: spec.approvalLimit ?? null, currency: spec.currency ?? 'USD' } : {}),
      ...(spec.warehouseKey ? { warehouseKey: spec.warehouseKey } : {}),
    });
  }
  // The admin works for both companies, as the bot's technical user usually does.
  const admin = rowOf(store, 'res.users', ctx.adminUid);
  if (!Array.isArray(admin.company_ids)) admin.company_ids = [ctx.companies.us.id];
  linkMany2many(store, ['res.users', ctx.adminUid, 'company_ids'], ['res.company', ctx.companies.eu.id, 'user_ids']);
  return users;
}
