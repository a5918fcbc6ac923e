import type { OdooRecordKind } from '../domain/odoo-records.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import type { OdooRecordChanged } from './odoo-webhook-event.ts';

/** What a re-read tells about a record's version: when it was last written, and its state. */
export interface CommittedVersion {
  /** Odoo's write_date, to the second (`YYYY-MM-DD HH:MM:SS`, UTC) as `read` gives it. */
  writeDate: string;
  state: string | null;
}

/** The models webhooks come from, by the kind the gateway reads them as. */
const KIND_OF_MODEL: Readonly<Record<string, OdooRecordKind>> = {
  'purchase.order': 'purchaseOrder',
  'stock.picking': 'receipt',
  'account.move': 'vendorBill',
  'mail.message': 'poMessage',
};

const toSecond = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');

/**
 * Reads the committed version of the record a webhook names: null when Odoo has no such record
 * (deleted, or created by a transaction that has not committed). For a model the gateway has no
 * typed read for, or a record outside its kind's scope, only its existence is known ('exists').
 */
export async function readCommittedVersion(odoo: Pick<OdooGateway, 'read' | 'searchIds'>, model: string, id: number): Promise<CommittedVersion | 'exists' | null> {
  const exists = async () => ((await odoo.searchIds(model, [['id', '=', id]], { limit: 1 })).length ? 'exists' : null);
  const kind = KIND_OF_MODEL[model];
  if (!kind) return exists();
  const [record] = (await odoo.read(kind, [id])) as Array<{ writeDate: Date; state?: string | null }>;
  // Outside the kind's scope (an outgoing picking, a customer invoice): no listener acts on it.
  if (!record) return exists();
  return { writeDate: toSecond(record.writeDate), state: typeof record.state === 'string' ? record.state : null };
}

/**
 * Whether Odoo's committed record is at least as new as the webhook's payload. Odoo 17/18 POST
 * before committing, so a read may still show the old record. The payload's write_date has
 * microseconds and `read` gives seconds: at least as new is a later second, or the same second
 * with the payload's state (ODOO.md, "Sent before the commit"). A payload without write_date
 * (a rule that does not send it) can only be checked on its state.
 */
export function isAtLeastAsNew(committed: CommittedVersion | 'exists', change: Pick<OdooRecordChanged, 'fields'>): boolean {
  if (committed === 'exists') return true;
  const sent = change.fields.write_date;
  const sentState = typeof change.fields.state === 'string' ? change.fields.state : null;
  const stateMatches = sentState === null || committed.state === null || committed.state === sentState;
  if (typeof sent !== 'string') return stateMatches;
  const second = sent.slice(0, 19);
  return committed.writeDate > second || (committed.writeDate === second && stateMatches);
}
