import type { ApprovalCardStatus, ApprovalCardView, ApprovalChainStep } from './approval-card-view.ts';
import type { PostedMessage } from '../ports/chat.ts';
import type { ApprovalRequest, CardPerson } from './approval-request.ts';
import type { ApprovalRules } from './approval-rules.ts';
import { purchaseOrderUrl } from './odoo-links.ts';

/** Lines shown on the card itself; the rest are counted and shown by Details. */
export const CARD_LINES = 5;

export interface CardContext {
  odooUrl: string;
  ageText: string;
  /** "6 business hours" since an ISO instant, for the waiting level of a sequential chain. */
  levelAge?: (since: string) => string;
}

/** The context every card of a request is rendered with: ages in the policy's business hours. */
export function cardContextOf(request: ApprovalRequest, deps: { odooUrl: string; rules: Pick<ApprovalRules, 'age'>; now: () => Date }): CardContext {
  return {
    odooUrl: deps.odooUrl,
    ageText: deps.rules.age(new Date(request.requestedAt), deps.now()),
    levelAge: (since) => deps.rules.age(new Date(since), deps.now()),
  };
}

/** The card for a request in its current state: every card of a request renders from this. */
export function cardViewOf(request: ApprovalRequest, ctx: CardContext): ApprovalCardView {
  const s = request.snapshot;
  return {
    requestId: request.id,
    version: request.version,
    orderId: s.orderId,
    orderName: s.orderName,
    vendorName: s.vendorName,
    amountTotal: s.amountTotal,
    currency: s.currency,
    buyerName: s.buyerName,
    companyName: s.companyName,
    datePlanned: s.datePlanned,
    lines: s.lines.slice(0, CARD_LINES).map((l) => ({ description: l.description, quantity: l.quantity, uom: l.uom, priceUnit: l.priceUnit, subtotal: l.subtotal })),
    moreLines: Math.max(0, s.lines.length - CARD_LINES),
    reason: request.reason,
    ruleName: request.ruleName,
    requestedAt: request.requestedAt,
    ageText: ctx.ageText,
    odooUrl: purchaseOrderUrl(ctx.odooUrl, s.orderId),
    confirmApprove: request.confirmAbove !== null && s.amountTotal > request.confirmAbove,
    status: statusOf(request),
    ...(request.changes.length ? { changes: request.changes } : {}),
    ...(request.chain ? { chain: chainOf(request, ctx) } : {}),
  };
}

function chainOf(request: ApprovalRequest, ctx: CardContext): ApprovalChainStep[] {
  return (request.chain ?? []).map((l) => ({
    level: l.level,
    label: l.label,
    state: l.state,
    ...(l.decision ? { by: l.decision.actor.displayName ?? l.decision.odooLogin, at: l.decision.at } : {}),
    ...(l.decision?.onBehalfOf ? { onBehalfOf: l.decision.onBehalfOf.name } : {}),
    // A closed request waits on nobody, whatever its chain said when it closed.
    ...(l.state === 'waiting' && l.since && request.status === 'pending' && !request.elsewhere ? { waitingText: ctx.levelAge?.(l.since) ?? ctx.ageText } : {}),
  }));
}

/** Where a posted card is: the key of ApprovalRequest.cardPeople. */
export function cardKey(card: Pick<PostedMessage, 'platform' | 'channel'>): string {
  return `${card.platform}:${card.channel}`;
}

/**
 * The view of one posted card: the request's view, plus what is personal to that card. A
 * delegate's card says whom it acts for; an absent approver's own card says who has it now.
 */
export function cardViewFor(request: ApprovalRequest, ctx: CardContext, card: Pick<PostedMessage, 'platform' | 'channel'> | null): ApprovalCardView {
  return personalCardView(request, ctx, card ? request.cardPeople?.[cardKey(card)] : undefined);
}

/** The view of the card of `person` (null or undefined: a channel's card, the same for all). */
export function personalCardView(request: ApprovalRequest, ctx: CardContext, person: CardPerson | null | undefined): ApprovalCardView {
  const view = cardViewOf(request, ctx);
  if (!person) return view;
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  if (person.onBehalfOf) {
    const from = person.onBehalfOf.login;
    const records = (request.delegated ?? []).filter((d) => same(d.from, from) && same(d.to, person.login));
    const ended = records.length > 0 && records.every((d) => d.endedAt);
    return { ...view, onBehalfOf: person.onBehalfOf.name, ...(ended ? { onBehalfEnded: true } : {}) };
  }
  const moved = (request.delegated ?? []).filter((d) => same(d.from, person.login)).at(-1);
  return moved ? { ...view, delegatedTo: { name: moved.toName, ended: Boolean(moved.endedAt) } } : view;
}

/** All lines, for the Details thread. */
export function allLinesView(request: ApprovalRequest, ctx: CardContext): ApprovalCardView {
  const view = cardViewOf(request, ctx);
  return { ...view, lines: request.snapshot.lines.map((l) => ({ description: l.description, quantity: l.quantity, uom: l.uom, priceUnit: l.priceUnit, subtotal: l.subtotal })), moreLines: 0 };
}

function statusOf(r: ApprovalRequest): ApprovalCardStatus {
  if (r.elsewhere) return { kind: 'decided_elsewhere', outcome: r.elsewhere.outcome, by: r.elsewhere.by, at: r.elsewhere.at };
  const d = r.decision;
  if (!d || r.status === 'pending') return { kind: 'pending' };
  const by = d.actor.displayName ?? d.odooLogin;
  const behalf = d.onBehalfOf ? { onBehalfOf: d.onBehalfOf.name } : {};
  const wb = r.writeback ?? { state: 'queued' as const };
  switch (wb.state) {
    case 'queued':
      return { kind: 'queued', decision: d.action, by, ...behalf };
    case 'retrying':
      return { kind: 'retrying', decision: d.action, by, attempt: wb.attempt, reason: wb.reason, ...(wb.waitingSince ? { waitingForOdoo: true } : {}), ...behalf };
    case 'written':
      return { kind: 'written', decision: d.action, by, at: wb.at, ...(d.reason ? { reason: d.reason } : {}), ...behalf };
    case 'failed':
      return { kind: 'failed', decision: d.action, by, reason: wb.reason, retryableBy: d.actor, ...behalf };
  }
}
