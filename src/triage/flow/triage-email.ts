import type { OdooGateway } from '../../ports/odoo-gateway.ts';
import type { JobQueue } from '../../ports/job-queue.ts';
import { jobId } from '../../queue/job-id.ts';
import { cleanEmail } from '../clean-email.ts';
import type { EmailReader } from '../email-reading.ts';
import { matchEmailToPo } from '../match-email-to-po.ts';
import type { TriageEmailJob } from '../receive-supplier-email.ts';
import { messageKey, toSupplierEmail } from '../supplier-email-event.ts';
import type { TriageSettings } from '../triage-settings.ts';
import { orderFactsOf } from './order-facts.ts';
import { newEmailProposal } from './new-email-proposal.ts';
import { enqueuePostCard } from './triage-jobs.ts';
import type { TriageRecorder, TriageStore } from './triage-ports.ts';
import type { EmailProposal, OrderFacts } from './triage-proposal.ts';

export interface TriageEmailDeps {
  odoo: OdooGateway;
  reader: EmailReader;
  store: TriageStore;
  queue: JobQueue;
  recorder: TriageRecorder;
  settings: TriageSettings;
  now: () => Date;
}

/** The proposal id of an email: one per Message-ID, whatever the source. */
export function emailProposalId(messageId: string): string {
  return jobId('tri', messageKey(messageId));
}

/**
 * The `triage-email` job: match the email to a PO, read it with the configured provider, store
 * the proposal and queue its card. Nothing is written to Odoo here: that takes a person's click.
 * A re-run (crash after the store) finds the stored proposal and only makes sure the card goes.
 */
export async function triageEmail(job: TriageEmailJob, deps: TriageEmailDeps): Promise<'proposed' | 'exists'> {
  const id = emailProposalId(job.email.message_id);
  if (await deps.store.get(id)) {
    await enqueuePostCard(deps.queue, id);
    return 'exists';
  }
  const email = toSupplierEmail(job.email);
  const cleaned = cleanEmail(email);
  let order: OrderFacts | null = null;
  let match: EmailProposal['match'];
  const fromChatter = job.orderId !== null ? (await deps.odoo.read('purchaseOrder', [job.orderId]))[0] : undefined;
  if (fromChatter) {
    order = orderFactsOf(fromChatter);
    match = { kind: 'chatter', detail: `posted in the chatter of ${fromChatter.name}` };
  } else {
    const found = await matchEmailToPo(email, [cleaned.text, cleaned.forwardedText ?? ''].join('\n'), deps.odoo);
    if (found.kind === 'unmatched') {
      match = { kind: 'unmatched', detail: `no PO matched: ${found.reason}` };
    } else {
      order = orderFactsOf(found.order);
      match = found.kind === 'reference' ? { kind: 'reference', detail: `matched by the reference ${found.reference}` } : { kind: 'sender', detail: `matched by the sender's domain ${found.domain} (the vendor's only open PO)` };
    }
  }
  const reading = await deps.reader.read(email, { poRef: order?.name ?? null, datePlanned: order?.datePlanned ?? null, now: deps.now() });
  const proposal = newEmailProposal({
    id, now: deps.now(), reading, order, unmatchedChannel: deps.settings.unmatchedChannel, source: job.source, match,
    email: { from: email.from, subject: email.subject, receivedAt: email.receivedAt.toISOString(), messageKey: messageKey(job.email.message_id) },
  });
  const stored = await deps.store.create(proposal);
  if (stored.created) {
    await deps.recorder.record(
      { event: 'proposed', proposalId: id, kind: 'supplier-email', category: reading.category, provider: reading.provider, fallbackReason: reading.fallback_reason, injection: reading.injection_suspected },
      deps.now(),
    );
  }
  await enqueuePostCard(deps.queue, id);
  return stored.created ? 'proposed' : 'exists';
}
