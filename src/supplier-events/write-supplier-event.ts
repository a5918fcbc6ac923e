/**
 * Writes a supplier event the policy lets through to Odoo, exactly once however often the job
 * runs: the chatter note, posted last, carries the event id, and when it is there everything
 * before it was done. Before it, each step is safe to repeat (dates are set, not shifted; the
 * confirmation flag is set, not toggled). Odoo is re-read first: the write is judged on its state.
 */
import { BusinessRefusal } from '../errors/coded-error.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import { plannedDates } from './decide-supplier-event.ts';
import { matchSupplierEvent } from './match-supplier-event.ts';
import type { SupplierEventJob } from './receive-supplier-event.ts';
import { lineWords, summaryOf, supplierEventMarker } from './supplier-event-words.ts';

/** The day at the line's own time of day (UTC), so only the date moves. */
function atDay(day: string, current: Date | null): Date {
  const time = current ? current.toISOString().slice(11, 19) : '12:00:00';
  return new Date(`${day}T${time}Z`);
}

export async function writeSupplierEvent(
  job: SupplierEventJob,
  deps: { odoo: OdooGateway; /** Told when the vendor's acknowledgement was written (the control tower's confirmation latency). */ onVendorConfirmed?: (orderId: number, at: string) => Promise<void> },
): Promise<'written' | 'already_written'> {
  const e = job.event;
  const match = await matchSupplierEvent(e, deps.odoo, job.receivedDay);
  if (!match.ok) throw new BusinessRefusal(match.refusal.code, `${match.refusal.message}; the supplier event ${e.event_id} was not written`);
  const m = match.matched;
  const marker = supplierEventMarker(e.event_id);
  const noted = await deps.odoo.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', m.order.id], ['body', 'ilike', marker]], { limit: 1 });
  if (noted.length > 0) return 'already_written';

  const done: string[] = [];
  if (e.type === 'order.acknowledged' && m.order.receptionConfirmed === false) {
    await deps.odoo.write('purchase.order', [m.order.id], { mail_reception_confirmed: true });
    done.push('marked as confirmed by the vendor');
    await deps.onVendorConfirmed?.(m.order.id, e.occurred_at ?? `${job.receivedDay}T12:00:00Z`);
  }
  const dates = plannedDates(m);
  const moved: string[] = [];
  for (const { line } of m.lines) {
    const day = dates.get(line.id);
    if (!day) continue;
    if (!line.datePlanned || line.datePlanned.toISOString().slice(0, 10) !== day) {
      await deps.odoo.write('purchase.order.line', [line.id], { date_planned: atDay(day, line.datePlanned) });
    }
    moved.push(day);
  }
  if (moved.length) done.push(`planned date of ${moved.length} line${moved.length === 1 ? '' : 's'} set to ${[...new Set(moved)].join(', ')}`);
  const note = [
    `Supplier update from ${e.source} (${e.type}), written by the bot as the policy allows: ${summaryOf(m)}`,
    ...lineWords(m).map((l) => `- ${l}`),
    done.length ? `Done: ${done.join('; ')}.` : 'Nothing to change in Odoo; recorded here.',
    marker,
  ].join('\n');
  await deps.odoo.postNote('purchase.order', m.order.id, note);
  return 'written';
}
