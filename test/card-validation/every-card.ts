/**
 * Every card, message, modal and home view the bot can send, on both platforms, by name: each
 * view in every state (and, in Teams, for every kind of viewer), plus the long and hostile ones.
 * The vendor validators (test/card-validation) and the mobile allowlists (test/mobile) walk the
 * same list, so a new card shape is validated by both the day it appears.
 */
import type { HomeView, KnownBlock, ModalView } from '@slack/types';
import { renderAppHome } from '../../adapters/slack/blocks/app-home.ts';
import { renderApprovalCard } from '../../adapters/slack/blocks/approval-card.ts';
import { renderApprovalDetails } from '../../adapters/slack/blocks/approval-details.ts';
import { renderDigestMessage } from '../../adapters/slack/blocks/digest-message.ts';
import { renderExceptionMessage } from '../../adapters/slack/blocks/exception-message.ts';
import { buildRejectModal } from '../../adapters/slack/blocks/reject-modal.ts';
import { renderStatusAnswer } from '../../adapters/slack/blocks/status-answer.ts';
import { renderTriageCard } from '../../adapters/slack/blocks/triage-card.ts';
import { approvalAdaptiveCard, approvalDetailsCards, type TeamsCardViewer } from '../../adapters/teams/cards/approval-card.ts';
import { appHomeCard } from '../../adapters/teams/cards/app-home-card.ts';
import { digestAdaptiveCard, exceptionAdaptiveCard } from '../../adapters/teams/cards/exception-card.ts';
import { statusAnswerCard } from '../../adapters/teams/cards/status-answer.ts';
import { triageAdaptiveCard } from '../../adapters/teams/cards/triage-card.ts';
import type { AdaptiveCard } from '../../adapters/teams/cards/verbs.ts';
import { requestBuyerCard, requestFiledCard, requestFormCard } from '../../adapters/teams/requests/request-cards.ts';
import { renderRequestCard, renderRequestTextModal } from '../../adapters/slack/blocks/request-card.ts';
import { renderRequestForm } from '../../adapters/slack/blocks/request-form.ts';
import { allRequestCardViews, REQUEST_FORM_DATA } from './request-card-views.ts';
import { REASON_REQUIRED } from '../../adapters/teams/invoke/approval-card-actions.ts';
import { allAppHomes, allApprovalViews, allExceptionViews, allStatusAnswers, allTriageViews, digestView, longViewAllLines } from '../mobile/card-views.ts';
import {
  extremeAppHomes, extremeApprovalViews, extremeDetailsView, extremeDigestView, extremeExceptionViews, extremeStatusAnswers, extremeTriageViews, INJECTION, longText,
} from './extreme-views.ts';

/** Who looks at a Teams approval card: as posted (no refresh yet), an approver, someone who may not decide, a refused reject. */
export const TEAMS_VIEWERS: Record<string, TeamsCardViewer | null> = {
  posted: null,
  approver: { mayDecide: true, mayRetry: true },
  other: { mayDecide: false, mayRetry: false, note: 'You are not an approver of this PO' },
  'reason-missing': { mayDecide: true, mayRetry: true, note: REASON_REQUIRED },
};

export interface TeamsVariant {
  name: string;
  card: AdaptiveCard;
  /** The Odoo record the card is about, when it has one: long text must end in a link to it. */
  odooUrl?: string;
  extreme: boolean;
}

/** Every Teams card: each approval view for each viewer, Details, exceptions, digests, triage, status, home. */
export function everyTeamsCard(): TeamsVariant[] {
  const out: TeamsVariant[] = [];
  const approvals = [...Object.entries(allApprovalViews()).map(([n, v]) => [n, v, false] as const), ...Object.entries(extremeApprovalViews()).map(([n, v]) => [n, v, true] as const)];
  for (const [name, view, extreme] of approvals) {
    for (const [who, viewer] of Object.entries(TEAMS_VIEWERS)) {
      if (extreme && who === 'reason-missing') continue;
      out.push({ name: `approval ${name} (${who})`, card: approvalAdaptiveCard(view, viewer), odooUrl: view.odooUrl, extreme });
    }
  }
  approvalDetailsCards(longViewAllLines()).forEach((card, i) => out.push({ name: `details part ${i + 1}`, card, extreme: false }));
  const details = extremeDetailsView();
  approvalDetailsCards(details).forEach((card, i) => out.push({ name: `details 300 lines part ${i + 1}`, card, extreme: true }));
  for (const [name, view] of Object.entries(allExceptionViews())) out.push({ name: `exception ${name}`, card: exceptionAdaptiveCard(view), odooUrl: view.odooUrl, extreme: false });
  for (const [name, view] of Object.entries(extremeExceptionViews())) out.push({ name, card: exceptionAdaptiveCard(view), odooUrl: view.odooUrl, extreme: true });
  out.push({ name: 'digest', card: digestAdaptiveCard(digestView()), extreme: false });
  out.push({ name: 'digest long', card: digestAdaptiveCard(extremeDigestView()), extreme: true });
  for (const [name, view] of Object.entries(allTriageViews())) out.push({ name: `triage ${name}`, card: triageAdaptiveCard(view), ...(view.odooUrl ? { odooUrl: view.odooUrl } : {}), extreme: false });
  for (const [name, view] of Object.entries(extremeTriageViews())) out.push({ name, card: triageAdaptiveCard(view), ...(view.odooUrl ? { odooUrl: view.odooUrl } : {}), extreme: true });
  for (const [name, answer] of Object.entries(allStatusAnswers())) out.push({ name: `status ${name}`, card: statusAnswerCard(answer), extreme: false });
  for (const [name, answer] of Object.entries(extremeStatusAnswers())) out.push({ name: `status ${name}`, card: statusAnswerCard(answer), ...(answer.kind === 'po_status' ? { odooUrl: answer.po.odooUrl } : {}), extreme: true });
  for (const [name, home] of Object.entries(allAppHomes())) out.push({ name: `home ${name}`, card: appHomeCard(home), extreme: false });
  for (const [name, home] of Object.entries(extremeAppHomes())) out.push({ name, card: appHomeCard(home), extreme: true });
  // Purchase requests: the form (fresh, and back with errors), the filed answer, the buyer's card.
  out.push({ name: 'request form', card: requestFormCard(REQUEST_FORM_DATA, { formId: 'f-1' }), extreme: false });
  out.push({ name: 'request form with errors', card: requestFormCard(REQUEST_FORM_DATA, { formId: 'f-1', values: { productId: '9', quantity: '0', uomId: null, warehouseId: '2', neededBy: '2020-01-01', reason: null, vendorId: null, attachment: 'x' }, errors: { quantity: 'The quantity must be more than 0.', neededBy: '2020-01-01 is in the past.', attachment: 'Give a link.' } }), extreme: false });
  out.push({ name: 'request filed', card: requestFiledCard('REQ-5C0E8390', '40 Units of gloves for Atlanta DC by 2026-12-11.'), extreme: false });
  for (const [name, view] of Object.entries(allRequestCardViews())) out.push({ name: `request ${name}`, card: requestBuyerCard(view), ...(view.order ? { odooUrl: view.order.url } : {}), extreme: name.includes('hostile') });
  return out;
}

export type SlackVariant =
  | { name: string; kind: 'message'; message: { text: string; blocks: KnownBlock[] }; odooUrl?: string; extreme: boolean }
  | { name: string; kind: 'modal'; view: ModalView; extreme: boolean }
  | { name: string; kind: 'home'; view: HomeView; extreme: boolean };

/** Every Slack message, modal and home tab. */
export function everySlackSurface(): SlackVariant[] {
  const out: SlackVariant[] = [];
  const message = (name: string, m: { text: string; blocks: KnownBlock[] }, extreme: boolean, odooUrl?: string) => out.push({ name, kind: 'message', message: m, extreme, ...(odooUrl ? { odooUrl } : {}) });
  for (const [name, view] of Object.entries(allApprovalViews())) message(`approval ${name}`, renderApprovalCard(view), false, view.odooUrl);
  for (const [name, view] of Object.entries(extremeApprovalViews())) message(`approval ${name}`, renderApprovalCard(view), true, view.odooUrl);
  renderApprovalDetails(longViewAllLines()).forEach((m, i) => message(`details part ${i + 1}`, m, false));
  renderApprovalDetails(extremeDetailsView()).forEach((m, i) => message(`details 300 lines part ${i + 1}`, m, true));
  out.push({ name: 'reject modal', kind: 'modal', view: buildRejectModal({ requestId: 'req-po-42', version: 'v7a1b2c3d4', channel: 'C1', messageTs: '1.2', orderName: 'P00042 *x*' }), extreme: false });
  out.push({ name: 'reject modal, no name', kind: 'modal', view: buildRejectModal({ requestId: 'req-po-42', version: 'v7a1b2c3d4', channel: 'C1' }), extreme: false });
  out.push({ name: 'reject modal, long hostile name', kind: 'modal', view: buildRejectModal({ requestId: 'req-po-42', version: 'v7a1b2c3d4', channel: 'C1', messageTs: '1.2', orderName: `${INJECTION} ${longText(1_000)}` }), extreme: true });
  for (const [name, view] of Object.entries(allExceptionViews())) message(`exception ${name}`, renderExceptionMessage(view), false, view.odooUrl);
  for (const [name, view] of Object.entries(extremeExceptionViews())) message(name, renderExceptionMessage(view), true, view.odooUrl);
  message('digest', renderDigestMessage(digestView()), false);
  message('digest long', renderDigestMessage(extremeDigestView()), true);
  for (const [name, view] of Object.entries(allTriageViews())) message(`triage ${name}`, renderTriageCard(view), false, view.odooUrl ?? undefined);
  for (const [name, view] of Object.entries(extremeTriageViews())) message(name, renderTriageCard(view), true, view.odooUrl ?? undefined);
  for (const [name, answer] of Object.entries(allStatusAnswers())) message(`status ${name}`, renderStatusAnswer(answer), false);
  for (const [name, answer] of Object.entries(extremeStatusAnswers())) message(`status ${name}`, renderStatusAnswer(answer), true, answer.kind === 'po_status' ? answer.po.odooUrl : undefined);
  for (const [name, home] of Object.entries(allAppHomes())) out.push({ name: `home ${name}`, kind: 'home', view: renderAppHome(home), extreme: false });
  for (const [name, home] of Object.entries(extremeAppHomes())) out.push({ name, kind: 'home', view: renderAppHome(home), extreme: true });
  // Purchase requests: the form, the Reject/Ask modals, the buyer's card.
  out.push({ name: 'request form', kind: 'modal', view: renderRequestForm(REQUEST_FORM_DATA, 'https://app.slack.com/client/T1/D1'), extreme: false });
  out.push({ name: 'request reject modal', kind: 'modal', view: renderRequestTextModal('reject', 'r1'), extreme: false });
  out.push({ name: 'request ask modal', kind: 'modal', view: renderRequestTextModal('ask', 'r1'), extreme: false });
  for (const [name, view] of Object.entries(allRequestCardViews())) message(`request ${name}`, renderRequestCard(view), name.includes('hostile'), view.order?.url);
  return out;
}
