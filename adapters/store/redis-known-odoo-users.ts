import type { Redis } from 'ioredis';
import type { OdooUser } from '../../src/domain/odoo-records.ts';
import type { KnownOdooUsers } from '../../src/ports/known-odoo-users.ts';

/**
 * KnownOdooUsers in Redis: one small JSON value per login or email. Kept a week, so an Odoo
 * outage of any plausible length still finds the approvers; freshness is the caller's call.
 */
export class RedisKnownOdooUsers implements KnownOdooUsers {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds = 7 * 24 * 3600,
  ) {}

  private key = (who: string) => `${this.prefix}:odoo-user:${who.toLowerCase()}`;

  async find(key: string): Promise<{ users: OdooUser[]; at: Date } | null> {
    const raw = await this.redis.get(this.key(key));
    if (!raw) return null;
    try {
      const parsed = JSON.parse(raw) as { users: OdooUser[]; at: string };
      return { users: parsed.users, at: new Date(parsed.at) };
    } catch {
      return null; // a value this code did not write: read Odoo as if unknown
    }
  }

  async remember(key: string, users: OdooUser[], at: Date): Promise<void> {
    await this.redis.set(this.key(key), JSON.stringify({ users, at: at.toISOString() }), 'EX', this.ttlSeconds);
  }
}
