import type { Row } from '../store.ts';
import { AccessError } from '../odoo-errors.ts';
import type { OdooEnv } from './env.ts';
import type { RowPredicate } from './domain.ts';

/**
 * A small version of Odoo's access control lists (ir.model.access) and record rules.
 *
 * Per model: the groups (xmlids) that may read, and those that may write/create/delete.
 * `INTERNAL` = any internal user (base.group_user), `ANYONE` = portal users too. The superuser
 * (uid 1) and sudo() skip everything, as in Odoo. Only the multi-company rule on purchase
 * documents is implemented as a record rule.
 */
type Operation = 'read' | 'write' | 'create' | 'unlink';

const INTERNAL = 'base.group_user';
const ANYONE = '*';
const SYSTEM = 'base.group_system';
const PURCHASE = 'purchase.group_purchase_user';
const PURCHASE_MANAGER = 'purchase.group_purchase_manager';
const STOCK = 'stock.group_stock_user';
const INVOICE = 'account.group_account_invoice';

interface Acl {
  read: string[];
  write: string[];
  create?: string[];
  unlink?: string[];
}

const ACL: Record<string, Acl> = {
  'res.partner': { read: [ANYONE], write: [INTERNAL] },
  'res.users': { read: [ANYONE], write: ['base.group_erp_manager'] },
  'res.groups': { read: [ANYONE], write: ['base.group_erp_manager'] },
  'res.company': { read: [ANYONE], write: [SYSTEM] },
  'res.currency': { read: [ANYONE], write: [SYSTEM] },
  'account.tax': { read: [INTERNAL], write: ['account.group_account_manager'] },
  'uom.uom': { read: [ANYONE], write: [SYSTEM] },
  'uom.category': { read: [ANYONE], write: [SYSTEM] },
  'product.product': { read: [INTERNAL], write: [PURCHASE_MANAGER, 'stock.group_stock_manager'] },
  'product.category': { read: [INTERNAL], write: [PURCHASE_MANAGER, 'stock.group_stock_manager'] },
  'stock.warehouse': { read: [INTERNAL], write: ['stock.group_stock_manager'] },
  'stock.location': { read: [INTERNAL], write: ['stock.group_stock_manager'] },
  'stock.picking.type': { read: [INTERNAL], write: ['stock.group_stock_manager'] },
  'purchase.order': { read: [PURCHASE], write: [PURCHASE], unlink: [PURCHASE_MANAGER] },
  'purchase.order.line': { read: [PURCHASE, STOCK, INVOICE], write: [PURCHASE] },
  'stock.picking': { read: [STOCK, PURCHASE], write: [STOCK, PURCHASE] },
  'stock.move': { read: [STOCK, PURCHASE], write: [STOCK, PURCHASE] },
  'stock.backorder.confirmation': { read: [STOCK], write: [STOCK] },
  'account.move': { read: [INVOICE, PURCHASE], write: [INVOICE, PURCHASE] },
  'account.move.line': { read: [INVOICE, PURCHASE], write: [INVOICE, PURCHASE] },
  'mail.message': { read: [INTERNAL], write: [INTERNAL] },
  'mail.activity': { read: [INTERNAL], write: [INTERNAL] },
  'mail.activity.type': { read: [INTERNAL], write: [SYSTEM] },
  'mail.message.subtype': { read: [INTERNAL], write: [SYSTEM] },
  'ir.model': { read: [INTERNAL], write: [SYSTEM] },
  'ir.model.data': { read: [INTERNAL], write: [SYSTEM] },
  'ir.model.fields': { read: [INTERNAL], write: [SYSTEM] },
  'ir.module.category': { read: [INTERNAL], write: [SYSTEM] },
  'base.automation': { read: [SYSTEM], write: [SYSTEM] },
  'ir.actions.server': { read: [INTERNAL], write: [SYSTEM] },
};

const VERBS: Record<Operation, string> = { read: 'access', write: 'modify', create: 'create', unlink: 'delete' };

/** The user's groups, implied groups included (stored closed on res.users.groups_id). */
export function userGroupIds(env: OdooEnv, uid = env.uid): Set<number> {
  const user = env.store.get('res.users', uid);
  return new Set(impliedClosure(env, Array.isArray(user?.groups_id) ? user.groups_id : []));
}

export function hasGroup(env: OdooEnv, xmlid: string, uid = env.uid): boolean {
  if (uid === 1) return true;
  let gid: number;
  try {
    gid = env.store.ref(xmlid);
  } catch {
    return false;
  }
  return userGroupIds(env, uid).has(gid);
}

function groupLabel(env: OdooEnv, xmlid: string): string {
  try {
    const row = env.store.get('res.groups', env.store.ref(xmlid));
    const cat = typeof row?.category_id === 'number' ? env.store.get('ir.module.category', row.category_id) : undefined;
    return cat ? `${String(cat.name)}/${String(row?.name)}` : String(row?.name ?? xmlid);
  } catch {
    return xmlid;
  }
}

/** Raises Odoo's AccessError when the user's groups do not grant the operation on the model. */
export function checkAccess(env: OdooEnv, model: string, op: Operation): void {
  if (env.su || env.uid === 1) return;
  const acl = ACL[model];
  if (!acl) return;
  const allowed = op === 'read' ? acl.read : (op === 'create' ? acl.create : op === 'unlink' ? acl.unlink : undefined) ?? acl.write;
  if (allowed.includes(ANYONE)) return;
  const groups = userGroupIds(env);
  for (const xmlid of allowed) {
    try {
      if (groups.has(env.store.ref(xmlid))) return;
    } catch {
      // a group the database does not have grants nothing
    }
  }
  const desc = env.schema.get(model)?.description ?? model;
  const list = allowed.map((x) => `\t- ${groupLabel(env, x)}`).join('\n');
  throw new AccessError(
    `You are not allowed to ${VERBS[op]} '${desc}' (${model}) records.\n\n` +
      `This operation is allowed for the following groups:\n${list}\n\n` +
      'Contact your administrator to request access if necessary.',
  );
}

// Models whose records belong to a company and are hidden from users of other companies.
const COMPANY_RULE_MODELS = new Set(['purchase.order', 'purchase.order.line', 'stock.picking', 'account.move']);

/**
 * The record rule predicate of the user on the model, or undefined when nothing is filtered.
 * Like Odoo's multi-company rules: company_id False or in the user's allowed companies
 * (context allowed_company_ids, else all of res.users.company_ids, as env.companies does).
 */
export function recordRule(env: OdooEnv, model: string): RowPredicate | undefined {
  if (env.su || env.uid === 1 || !COMPANY_RULE_MODELS.has(model)) return undefined;
  const user = env.store.get('res.users', env.uid);
  const mine = Array.isArray(user?.company_ids) ? user.company_ids : typeof user?.company_id === 'number' ? [user.company_id] : [];
  const ctx = env.context.allowed_company_ids;
  const allowed = new Set(Array.isArray(ctx) ? ctx.filter((c): c is number => typeof c === 'number' && mine.includes(c)) : mine);
  const companyOf = (row: Row): unknown => {
    if (model === 'purchase.order.line' && row.company_id === undefined) {
      return typeof row.order_id === 'number' ? env.store.get('purchase.order', row.order_id)?.company_id : false;
    }
    return row.company_id;
  };
  return (row) => {
    const c = companyOf(row);
    return typeof c !== 'number' || allowed.has(c);
  };
}

export function ruleError(env: OdooEnv, model: string, op: Operation, ids: number[]): AccessError {
  const desc = env.schema.get(model)?.description ?? model;
  const user = env.store.get('res.users', env.uid);
  return new AccessError(
    `Due to security restrictions, you are not allowed to ${VERBS[op]} '${desc}' (${model}) records.\n\n` +
      `Records: ${ids.map((id) => `${desc} (id=${id})`).join(', ')}\nUser: ${String(user?.name ?? env.uid)} (id=${env.uid})\n\n` +
      'This restriction is due to the following rules:\n- Purchase Order multi-company\n\n' +
      'Note: this might be a multi-company issue. Switching company may help - in Odoo, not in real life!\n\n' +
      'Contact your administrator to request access if necessary.',
  );
}

/** Groups with the groups they imply, transitively (Odoo stores users' groups closed this way). */
export function impliedClosure(env: OdooEnv, groupIds: number[]): number[] {
  const out = new Set<number>();
  const stack = [...groupIds];
  while (stack.length) {
    const g = stack.pop();
    if (g === undefined || out.has(g)) continue;
    out.add(g);
    const implied = env.store.get('res.groups', g)?.implied_ids;
    if (Array.isArray(implied)) stack.push(...implied);
  }
  return [...out].sort((a, b) => a - b);
}
