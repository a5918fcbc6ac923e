import type { ApprovalStore } from '../ports/approval-store.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { ApprovalRequest } from './approval-request.ts';
import { enqueueCardUpdates } from './notify-jobs.ts';

const OUTCOME: Record<string, NonNullable<ApprovalRequest['elsewhere']>['outcome']> = {
  purchase: 'approved',
  done: 'approved',
  cancel: 'cancelled',
  draft: 'reset_to_draft',
  sent: 'reset_to_draft',
};

/**
 * The PO left `to approve` in Odoo without a decision here (approved or cancelled directly, or
 * deleted): the request closes and every card drops its buttons. False if it was decided here.
 */
export async function markDecidedElsewhere(
  requestId: string,
  odooState: string | null,
  deps: { store: ApprovalStore; queue: JobQueue; now: () => Date },
  by: string | null = null,
): Promise<boolean> {
  // Only the caller that closed it acts (a webhook and the scan may both see the PO leave).
  const changed = await deps.store.change(requestId, (r) =>
    r.status === 'pending'
      ? { ...r, status: 'decided_elsewhere', elsewhere: { outcome: odooState ? (OUTCOME[odooState] ?? 'changed') : 'cancelled', by, at: deps.now().toISOString() } }
      : r,
  );
  if (!changed?.changed) return false;
  const updated = changed.request;
  await deps.store.close(requestId);
  await enqueueCardUpdates(deps.queue, updated);
  return true;
}
