/**
 * The buyer's card of a written request (queue `notify`): to the buyer of the product's category
 * (policy `buyers:`, else the product's Responsible in Odoo), found in chat by their Odoo email on
 * the requester's platform; the card is kept on the request so every change updates it. Without a
 * buyer in chat, the requester is told who to chase instead of the request waiting unseen.
 */
import { jobId } from '../queue/job-id.ts';
import type { ChatUserRef } from '../approvals/approval-card-view.ts';
import type { PurchaseRequest } from './purchase-request.ts';
import { requestCardView } from './request-card-view.ts';
import { REQUEST_JOBS, type RequestNotifyDeps } from './request-deps.ts';

export interface RequestCardJob {
  requestId: string;
}

export async function postRequestCard(job: RequestCardJob, deps: RequestNotifyDeps): Promise<{ outcome: string }> {
  const request = await deps.store.get(job.requestId);
  if (!request || !request.order) return { outcome: 'nothing_to_post' };
  if (request.buyerCards.length > 0) return { outcome: 'already_posted' };
  // The local workspace stands in for Slack: its people are Slack users to the bot.
  const platform = request.requester.chat.platform === 'teams' ? 'teams' : 'slack';
  const chat = deps.chat(platform);
  if (!chat) return { outcome: 'platform_off' };
  const buyer = await findBuyer(request, deps);
  if (!buyer) {
    await tell(request, `Your request ${request.ref} is on ${request.order.name}, but I found no buyer in chat for ${request.request.product.category?.name ?? 'its category'}; ask purchasing to look at ${request.order.name}.`, deps);
    return { outcome: 'no_buyer' };
  }
  // Claimed before posting: a retry after a crash past the post may post once more, never twice in a row.
  const message = await chat.postRequestCard({ kind: 'user', platform, userId: buyer.userId }, requestCardView(request, deps.odooUrl));
  await deps.store.update(request.id, (r) => ({ ...r, buyerCards: [...r.buyerCards, message] }));
  await tell(request, `Your request ${request.ref} is ${request.order.grouped ? 'added to' : 'on'} draft RFQ ${request.order.name} (${request.request.vendor.name}); ${buyer.displayName ?? 'the buyer'} has it. Follow it with \`/po mine\` or in the app's Home tab.`, deps);
  return { outcome: 'posted' };
}

async function findBuyer(r: PurchaseRequest, deps: RequestNotifyDeps): Promise<ChatUserRef | null> {
  const login = r.request.buyerLogin;
  if (!login) return null;
  const [user] = await deps.odoo.search('user', { domain: [['login', '=', login]], limit: 1 });
  const email = user?.email ?? (login.includes('@') ? login : null);
  return email ? deps.directory.findByEmail(r.requester.chat.platform === 'teams' ? 'teams' : 'slack', email) : null;
}

/** Re-renders every card of the request (its newest state). */
export async function updateRequestCards(job: RequestCardJob, deps: RequestNotifyDeps): Promise<{ outcome: string }> {
  const request = await deps.store.get(job.requestId);
  if (!request) return { outcome: 'nothing_to_update' };
  const view = requestCardView(request, deps.odooUrl);
  for (const m of request.buyerCards) await deps.chat(m.platform === 'teams' ? 'teams' : 'slack')?.updateRequestCard(m, view);
  return { outcome: 'updated' };
}

export interface RequestTellJob {
  requestId: string;
  text: string;
}

/** A direct message to the requester (through the queue: paced and retried like every message). */
export async function tellRequester(job: RequestTellJob, deps: RequestNotifyDeps): Promise<{ outcome: string }> {
  const request = await deps.store.get(job.requestId);
  if (!request) return { outcome: 'nothing_to_tell' };
  await deps.chat(request.requester.chat.platform === 'teams' ? 'teams' : 'slack')?.sendDirect(request.requester.chat, job.text);
  return { outcome: 'told' };
}

/** Queues a message to the requester, once per (request, text). */
export async function tell(r: PurchaseRequest, text: string, deps: Pick<RequestNotifyDeps, 'queue'>): Promise<void> {
  await deps.queue.enqueue('notify', REQUEST_JOBS.tell, { requestId: r.id, text } satisfies RequestTellJob, { jobId: jobId(REQUEST_JOBS.tell, r.id, digest(text)) });
}

export async function queueCardUpdate(r: PurchaseRequest, deps: Pick<RequestNotifyDeps, 'queue'>): Promise<void> {
  await deps.queue.enqueue('notify', REQUEST_JOBS.updateCards, { requestId: r.id }, { jobId: jobId(REQUEST_JOBS.updateCards, r.id, r.revision) });
}

function digest(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h.toString(36);
}
