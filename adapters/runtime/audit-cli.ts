import { Redis } from 'ioredis';
import { ConfigError } from '../../src/config/parse-config.ts';
import { RedisAuditLog } from '../store/redis-audit-log.ts';
import { RedisDelegationStore } from '../store/redis-delegation-store.ts';
import { loadConfig } from './load-config.ts';

/**
 * `npm run audit -- <PO id> [--limit N]`: the audit trail of one purchase order, newest first, as
 * JSON lines (who, chat and Odoo identity, what, when, card version, channel, outcome).
 * `npm run audit -- delegations [--limit N]`: who delegated their approvals to whom, and who
 * turned it off, newest first (chat delegations; the policy file's are in the file).
 */
const args = process.argv.slice(2);
const delegations = args.includes('delegations');
const id = Number(args.find((a) => /^\d+$/.test(a)));
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : 100;
if ((!delegations && (!Number.isInteger(id) || id <= 0)) || !Number.isInteger(limit) || limit <= 0) {
  console.error('usage: npm run audit -- <purchase order id> [--limit N]\n       npm run audit -- delegations [--limit N]');
  process.exit(2);
}
try {
  const config = loadConfig();
  const redis = new Redis(config.redis.url, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  const entries = delegations
    ? await new RedisDelegationStore(redis, config.redis.keyPrefix).events(limit)
    : await new RedisAuditLog(redis, config.redis.keyPrefix, config.auditRetentionDays).forOrder(id, limit);
  for (const e of entries) process.stdout.write(`${JSON.stringify(e)}\n`);
  if (entries.length === 0) console.error(delegations ? 'no delegation was set or turned off from chat' : `no audit records for purchase order ${id} (kept ${config.auditRetentionDays} days)`);
  redis.disconnect();
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `audit failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
