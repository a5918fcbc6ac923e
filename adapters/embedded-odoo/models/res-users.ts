import type { Row } from '../store.ts';
import { UserError } from '../odoo-errors.ts';
import type { ModelBehaviour } from '../orm/behaviour.ts';
import { sudo, type OdooEnv } from '../orm/env.ts';
import { create } from '../orm/records.ts';
import { impliedClosure } from '../orm/access.ts';

/**
 * res.users: each user has its own res.partner (name and email live there in Odoo; both are
 * kept on the user row too for fast reads), groups_id is stored closed under implied_ids (the
 * recordings show a buyer created with 3 groups reading back 7), `share` is true for users
 * outside base.group_user (portal, public). Passwords are kept on the row, never read back.
 */

function refOr(env: OdooEnv, xmlid: string): number | undefined {
  try {
    return env.store.ref(xmlid);
  } catch {
    return undefined;
  }
}

function normalizeUser(env: OdooEnv, id: number): void {
  const user = env.store.get('res.users', id);
  if (!user) return;
  const groups = impliedClosure(env, Array.isArray(user.groups_id) ? user.groups_id : []);
  const internal = refOr(env, 'base.group_user');
  env.store.update('res.users', id, { groups_id: groups, share: internal === undefined || !groups.includes(internal) });
}

export const resUsersBehaviour: ModelBehaviour = {
  order: 'name, login',
  modelMethods: {
    // res.users.context_get (recorded on 19 over JSON-2: {lang, tz, uid}); tz false when unset
    context_get: (env) => {
      const user = env.store.get('res.users', env.uid);
      return { lang: typeof user?.lang === 'string' ? user.lang : 'en_US', tz: typeof user?.tz === 'string' ? user.tz : false, uid: env.uid };
    },
  },
  defaults(env, row) {
    if (typeof row.login !== 'string' || !row.login) throw new UserError('You cannot create a new user without a login.');
    if (env.store.rows('res.users').some((u: Row) => u.login === row.login)) {
      throw new UserError('You can not have two users with the same login!');
    }
    const creator = env.store.get('res.users', env.uid);
    row.name ??= row.login;
    row.email ??= row.login.includes('@') ? row.login : false;
    row.company_id ??= creator?.company_id ?? refOr(env, 'base.main_company') ?? false;
    if (!Array.isArray(row.company_ids) || row.company_ids.length === 0) row.company_ids = typeof row.company_id === 'number' ? [row.company_id] : [];
    if (!Array.isArray(row.groups_id) || row.groups_id.length === 0) {
      const internal = refOr(env, 'base.group_user');
      row.groups_id = internal === undefined ? [] : [internal];
    }
    row.active ??= true;
    row.tz ??= false;
    if (row.partner_id === undefined || row.partner_id === false) {
      const [partnerId] = create(sudo(env), 'res.partner', [
        { name: String(row.name), email: row.email ?? false, company_id: row.company_id ?? false, active: true },
      ]);
      row.partner_id = partnerId ?? false;
    }
  },
  afterCreate(env, id) {
    normalizeUser(env, id);
  },
  afterWrite(env, ids, fields) {
    for (const id of ids) {
      normalizeUser(env, id);
      const user = env.store.get('res.users', id);
      if (user && typeof user.partner_id === 'number' && (fields.includes('name') || fields.includes('email'))) {
        const patch: Partial<Row> = {};
        if (fields.includes('name')) patch.name = user.name;
        if (fields.includes('email')) patch.email = user.email;
        env.store.update('res.partner', user.partner_id, patch);
      }
    }
  },
  beforeUnlink(env, ids) {
    if (ids.includes(1) || ids.includes(2)) {
      throw new UserError('You can not remove the admin user as it is used internally for resources created by Odoo (updates, module installation, ...)');
    }
    void env;
  },
};

export { impliedClosure };
