import type { Redis } from 'ioredis';
import type { AuditEntry, AuditLog } from '../../src/ports/audit-log.ts';

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

  async record(entry: AuditEntry): Promise<void> {
    const minId = `${this.now().getTime() - this.retentionDays * 86_400_000}-0`;
    const json = JSON.stringify(entry);
    await this.redis
      .multi()
      .xadd(`${this.prefix}:audit:po:${entry.orderId}`, 'MINID', '~', minId, '*', 'e', json)
      .xadd(`${this.prefix}:audit:all`, 'MINID', '~', minId, '*', 'e', json)
      .expire(`${this.prefix}:audit:po:${entry.orderId}`, this.retentionDays * 86_400)
      .exec();
  }

  async forOrder(orderId: number, limit = 100): Promise<AuditEntry[]> {
    const rows = await this.redis.xrevrange(`${this.prefix}:audit:po:${orderId}`, '+', '-', 'COUNT', limit);
    return rows.map(([, fields]) => JSON.parse(fields[1] ?? '{}') as AuditEntry);
  }
}
