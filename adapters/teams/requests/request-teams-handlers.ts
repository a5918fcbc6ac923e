import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ChatUserRef } from '../../../src/approvals/approval-card-view.ts';
import { looksLikeRequest } from '../../../src/requests/parse-request-words.ts';
import type { RequestForm } from '../../../src/requests/purchase-request.ts';
import type { RequestChatUseCases } from '../../../src/requests/request-chat-use-cases.ts';
import type { CardAction } from '../invoke/card-action.ts';
import { teamsActor } from '../invoke/clicker.ts';
import { invokeAnswer, type InvokeAnswer } from '../invoke/invoke-response.ts';
import { readTeamsQuestion } from '../messages/teams-question.ts';
import type { RedisMemberDirectory } from '../store/redis-member-directory.ts';
import { teamsUserRef } from '../teams-approval-chat.ts';
import { cardMessage } from '../teams-messages.ts';
import type { MessageHandler } from '../teams-routes.ts';
import { REQUEST_VERBS, requestFiledCard, requestFormCard } from './request-cards.ts';

export interface RequestTeamsDeps extends RequestChatUseCases {
  members: Pick<RedisMemberDirectory, 'get'>;
  logger: Logger;
}

const COMMAND = /^(?:po\s+)?request\b\s*/i;
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);

/** `po request ...`, `request ...`, or plain words asking for something: the form card, prefilled. Nothing is created before Submit. */
export function requestMessages(deps: RequestTeamsDeps): MessageHandler {
  return async (context) => {
    const question = await readTeamsQuestion(context, deps.members);
    if (!question) return false;
    const words = question.text.trim();
    if (!COMMAND.test(words) && !looksLikeRequest(words)) return false;
    const from = context.activity.from;
    const chat: ChatUserRef = { platform: 'teams', userId: teamsUserRef({ id: from?.id ?? '', aadObjectId: from?.aadObjectId }), ...(from?.name ? { displayName: from.name.slice(0, 200) } : {}) };
    const opened = await deps.openForm(chat, words.replace(COMMAND, ''));
    if (!opened.ok) await context.sendActivity({ type: 'message', text: opened.message, textFormat: 'plain' });
    else await context.sendActivity(cardMessage(requestFormCard(opened.data, { formId: randomUUID() }), 'Request purchase'));
    return true;
  };
}

/** The `request.*` verbs: the home card's Request purchase, the form's Submit, and the buyer card's three buttons. */
export function requestCardActions(deps: RequestTeamsDeps): (action: CardAction) => Promise<InvokeAnswer> {
  return async (action) => {
    const chat = teamsActor(action);
    const d = action.data;
    if (action.verb === REQUEST_VERBS.open) {
      // The home card's button: the form takes the card's place, as a Slack button opens a modal.
      const opened = await deps.openForm(chat, '');
      return opened.ok ? invokeAnswer.card(requestFormCard(opened.data, { formId: randomUUID() })) : invokeAnswer.message(opened.message);
    }
    if (action.verb === REQUEST_VERBS.submit) {
      const formId = str(d.formId);
      if (!formId) return invokeAnswer.badRequest('invalid_form', 'This form has no id; open a new one with "po request".');
      const form: RequestForm = {
        productId: str(d.productId), quantity: str(d.quantity), uomId: str(d.uomId), warehouseId: str(d.warehouseId),
        neededBy: str(d.neededBy), reason: str(d.reason), vendorId: str(d.vendorId), attachment: str(d.attachment),
      };
      const out = await deps.submit({ chat, formId: `teams-${formId}`, form, chatLink: null });
      if (out.ok) {
        const q = out.request.request;
        return invokeAnswer.card(requestFiledCard(out.request.ref, `${q.quantity} ${q.uom.name} of ${q.product.name} for ${q.warehouse.name} by ${q.neededBy}.`));
      }
      const opened = await deps.openForm(chat, '');
      if (!opened.ok) return invokeAnswer.message(opened.message);
      return invokeAnswer.card(requestFormCard(opened.data, { formId, values: form, errors: out.errors }));
    }
    const kind = action.verb === REQUEST_VERBS.send ? 'send' : action.verb === REQUEST_VERBS.reject ? 'reject' : action.verb === REQUEST_VERBS.ask ? 'ask' : null;
    if (!kind) return invokeAnswer.badRequest('unknown_verb', `the bot does not know the card action "${action.verb}"`);
    const answer = await deps.decide({ requestId: str(d.requestId) ?? '', action: kind, by: chat, text: str(d.requestText) });
    return invokeAnswer.message(answer.message);
  };
}

/** `application/search` for the form's filtered choice sets: products and vendors from Odoo, as the person types. */
export function requestSearch(deps: RequestTeamsDeps) {
  return async (dataset: string, queryText: string): Promise<Array<{ title: string; value: string }> | null> => {
    if (dataset === REQUEST_VERBS.products) return (await deps.products(queryText)).map((p) => ({ title: p.label, value: String(p.id) }));
    if (dataset === REQUEST_VERBS.vendors) return (await deps.vendors(queryText)).map((v) => ({ title: v.name, value: String(v.id) }));
    return null;
  };
}
