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

/** Where the scan stopped: Odoo's write_date cursor, and the newest email id that was there before the bot watched. */
export interface ChatterCursor {
  changes: ChangeCursor;
  floorId: number;
}

// Odoo's clock and ours differ a little: start the first scan this far back (the floor id keeps older emails out).
const CLOCK_MARGIN_MS = 5 * 60_000;

/**
 * The PO-chatter source: new `mail.message`s of type email on purchase orders since the cursor
 * (write_date, then id), each handed to the same intake as the mail webhook. The first run starts
 * after the newest email already there: the history was answered before the bot came. A cursor
 * is never kept past our own clock: a record dated in the future (imported mail, a skewed server)
 * must not make the scan skip everything written until then.
 */
export async function scanChatterEmails(deps: ScanChatterDeps): Promise<{ seen: number; accepted: number; started?: true }> {
  const cursor = await deps.cursors.get<ChatterCursor>(CHATTER_CURSOR);
  if (!cursor?.changes) {
    const [newest] = await deps.odoo.search('poMessage', { domain: EMAILS, order: 'id desc', limit: 1 });
    const since = new Date(Math.floor((deps.now().getTime() - CLOCK_MARGIN_MS) / 1000) * 1000).toISOString();
    await deps.cursors.set<ChatterCursor>(CHATTER_CURSOR, { changes: { since, idsAtSince: [] }, floorId: newest?.id ?? 0 });
    return { seen: 0, accepted: 0, started: true };
  }
  let seen = 0;
  let accepted = 0;
  const latest = deps.now().getTime() + CLOCK_MARGIN_MS;
  for await (const page of deps.odoo.scanChanges('poMessage', { since: cursor.changes, domain: EMAILS, pageSize: 100 })) {
    for (const m of page.records) {
      if (m.id <= cursor.floorId) continue;
      seen += 1;
      const outcome = await receiveSupplierEmail({ source: 'odoo-chatter', email: chatterEmailEvent(m), orderId: m.orderId }, deps);
      if (outcome === 'accepted') accepted += 1;
    }
    if (Date.parse(page.cursor.since) > latest) break;
    await deps.cursors.set<ChatterCursor>(CHATTER_CURSOR, { changes: page.cursor, floorId: cursor.floorId });
  }
  return { seen, accepted };
}
