import type { JobQueue } from '../ports/job-queue.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import type { OnceStore } from '../ports/once-store.ts';
import { jobId } from '../queue/job-id.ts';
import { matchSupplierEvent, todayOf, type SupplierEventRefusal } from './match-supplier-event.ts';
import type { SupplierEvent } from './supplier-event.ts';

export const SUPPLIER_EVENT_JOB = 'supplier-event';

/** What the worker gets: the event as received, and the day it arrived (dates are judged against it). */
export interface SupplierEventJob {
  event: SupplierEvent;
  receivedDay: string;
}

export type ReceiveOutcome = { outcome: 'accepted' | 'duplicate'; orderName: string } | { outcome: 'refused'; refusal: SupplierEventRefusal };

/**
 * Takes a supplier event in: matched and checked against Odoo first (so a bad one is refused
 * with its reason and nothing is stored), then the first delivery of its event_id is queued and
 * repeats (n8n re-runs, retries) are answered as duplicates. The claim is given back if the queue
 * refuses, so a retry of the request can still get in.
 */
export async function receiveSupplierEvent(
  event: SupplierEvent,
  deps: { odoo: OdooGateway; once: OnceStore; queue: JobQueue; dedupeTtlSeconds: number; now: () => Date },
): Promise<ReceiveOutcome> {
  const receivedDay = todayOf(deps.now());
  const match = await matchSupplierEvent(event, deps.odoo, receivedDay);
  if (!match.ok) return { outcome: 'refused', refusal: match.refusal };
  const key = `supplier-event:${event.event_id}`;
  const orderName = match.matched.order.name;
  if (!(await deps.once.claim(key, deps.dedupeTtlSeconds))) return { outcome: 'duplicate', orderName };
  try {
    const job: SupplierEventJob = { event, receivedDay };
    await deps.queue.enqueue('triage', SUPPLIER_EVENT_JOB, job, { jobId: jobId('supplier-event', event.event_id) });
  } catch (err) {
    await deps.once.release(key);
    throw err;
  }
  return { outcome: 'accepted', orderName };
}
