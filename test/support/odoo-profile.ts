import type { EmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import type { OdooGatewayConfig } from '../../adapters/odoo/odoo-await-gateway.ts';

/**
 * Which embedded Odoo the end-to-end harnesses start and how the bot talks to it:
 * TEST_ODOO_VERSION (17, 18 or 19; 18 by default, what the suites were written against) and
 * TEST_ODOO_PROTOCOL (xmlrpc or json2; json2 by default on 19). E.g.
 * `TEST_ODOO_VERSION=19 npx vitest run test/approvals` runs the approval flows over JSON-2.
 */
export interface OdooProfile {
  version: 17 | 18 | 19;
  protocol: 'xmlrpc' | 'json2';
}

/** Every profile the bot supports: 17 and 18 over XML-RPC, 19 over both. */
export const ODOO_PROFILES: readonly OdooProfile[] = [
  { version: 17, protocol: 'xmlrpc' },
  { version: 18, protocol: 'xmlrpc' },
  { version: 19, protocol: 'xmlrpc' },
  { version: 19, protocol: 'json2' },
];

export function odooProfile(env: NodeJS.ProcessEnv = process.env): OdooProfile {
  const raw = env.TEST_ODOO_VERSION || '18';
  if (raw !== '17' && raw !== '18' && raw !== '19') throw new Error(`TEST_ODOO_VERSION must be 17, 18 or 19, got ${raw}`);
  const version = Number(raw) as OdooProfile['version'];
  const protocol = env.TEST_ODOO_PROTOCOL || (version >= 19 ? 'json2' : 'xmlrpc');
  if (protocol !== 'xmlrpc' && protocol !== 'json2') throw new Error(`TEST_ODOO_PROTOCOL must be xmlrpc or json2, got ${protocol}`);
  if (protocol === 'json2' && version < 19) throw new Error('TEST_ODOO_PROTOCOL=json2 needs TEST_ODOO_VERSION=19');
  return { version, protocol };
}

/** The bot's ODOO_PROTOCOL / ODOO_API_KEY for the embedded Odoo of a profile. */
export function botOdooEnv(odoo: Pick<EmbeddedOdoo, 'adminApiKey'>, profile: OdooProfile): Record<string, string> {
  return profile.protocol === 'json2' ? { ODOO_PROTOCOL: 'json2', ODOO_API_KEY: odoo.adminApiKey ?? '' } : { ODOO_PROTOCOL: 'xmlrpc' };
}

/** The gateway settings of the test's own admin connection, on the profile's wire. */
export function adminWire(odoo: Pick<EmbeddedOdoo, 'adminApiKey'>, profile: OdooProfile): Pick<OdooGatewayConfig, 'protocol' | 'apiKey'> {
  return profile.protocol === 'json2' ? { protocol: 'json2', apiKey: odoo.adminApiKey } : { protocol: 'xmlrpc' };
}

export const profileName = (p: OdooProfile): string => `Odoo ${p.version} over ${p.protocol === 'json2' ? 'JSON-2' : 'XML-RPC'}`;
