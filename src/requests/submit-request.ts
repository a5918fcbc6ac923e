/**
 * A submitted request form: checked (nothing is written when it is refused: the form shows why),
 * stored under a key derived from the submission, and handed to the write-back queue under the
 * same key. Slack re-sends a view_submission it got no answer for and people double-click: the
 * same person, form and values make the same key, so three submissions make one request, one job
 * and one RFQ line.
 */
import { createHash } from 'node:crypto';
import type { ChatUserRef } from '../approvals/approval-card-view.ts';
import { jobId } from '../queue/job-id.ts';
import { addBusinessHours } from '../time/add-business-hours.ts';
import { checkRequest, type FieldErrors } from './check-request.ts';
import type { PurchaseRequest, RequestForm } from './purchase-request.ts';
import { REQUEST_JOBS, type RequestDeps } from './request-deps.ts';

export interface RequestSubmission {
  chat: ChatUserRef;
  /** The form's id on the platform (Slack view id, Teams card id): one form, one request. */
  formId: string;
  form: RequestForm;
  chatLink: string | null;
}

export type SubmitOutcome = { ok: true; request: PurchaseRequest; duplicate: boolean } | { ok: false; errors: FieldErrors };

export interface RequestWriteJob {
  requestId: string;
}

export function submissionKey(s: RequestSubmission): string {
  const values = Object.entries(s.form).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, (v ?? '').trim()]);
  return createHash('sha256').update(JSON.stringify([s.chat.platform, s.chat.userId, s.formId, values])).digest('hex').slice(0, 32);
}

export async function submitRequest(s: RequestSubmission, deps: RequestDeps): Promise<SubmitOutcome> {
  const id = submissionKey(s);
  const existing = await deps.store.get(id);
  if (existing) return { ok: true, request: existing, duplicate: true };
  const who = await deps.identify(s.chat);
  if (!who.ok) return { ok: false, errors: { productId: who.message } };
  const requester = who.viewer.odoo;
  const checked = await checkRequest(s.form, requester, { odoo: deps.odoo, settings: deps.settings, timeZone: deps.calendar.timeZone, now: deps.now });
  if (!checked.ok) return checked;
  const now = deps.now();
  const request: PurchaseRequest = {
    id,
    ref: `REQ-${id.slice(0, 8).toUpperCase()}`,
    revision: 1,
    state: 'submitted',
    requester: { chat: s.chat, login: requester.login, name: requester.name, odooUserId: requester.odooUserId },
    request: checked.request,
    chatLink: s.chatLink,
    order: null,
    buyerCards: [],
    decidedBy: null,
    rejectReason: null,
    error: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    buyerDueAt: addBusinessHours(now, deps.settings.buyerActionHours, deps.calendar).toISOString(),
    overdueRaised: false,
    receivedTold: false,
  };
  const created = await deps.store.create(request);
  if (created) {
    await deps.audit.record(
      { at: now.toISOString(), orderId: 0, orderName: request.ref, requestId: id, action: 'purchase-request', outcome: 'accepted', actor: s.chat, odooLogin: requester.login, version: null, channel: null, code: 'submitted', detail: `${checked.request.quantity} x ${checked.request.product.name} for ${checked.request.warehouse.code} by ${checked.request.neededBy}` },
      { onceKey: `request-submitted:${id}` },
    );
  }
  // Queued on every submission (a crash between storing and queueing is healed by the next one);
  // the job id makes the repeats no-ops.
  await deps.queue.enqueue('writeback', REQUEST_JOBS.write, { requestId: id } satisfies RequestWriteJob, { jobId: jobId(REQUEST_JOBS.write, id) });
  return { ok: true, request: created ? request : ((await deps.store.get(id)) ?? request), duplicate: !created };
}
