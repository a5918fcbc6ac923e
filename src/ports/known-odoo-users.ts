import type { OdooUser } from '../domain/odoo-records.ts';

/**
 * The Odoo users the bot has read, by login and by email (lower case), with when it read them:
 * who clicked is known without asking Odoo again, so a decision can be recorded while Odoo is
 * down. Shared by every process (Redis); the write-back, which needs Odoo anyway, writes with
 * what Odoo says at that moment.
 */
export interface KnownOdooUsers {
  /** The users last found under this login or email, or null when never looked up. */
  find(key: string): Promise<{ users: OdooUser[]; at: Date } | null>;
  /** Remembers what Odoo answered for this login or email (also an empty answer). */
  remember(key: string, users: OdooUser[], at: Date): Promise<void>;
}
