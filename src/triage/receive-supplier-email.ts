import type { JobQueue } from '../ports/job-queue.ts';
import type { OnceStore } from '../ports/once-store.ts';
import { jobId } from '../queue/job-id.ts';
import { messageKey, type SupplierEmailEvent } from './supplier-email-event.ts';

export const TRIAGE_EMAIL_JOB = 'triage-email';

/** What the triage worker gets: the email as received, and where it came from. */
export interface TriageEmailJob {
  source: 'webhook' | 'odoo-chatter';
  email: SupplierEmailEvent;
  /** The PO whose chatter holds the email, when it came from Odoo. */
  orderId: number | null;
}

/**
 * Takes a supplier email in: the first delivery of a Message-ID goes to the triage queue, repeats
 * (gateways retry, n8n re-runs) are dropped. The claim is given back if the queue refuses.
 */
export async function receiveSupplierEmail(
  job: TriageEmailJob,
  deps: { once: OnceStore; queue: JobQueue; dedupeTtlSeconds: number },
): Promise<'accepted' | 'duplicate'> {
  const key = `supplier-email:${messageKey(job.email.message_id)}`;
  if (!(await deps.once.claim(key, deps.dedupeTtlSeconds))) return 'duplicate';
  try {
    await deps.queue.enqueue('triage', TRIAGE_EMAIL_JOB, job, { jobId: jobId('triage-email', messageKey(job.email.message_id)) });
  } catch (err) {
    await deps.once.release(key);
    throw err;
  }
  return 'accepted';
}
