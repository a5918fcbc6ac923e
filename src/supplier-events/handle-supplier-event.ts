/**
 * The worker's step for a received supplier event: match it again (Odoo may have moved since it
 * was received), then per the policy either queue its write-back or show it to a person as a
 * confirmation card (the card of a supplier email's reading, with the event's values filled in).
 */
import type { JobQueue } from '../ports/job-queue.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import { jobId } from '../queue/job-id.ts';
import type { EmailReading } from '../triage/email-reading.ts';
import { orderFactsOf } from '../triage/flow/order-facts.ts';
import { emailProposalId } from '../triage/flow/triage-email.ts';
import { enqueuePostCard } from '../triage/flow/triage-jobs.ts';
import type { TriageStore } from '../triage/flow/triage-ports.ts';
import { newEmailProposal } from '../triage/flow/new-email-proposal.ts';
import type { TriageSettings } from '../triage/triage-settings.ts';
import { decideSupplierEvent, plannedDates, type SupplierEventRoute } from './decide-supplier-event.ts';
import { matchSupplierEvent, type MatchedSupplierEvent } from './match-supplier-event.ts';
import type { SupplierEventJob } from './receive-supplier-event.ts';
import { lineWords, summaryOf } from './supplier-event-words.ts';
import type { SupplierEventSettings } from './supplier-events-section.ts';

export const WRITE_SUPPLIER_EVENT_JOB = 'write-supplier-event';

export interface HandleSupplierEventDeps {
  odoo: OdooGateway;
  queue: JobQueue;
  store: TriageStore;
  settings: SupplierEventSettings;
  triage: TriageSettings;
  now: () => Date;
}

export async function handleSupplierEvent(job: SupplierEventJob, deps: HandleSupplierEventDeps): Promise<'write_queued' | 'card' | 'refused'> {
  const match = await matchSupplierEvent(job.event, deps.odoo, job.receivedDay);
  if (!match.ok) return 'refused';
  const route = decideSupplierEvent(match.matched, deps.settings);
  if (route.route === 'write') {
    await deps.queue.enqueue('writeback', WRITE_SUPPLIER_EVENT_JOB, job, { jobId: jobId('write-supplier-event', job.event.event_id) });
    return 'write_queued';
  }
  await proposeToPerson(match.matched, route, job, deps);
  return 'card';
}

function readingOf(m: MatchedSupplierEvent, route: Extract<SupplierEventRoute, { route: 'confirm' }>): EmailReading {
  const days = [...new Set(plannedDates(m).values())].sort();
  const newest = days.at(-1) ?? null;
  const shipped = m.lines.reduce((n, l) => n + (typeof l.values.shipped_qty === 'number' ? l.values.shipped_qty : 0), 0);
  const open = m.lines.reduce((n, l) => n + l.open, 0);
  const cancelled = m.lines.reduce((n, l) => n + (typeof l.values.cancelled_qty === 'number' ? l.values.cancelled_qty : l.open), 0);
  const e = m.event;
  return {
    category: route.category,
    summary: summaryOf(m).slice(0, 280),
    new_eta: route.category === 'delay' || route.category === 'partial_shipment' ? newest : null,
    confirmed_date: route.category === 'confirmation' ? newest : null,
    quantities: e.type === 'shipment.notice' ? { ordered: open, shipped, backordered: Math.max(0, open - shipped) } : e.type === 'line.cancelled' ? { cancelled } : null,
    price_change_pct: null,
    // Structured data read as sent: nothing was guessed.
    confidence: 1,
    evidence: `${lineWords(m).join('; ')}. Needs a person because ${route.why}.`.slice(0, 1000),
    injection_suspected: false,
    provider: 'supplier-event',
    fallback_reason: null,
  };
}

async function proposeToPerson(m: MatchedSupplierEvent, route: Extract<SupplierEventRoute, { route: 'confirm' }>, job: SupplierEventJob, deps: HandleSupplierEventDeps): Promise<void> {
  const id = emailProposalId(`supplier-event:${job.event.event_id}`);
  const order = orderFactsOf(m.order);
  const reading = readingOf(m, route);
  const proposal = newEmailProposal({
    id, now: deps.now(), reading, order, unmatchedChannel: deps.triage.unmatchedChannel, source: 'supplier-event',
    email: { from: m.event.source, subject: `${m.event.type} ${m.event.event_id}`, receivedAt: m.event.occurred_at ?? deps.now().toISOString(), messageKey: `supplier-event-${job.event.event_id}` },
    match: { kind: 'reference', detail: `matched by the PO reference ${m.order.name} in the event` },
  });
  await deps.store.create(proposal);
  // A re-run (crash after the store) finds the proposal and only makes sure its card goes.
  await enqueuePostCard(deps.queue, id);
}
