import type { JobQueue } from '../ports/job-queue.ts';
import type { OnceStore } from '../ports/once-store.ts';
import { jobId } from '../queue/job-id.ts';
import { toRecordChanged, type OdooWebhookEvent } from './odoo-webhook-event.ts';

export const ODOO_RECORD_CHANGED_JOB = 'odoo-record-changed';

export interface ReceiveOdooWebhookDeps {
  once: OnceStore;
  queue: JobQueue;
  dedupeTtlSeconds: number;
  now: () => Date;
}

export type WebhookOutcome = 'accepted' | 'duplicate';

/**
 * Takes one Odoo webhook: the first POST of a record version goes to the scan queue, repeats
 * (Odoo fires every matching write, three times in one recorded transition) are dropped.
 * The claim is given back if the queue refuses, so Odoo's next fire or the scan still gets it.
 */
export async function receiveOdooWebhook(event: OdooWebhookEvent, deps: ReceiveOdooWebhookDeps): Promise<WebhookOutcome> {
  const change = toRecordChanged(event, deps.now());
  const key = `odoo-event:${change.model}:${change.id}:${change.version}`;
  if (!(await deps.once.claim(key, deps.dedupeTtlSeconds))) return 'duplicate';
  try {
    await deps.queue.enqueue('scan', ODOO_RECORD_CHANGED_JOB, change, {
      jobId: jobId('odoo-changed', change.model, change.id, change.version),
    });
  } catch (err) {
    await deps.once.release(key);
    throw err;
  }
  return 'accepted';
}
