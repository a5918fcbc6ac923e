import type { OdooUser } from '../domain/odoo-records.ts';
import { isRetryable } from '../errors/coded-error.ts';
import type { KnownOdooUsers } from '../ports/known-odoo-users.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';

/** How long a remembered answer is used without asking Odoo (a person's groups rarely change). */
export const KNOWN_USER_FRESH_MS = 10 * 60_000;

export interface FindOdooUsersDeps {
  odoo: Pick<OdooGateway, 'search'>;
  /** Without it every lookup asks Odoo (the behaviour before the cache). */
  known?: KnownOdooUsers;
  now: () => Date;
}

/**
 * The Odoo users with this login (`by: 'login'`) or this login or email (`by: 'login-or-email'`),
 * case-insensitive. A fresh remembered answer is used as is; else Odoo is asked and its answer
 * remembered; when Odoo cannot be reached, the last answer remembered, however old, stands in:
 * the decision it lets through is written (and can fail) only when Odoo is back.
 */
export async function findOdooUsers(key: string, by: 'login' | 'login-or-email', deps: FindOdooUsersDeps): Promise<OdooUser[]> {
  const cacheKey = `${by}:${key.toLowerCase()}`;
  const known = deps.known ? await deps.known.find(cacheKey) : null;
  if (known && deps.now().getTime() - known.at.getTime() < KNOWN_USER_FRESH_MS) return known.users;
  let users: OdooUser[];
  try {
    users = await deps.odoo.search('user', {
      domain: by === 'login' ? [['login', '=ilike', key]] : ['|', ['login', '=ilike', key], ['email', '=ilike', key]],
      limit: 2,
    });
  } catch (err) {
    if (known && isRetryable(err)) return known.users;
    throw err;
  }
  await deps.known?.remember(cacheKey, users, deps.now());
  return users;
}

/**
 * Reads the policy's approvers from Odoo in one call and remembers each under its login and its
 * email, so their clicks are recorded without Odoo. Best effort: a failure leaves the cache as it
 * was (the click then asks Odoo itself).
 */
export async function rememberApprovers(logins: readonly string[], deps: FindOdooUsersDeps): Promise<number> {
  if (!deps.known || logins.length === 0) return 0;
  let users: OdooUser[];
  try {
    users = await deps.odoo.search('user', { domain: [['login', 'in', [...logins]]], limit: logins.length * 2 });
  } catch {
    return 0;
  }
  const at = deps.now();
  for (const login of logins) {
    const mine = users.filter((u) => u.login.toLowerCase() === login.toLowerCase());
    await deps.known.remember(`login:${login.toLowerCase()}`, mine, at);
    // A click is looked up by the person's email (or login): both keys lead to them.
    for (const key of new Set(mine.flatMap((u) => [u.login, u.email ?? u.login]).map((k) => k.toLowerCase()))) {
      await deps.known.remember(`login-or-email:${key}`, mine, at);
    }
  }
  return users.length;
}
