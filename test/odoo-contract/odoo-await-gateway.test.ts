import { OdooAwaitGateway } from '../../adapters/odoo/odoo-await-gateway.ts';
import { startEmbeddedOdoo } from '../../adapters/embedded-odoo/start-embedded-odoo.ts';
import { type GatewayConfig, type OdooTarget, odooGatewayContract } from './odoo-gateway-contract.ts';

/**
 * The contract suite on the odoo-await gateway: against a real Odoo when ODOO_URL, ODOO_DB,
 * ODOO_USERNAME and ODOO_PASSWORD are set, else against the embedded Odoo 17 and 18, each started
 * on port 0 with its base database for this file.
 */
const factory = (config: GatewayConfig) => new OdooAwaitGateway(config);

const real = readRealOdoo(process.env);

if (real) {
  odooGatewayContract(`real Odoo at ${real.url} (db ${real.db})`, async () => real, factory);
} else {
  const profiles = [
    { version: 17, protocol: 'xmlrpc' },
    { version: 18, protocol: 'xmlrpc' },
    { version: 19, protocol: 'xmlrpc' },
    { version: 19, protocol: 'json2' },
  ] as const;
  for (const { version, protocol } of profiles) {
    odooGatewayContract(
      `embedded Odoo ${version} over ${protocol}`,
      async () => {
        const odoo = await startEmbeddedOdoo({ port: 0, version });
        // JSON-2 keys are made per user (Preferences > Account Security > New API Key)
        const apiKeyFor = async (login: string) => odoo.issueApiKey(login);
        return { url: odoo.url, db: odoo.db, adminLogin: 'admin', adminPassword: 'admin', protocol, apiKeyFor, stop: () => odoo.stop() };
      },
      factory,
    );
  }
}

/**
 * A real Odoo from ODOO_URL, ODOO_DB, ODOO_USERNAME and ODOO_PASSWORD; with ODOO_PROTOCOL=json2
 * (Odoo 19+) the admin speaks JSON-2 with ODOO_API_KEY and the buyer the suite creates uses
 * its password over XML-RPC (the external API cannot make a key for another user).
 */
function readRealOdoo(env: NodeJS.ProcessEnv): OdooTarget | undefined {
  const { ODOO_URL, ODOO_DB, ODOO_USERNAME, ODOO_PASSWORD, ODOO_API_KEY, ODOO_PROTOCOL } = env;
  if (!ODOO_URL || !ODOO_DB || !ODOO_USERNAME || !ODOO_PASSWORD) return undefined;
  const json2 = ODOO_PROTOCOL === 'json2' && ODOO_API_KEY;
  return {
    url: ODOO_URL,
    db: ODOO_DB,
    adminLogin: ODOO_USERNAME,
    adminPassword: ODOO_PASSWORD,
    protocol: json2 ? 'json2' : 'xmlrpc',
    apiKeyFor: async (login) => (login === ODOO_USERNAME && ODOO_API_KEY ? ODOO_API_KEY : ''),
    stop: async () => {},
  };
}
