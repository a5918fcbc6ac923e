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
  for (const version of [17, 18] as const) {
    odooGatewayContract(
      `embedded Odoo ${version}`,
      async () => {
        const odoo = await startEmbeddedOdoo({ port: 0, version });
        return { url: odoo.url, db: odoo.db, adminLogin: 'admin', adminPassword: 'admin', stop: () => odoo.stop() };
      },
      factory,
    );
  }
}

function readRealOdoo(env: NodeJS.ProcessEnv): OdooTarget | undefined {
  const { ODOO_URL, ODOO_DB, ODOO_USERNAME, ODOO_PASSWORD } = env;
  if (!ODOO_URL || !ODOO_DB || !ODOO_USERNAME || !ODOO_PASSWORD) return undefined;
  return { url: ODOO_URL, db: ODOO_DB, adminLogin: ODOO_USERNAME, adminPassword: ODOO_PASSWORD, stop: async () => {} };
}
