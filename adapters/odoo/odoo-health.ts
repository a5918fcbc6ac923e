import type { OdooGateway } from '../../src/ports/odoo-gateway.ts';
import { SUPPORTED_MAJORS } from './server-version.ts';

/** One dependency answer for /readyz: `detail` is always one line that says what is wrong. */
export interface OdooHealth {
  ok: boolean;
  detail: string;
  warnings?: string[];
}

export interface OdooHealthTarget {
  gateway: OdooGateway & { protocol?(): Promise<'xmlrpc' | 'json2'> };
  url: string;
  db: string;
  /** The bot's Odoo login. */
  username: string;
  embedded: boolean;
}

const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ').trim();

/**
 * Whether the bot can work with this Odoo, and if not exactly why, in one line: unreachable or
 * refused credentials (the gateway's own message), a version the bot was not built for, no
 * Purchase app, a bot user missing from Odoo or without purchase rights. A user who is a
 * purchase user but not Purchase / Administrator can still read and alert: a warning.
 */
export async function checkOdooHealth(t: OdooHealthTarget): Promise<OdooHealth> {
  const r = await t.gateway.checkReachable();
  if (!r.ok) return { ok: false, detail: oneLine(r.reason) };
  const major = Number.parseInt(r.version.replace(/^saas~/, ''), 10);
  if (!(SUPPORTED_MAJORS as readonly number[]).includes(major)) {
    return { ok: false, detail: `Odoo ${r.version} at ${t.url} is not supported: the bot works with Odoo ${SUPPORTED_MAJORS.map((v) => `${v}.0`).join(', ')}` };
  }
  const protocol = t.gateway.protocol ? await t.gateway.protocol() : 'xmlrpc';
  const detail = `Odoo ${r.version} at ${t.url} over ${protocol === 'json2' ? 'JSON-2' : 'XML-RPC'}${t.embedded ? ' (embedded)' : ''}`;
  try {
    const purchase = await t.gateway.searchIds('ir.model', [['model', '=', 'purchase.order']], { limit: 1 });
    if (purchase.length === 0) return { ok: false, detail: `The Purchase app is not installed in Odoo db ${t.db} at ${t.url}: install Purchase (Apps > Purchase)` };
    const [me] = await t.gateway.search('user', { domain: [['login', '=', t.username]], limit: 1 });
    if (!me) return { ok: false, detail: `Odoo db ${t.db} has no active user with login ${t.username}: check ODOO_USERNAME` };
    if (!me.isPurchaseUser) {
      return { ok: false, detail: `The bot's Odoo user ${t.username} has no Purchase rights: give it Purchase / Administrator (Settings > Users)` };
    }
    // Odoo silently ignores button_approve from a user who is not a purchase manager.
    if (!me.isPurchaseManager) {
      return { ok: true, detail, warnings: [`The bot's Odoo user ${t.username} is not in Purchase / Administrator: approvals decided in chat cannot be written to Odoo`] };
    }
  } catch (err) {
    return { ok: false, detail: oneLine(`${detail}: ${err instanceof Error ? err.message : String(err)}`) };
  }
  return { ok: true, detail };
}
