import type { Redis } from 'ioredis';
import type { OdooRecordChanged } from '../../src/intake/odoo-webhook-event.ts';
import type { ChangeLog } from '../../src/ports/change-log.ts';

/**
 * Keeps the newest version per record in one hash. Versions are Odoo write_dates
 * (`YYYY-MM-DD HH:MM:SS.ffffff`), which sort as strings (digests, sent when a rule omits
 * write_date, only compare for equality); the compare-and-set runs in Lua so two
 * workers taking in two versions at once keep the newer one.
 */
const REMEMBER = `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current then
  local v = cjson.decode(current)['version']
  if v == ARGV[2] then return 0 end
  local dated = string.sub(v, 1, 5) ~= 'sha1-' and string.sub(ARGV[2], 1, 5) ~= 'sha1-'
  if dated and v > ARGV[2] then return 0 end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1`;

export class RedisChangeLog implements ChangeLog {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private get key() {
    return `${this.prefix}:odoo:last-change`;
  }

  async remember(change: OdooRecordChanged): Promise<boolean> {
    const field = `${change.model}#${change.id}`;
    const value = JSON.stringify({ version: change.version, receivedAt: change.receivedAt });
    return (await this.redis.eval(REMEMBER, 1, this.key, field, change.version, value)) === 1;
  }

  async last(model: string, id: number): Promise<{ version: string; receivedAt: string } | null> {
    const raw = await this.redis.hget(this.key, `${model}#${id}`);
    return raw ? (JSON.parse(raw) as { version: string; receivedAt: string }) : null;
  }
}
