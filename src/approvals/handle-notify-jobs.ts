import type { ApprovalStore } from '../ports/approval-store.ts';
import type { ApprovalChat, ChatPlatform, ChatTarget, PostedMessage } from '../ports/chat.ts';
import type { ChatDirectory } from '../ports/chat-directory.ts';
import type { OdooGateway } from '../ports/odoo-gateway.ts';
import type { CardsShown } from '../ports/cards-shown.ts';
import { BusinessRefusal } from '../errors/coded-error.ts';
import type { ApprovalRequest, CardPerson } from './approval-request.ts';
import type { ApprovalRules, ApprovalTarget } from './approval-rules.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import { allLinesView, cardContextOf, cardKey, cardViewFor, personalCardView } from './card-view-of.ts';
import { personLogin, routeTargets, type DelegationLookup } from './delegation-routing.ts';
import { enqueuePostCards, type DirectJob, type EphemeralJob, type PostCardJob, type PostDetailsJob, type RetryOfferJob, type UpdateCardsJob } from './notify-jobs.ts';
import { retryOfferWords } from './card-words.ts';

export interface NotifyDeps {
  store: ApprovalStore;
  queue: JobQueue;
  rules: Pick<ApprovalRules, 'age'>;
  odoo: Pick<OdooGateway, 'search' | 'read' | 'refId'>;
  directory: ChatDirectory;
  /** The chat adapter of a platform, or null when that platform is not configured. */
  chat: (platform: ChatPlatform) => ApprovalChat | null;
  odooUrl: string;
  now: () => Date;
  /** Members of an Odoo group who are away get their delegate asked instead. */
  delegations?: DelegationLookup;
  /** Coalesces updates of one message (optional: without it every job updates). */
  shown?: CardsShown;
}

/** How a card for a person with no account on the platform fails (the Teams adapter retries these when they appear). */
export const TARGET_UNRESOLVED_TEXT = 'the card was not posted there';

function chatFor(deps: NotifyDeps, platform: ChatPlatform): ApprovalChat {
  const chat = deps.chat(platform);
  if (!chat) throw new BusinessRefusal('platform_not_configured', `${platform} is not configured; cannot deliver the message`);
  return chat;
}

const contextOf = (r: ApprovalRequest, deps: NotifyDeps) => cardContextOf(r, deps);
const viewOf = (r: ApprovalRequest, deps: NotifyDeps, card: Pick<PostedMessage, 'platform' | 'channel'> | null) => cardViewFor(r, contextOf(r, deps), card);

/** Resolves an Odoo-user target to that person's chat account (by their Odoo email). */
async function resolveTarget(target: Exclude<ApprovalTarget, { kind: 'odoo-group' }>, deps: NotifyDeps): Promise<ChatTarget | null> {
  if (target.kind !== 'odoo-user') return target;
  const [user] = await deps.odoo.search('user', { domain: [['login', '=', target.login]], limit: 1 });
  const email = user?.email ?? (user?.login.includes('@') ? user.login : null);
  if (!email) return null;
  const chatUser = await deps.directory.findByEmail(target.platform, email);
  return chatUser ? { kind: 'user', platform: target.platform, userId: chatUser.userId } : null;
}

/** Posts one card of a request to one target; a re-run after a crash finds the card it posted. */
export async function handlePostCard(job: PostCardJob, deps: NotifyDeps): Promise<string> {
  const request = await deps.store.get(job.requestId);
  if (!request) return 'request_gone';
  if (job.target.kind === 'odoo-group') {
    // One card per member of the Odoo group, each its own job (retried and deduplicated alone).
    const groupId = await deps.odoo.refId(job.target.xmlid);
    const members = await deps.odoo.search('user', { domain: [['groups_id', 'in', [groupId]], ['share', '=', false]], limit: 200 });
    const platform = job.target.platform;
    // Members who are away are replaced by their delegates, once each (a member's own card wins).
    const routed = await routeTargets(members.map((m) => ({ kind: 'odoo-user' as const, platform, login: m.login })), 0, deps.delegations, deps.now());
    await enqueuePostCards(deps.queue, { id: request.id, targets: routed.targets });
    return `expanded to ${routed.targets.length}`;
  }
  const target = await resolveTarget(job.target, deps);
  if (!target) throw new BusinessRefusal('target_unresolved', `no ${job.target.platform} account found for ${job.target.kind === 'odoo-user' ? job.target.login : 'the target'}; ${TARGET_UNRESOLVED_TEXT}`);
  const chat = chatFor(deps, target.platform);
  const login = personLogin(job.target);
  const person: CardPerson | null = login ? { login, ...(job.target.kind !== 'channel' && job.target.onBehalfOf ? { onBehalfOf: job.target.onBehalfOf } : {}) } : null;
  const posted = await chat.postApprovalCard(target, personalCardView(request, contextOf(request, deps), person));
  // One write records the card and whose it is, so every later update renders it as theirs.
  const after = await deps.store.update(request.id, (r) => {
    const known = r.cards.some((c) => c.platform === posted.platform && c.channel === posted.channel && c.messageId === posted.messageId);
    if (known && (!person || r.cardPeople?.[cardKey(posted)])) return r;
    return { ...r, cards: known ? r.cards : [...r.cards, posted], ...(person ? { cardPeople: { ...r.cardPeople, [cardKey(posted)]: person } } : {}) };
  });
  // The request may have moved on while the card was being posted: show the newest state.
  if (after && after.revision !== request.revision + 1) await chat.updateApprovalCard(posted, viewOf(after, deps, posted));
  return 'posted';
}

/** Renders the newest state of a request on every one of its cards. */
export async function handleUpdateCards(job: UpdateCardsJob, deps: NotifyDeps): Promise<string> {
  const request = await deps.store.get(job.requestId);
  if (!request) return 'request_gone';
  let updated = 0;
  for (const card of request.cards) {
    // Several jobs for one message (one per revision, or a retried one) coalesce to its newest state.
    const key = `${request.id}:${card.platform}:${card.channel}:${card.messageId}`;
    if (deps.shown && (await deps.shown.shown(key)) >= request.revision) continue;
    await chatFor(deps, card.platform).updateApprovalCard(card, viewOf(request, deps, card));
    await deps.shown?.markShown(key, request.revision);
    updated += 1;
  }
  return `updated ${updated} of ${request.cards.length}`;
}

export async function handlePostDetails(job: PostDetailsJob, deps: NotifyDeps): Promise<string> {
  const request = await deps.store.get(job.requestId);
  if (!request) return 'request_gone';
  await chatFor(deps, job.card.platform).postDetails(job.card, allLinesView(request, contextOf(request, deps)));
  return 'posted';
}

export async function handleEphemeral(job: EphemeralJob, deps: NotifyDeps): Promise<string> {
  await chatFor(deps, job.platform).sendEphemeral(job.channel, job.user, job.text);
  return 'sent';
}

export async function handleDirect(job: DirectJob, deps: NotifyDeps): Promise<string> {
  if ('chatUser' in job.to) {
    await chatFor(deps, job.to.chatUser.platform === 'teams' ? 'teams' : 'slack').sendDirect(job.to.chatUser, job.text);
    return 'sent';
  }
  const [user] = 'odooUserId' in job.to ? await deps.odoo.read('user', [job.to.odooUserId]) : await deps.odoo.search('user', { domain: [['login', '=', job.to.odooLogin]], limit: 1 });
  const email = user?.email ?? (user?.login.includes('@') ? user.login : null);
  const chatUser = email ? await deps.directory.findByEmail(job.to.platform, email) : null;
  if (!chatUser) return 'recipient_unknown'; // the buyer has no chat account: Odoo's chatter still says it
  await chatFor(deps, job.to.platform).sendDirect(chatUser, job.text);
  return 'sent';
}

/**
 * The decider of a write-back that failed for good is told privately, with a Retry button (the
 * card's own: a click re-queues the same decision once). Nothing is sent when the decision was
 * retried or written meanwhile.
 */
export async function handleRetryOffer(job: RetryOfferJob, deps: NotifyDeps): Promise<string> {
  const request = await deps.store.get(job.requestId);
  const d = request?.decision;
  if (!request || !d || d.id !== job.decisionId || request.writeback?.state !== 'failed') return 'nothing_to_offer';
  const platform: ChatPlatform = d.actor.platform === 'teams' ? 'teams' : 'slack';
  const card = request.cards.find((c) => c.platform === platform && c.channel === d.channel) ?? null;
  const view = viewOf(request, deps, card);
  await chatFor(deps, platform).offerRetry(d.channel, d.actor, view, retryOfferWords(request.snapshot.orderName, d.action, request.writeback.reason));
  return 'offered';
}
