import { Redis } from 'ioredis';
import { ConfigError } from '../../src/config/parse-config.ts';
import { OdooAwaitGateway } from '../odoo/odoo-await-gateway.ts';
import { RedisAuditLog } from '../store/redis-audit-log.ts';
import { RedisDelegationStore } from '../store/redis-delegation-store.ts';
import { auditOrderOf, UnknownOrderError } from './audit-order-of.ts';
import { loadConfig } from './load-config.ts';

/**
 * `npm run audit -- <PO name or id> [--limit N]`: the audit trail of one purchase order, newest
 * first, as JSON lines (who, chat and Odoo identity, what, when, card version, channel, outcome).
 * A name (P00230) is looked up in Odoo (the demo's embedded one while `npm start` runs).
 * `npm run audit -- delegations [--limit N]`: who delegated their approvals to whom, and who
 * turned it off, newest first (chat delegations; the policy file's are in the file).
 */
const USAGE = 'usage: npm run audit -- <purchase order name or id, e.g. P00230 or 230> [--limit N]\n       npm run audit -- delegations [--limit N]';
const args = process.argv.slice(2);
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : 100;
const positional = limitAt >= 0 ? args.filter((_, i) => i !== limitAt && i !== limitAt + 1) : args;
const target = positional[0];
if (positional.length !== 1 || !target || !Number.isInteger(limit) || limit <= 0) {
  console.error(USAGE);
  process.exit(2);
}
try {
  const config = loadConfig();
  const redis = new Redis(config.redis.url, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  try {
    if (target === 'delegations') {
      const events = await new RedisDelegationStore(redis, config.redis.keyPrefix).events(limit);
      for (const e of events) process.stdout.write(`${JSON.stringify(e)}\n`);
      if (events.length === 0) console.error('no delegation was set or turned off from chat');
    } else {
      const odooUrl = config.odoo.mode === 'embedded' ? `http://127.0.0.1:${config.odoo.port}` : config.odoo.url;
      const odoo = config.odoo;
      let gateway: OdooAwaitGateway | undefined;
      const order = await auditOrderOf(target, () => (gateway = new OdooAwaitGateway({ url: odooUrl, db: odoo.db, username: odoo.username, password: odoo.password, timeoutMs: odoo.timeoutMs })), odooUrl).finally(() => gateway?.close());
      const entries = await new RedisAuditLog(redis, config.redis.keyPrefix, config.auditRetentionDays).forOrder(order.id, limit);
      for (const e of entries) process.stdout.write(`${JSON.stringify(e)}\n`);
      if (entries.length === 0) console.error(`no audit records for purchase order ${order.name ?? order.id} (id ${order.id}; kept ${config.auditRetentionDays} days)`);
    }
  } finally {
    redis.disconnect();
  }
} catch (err) {
  if (err instanceof UnknownOrderError) {
    console.error(err.message);
    process.exit(1);
  }
  console.error(err instanceof ConfigError ? err.message : `audit failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
