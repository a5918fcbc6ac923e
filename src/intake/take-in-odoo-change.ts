import type { ChangeLog } from '../ports/change-log.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import type { OdooRecordChanged } from './odoo-webhook-event.ts';

/** What a use case does when a record it cares about changed in Odoo (approvals, alerts, ...). */
export type ChangeListener = (change: OdooRecordChanged) => Promise<void>;

export interface TakeInOdooChangeDeps {
  odoo: Pick<OdooGateway, 'searchIds'>;
  changes: ChangeLog;
  /** Listeners by model; the approval and alert use cases register theirs. */
  listeners: Record<string, ChangeListener[]>;
}

export type TakeInOutcome = 'dispatched' | 'stale' | 'gone';

/**
 * The scan worker's side of a webhook: Odoo's POST is not authenticated beyond the path token
 * and may describe a record that was deleted since, so the record is confirmed in Odoo first;
 * an older version arriving after a newer one is dropped. Listeners re-read what they need.
 */
export async function takeInOdooChange(change: OdooRecordChanged, deps: TakeInOdooChangeDeps): Promise<TakeInOutcome> {
  const exists = await deps.odoo.searchIds(change.model, [['id', '=', change.id]], { limit: 1 });
  if (exists.length === 0) return 'gone';
  if (!(await deps.changes.remember(change))) return 'stale';
  for (const listener of deps.listeners[change.model] ?? []) await listener(change);
  return 'dispatched';
}
