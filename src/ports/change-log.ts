import type { OdooRecordChanged } from '../intake/odoo-webhook-event.ts';

/** The last version of each Odoo record the bot has taken in, shared by every process. */
export interface ChangeLog {
  /** Records the change; false when the same or a newer version was already taken in. */
  remember(change: OdooRecordChanged): Promise<boolean>;
  last(model: string, id: number): Promise<{ version: string; receivedAt: string } | null>;
}
