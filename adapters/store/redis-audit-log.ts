import type { Redis } from 'ioredis';
import type { AuditEntry, AuditLog } from '../../src/ports/audit-log.ts';

/** Both streams and the once-key in one step, so a crash never leaves the key without its entry. */
const RECORD = `
if ARGV[4] ~= '' and not redis.call('SET', KEYS[3], '1', 'NX', 'EX', ARGV[4]) then return 0 end
redis.call('XADD', KEYS[1], 'MINID', '~', ARGV[1], '*', 'e', ARGV[2])
redis.call('XADD', KEYS[2], 'MINID', '~', ARGV[1], '*', 'e', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1`;

/**
 * The audit trail in Redis streams: one per PO (queried by PO) and one for everything (export,
 * ops). Entries older than the retention are trimmed by MINID on every write.
 */
export class RedisAuditLog implements AuditLog {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly retentionDays: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(entry: AuditEntry, options: { onceKey?: string } = {}): Promise<boolean> {
    const minId = `${this.now().getTime() - this.retentionDays * 86_400_000}-0`;
    const ttl = String(this.retentionDays * 86_400);
    const once = options.onceKey ? `${this.prefix}:audit:once:${options.onceKey}` : `${this.prefix}:audit:once:-`;
    const added = await this.redis.eval(RECORD, 3, `${this.prefix}:audit:po:${entry.orderId}`, `${this.prefix}:audit:all`, once, minId, JSON.stringify(entry), ttl, options.onceKey ? ttl : '');
    return added === 1;
  }

  async forOrder(orderId: number, limit = 100): Promise<AuditEntry[]> {
    const rows = await this.redis.xrevrange(`${this.prefix}:audit:po:${orderId}`, '+', '-', 'COUNT', limit);
    return rows.map(([, fields]) => JSON.parse(fields[1] ?? '{}') as AuditEntry);
  }
}
