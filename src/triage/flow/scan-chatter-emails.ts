import type { CursorStore } from '../../ports/cursor-store.ts';
import type { JobQueue } from '../../ports/job-queue.ts';
import type { ChangeCursor, OdooDomain, OdooGateway } from '../../ports/odoo-gateway.ts';
import type { OnceStore } from '../../ports/once-store.ts';
import { receiveSupplierEmail } from '../receive-supplier-email.ts';
import { chatterEmailEvent } from './chatter-email-event.ts';

export const CHATTER_CURSOR = 'triage-chatter-emails';
const EMAILS: OdooDomain = [['message_type', '=', 'email']];

export interface ScanChatterDeps {
  odoo: Pick<OdooGateway, 'scanChanges' | 'search'>;
  cursors: CursorStore;
  once: OnceStore;
  queue: JobQueue;
  dedupeTtlSeconds: number;
  now: () => Date;
}

/**
 * The PO-chatter source: new `mail.message`s of type email on purchase orders since the cursor
 * (write_date, then id), each handed to the same intake as the mail webhook. The first run starts
 * after the newest email already there: the history was answered before the bot came.
 */
export async function scanChatterEmails(deps: ScanChatterDeps): Promise<{ seen: number; accepted: number; started?: true }> {
  let cursor = await deps.cursors.get<ChangeCursor>(CHATTER_CURSOR);
  if (!cursor) {
    await deps.cursors.set(CHATTER_CURSOR, await startingCursor(deps));
    return { seen: 0, accepted: 0, started: true };
  }
  let seen = 0;
  let accepted = 0;
  for await (const page of deps.odoo.scanChanges('poMessage', { since: cursor, domain: EMAILS, pageSize: 100 })) {
    for (const m of page.records) {
      seen += 1;
      const outcome = await receiveSupplierEmail({ source: 'odoo-chatter', email: chatterEmailEvent(m), orderId: m.orderId }, deps);
      if (outcome === 'accepted') accepted += 1;
    }
    cursor = page.cursor;
    await deps.cursors.set(CHATTER_CURSOR, cursor);
  }
  return { seen, accepted };
}

async function startingCursor(deps: ScanChatterDeps): Promise<ChangeCursor> {
  const [newest] = await deps.odoo.search('poMessage', { domain: EMAILS, order: 'write_date desc, id desc', limit: 1 });
  if (!newest) return { since: toSecond(deps.now()), idsAtSince: [] };
  // Scanning from the newest second collects the ids already there, so none of them is taken in.
  let cursor: ChangeCursor = { since: toSecond(newest.writeDate), idsAtSince: [] };
  for await (const page of deps.odoo.scanChanges('poMessage', { since: cursor, domain: EMAILS, pageSize: 200 })) cursor = page.cursor;
  return cursor;
}

function toSecond(d: Date): string {
  return new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString();
}
