import { ConfigError } from '../../src/config/parse-config.ts';
import { ensureWebhookRules } from '../odoo/ensure-webhook-rule.ts';
import { OdooAwaitGateway } from '../odoo/odoo-await-gateway.ts';
import { loadConfig } from './load-config.ts';

/**
 * `npm run odoo:setup`: creates the automation rules in the Odoo at ODOO_URL that send purchase
 * order, receipt and vendor bill changes to PUBLIC_URL/webhooks/odoo/ODOO_WEBHOOK_TOKEN. Safe to run again.
 */
try {
  const config = loadConfig();
  if (config.odoo.mode !== 'external' || !config.webhooks.odooToken) {
    console.error('odoo:setup needs ODOO_URL, ODOO_DB, ODOO_USERNAME, ODOO_PASSWORD and ODOO_WEBHOOK_TOKEN (demo mode sets up the embedded Odoo by itself)');
    process.exit(1);
  }
  const gateway = new OdooAwaitGateway({ url: config.odoo.url, db: config.odoo.db, username: config.odoo.username, password: config.odoo.password, apiKey: config.odoo.apiKey, protocol: config.odoo.protocol, timeoutMs: config.odoo.timeoutMs });
  const url = `${config.publicUrl}/webhooks/odoo/${config.webhooks.odooToken}`;
  for (const rule of await ensureWebhookRules(gateway, url)) {
    process.stdout.write(`${rule.created ? 'Created' : 'Updated'} automation rule #${rule.ruleId} "${rule.name}" in ${config.odoo.url}, posting to ${config.publicUrl}/webhooks/odoo/<token>\n`);
  }
  process.exit(0);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `odoo:setup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
