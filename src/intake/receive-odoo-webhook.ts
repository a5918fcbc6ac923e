import type { OnceJobQueue } from '../ports/job-queue.ts';
import { jobId } from '../queue/job-id.ts';
import { toRecordChanged, type OdooWebhookEvent } from './odoo-webhook-event.ts';

export const ODOO_RECORD_CHANGED_JOB = 'odoo-record-changed';

export interface ReceiveOdooWebhookDeps {
  /** Claims the record version and queues its job in one step (a failed add claims nothing). */
  intake: OnceJobQueue;
  dedupeTtlSeconds: number;
  now: () => Date;
}

export type WebhookOutcome = 'accepted' | 'duplicate';

/**
 * Takes one Odoo webhook: the first POST of a record version goes to the scan queue, repeats
 * (Odoo fires every matching write, three times in one recorded transition) are dropped.
 * A version whose add failed is not claimed, so Odoo's next fire or the scan still gets it.
 */
export async function receiveOdooWebhook(event: OdooWebhookEvent, deps: ReceiveOdooWebhookDeps): Promise<WebhookOutcome> {
  const change = toRecordChanged(event, deps.now());
  const queued = await deps.intake.enqueueOnce(
    { key: `odoo-event:${change.model}:${change.id}:${change.version}`, ttlSeconds: deps.dedupeTtlSeconds },
    'scan',
    ODOO_RECORD_CHANGED_JOB,
    change,
    { jobId: jobId('odoo-changed', change.model, change.id, change.version) },
  );
  return queued ? 'accepted' : 'duplicate';
}
