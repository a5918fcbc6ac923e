import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { ChatUserRef } from '../../../src/approvals/approval-card-view.ts';
import type { DelegationAnswer } from '../../../src/delegation/delegation-answer.ts';
import { isDelegateCommand, type KnownMention } from '../../../src/delegation/parse-delegate-command.ts';
import type { AppHomeView, StatusAnswer, StatusQuery } from '../../../src/status/index.ts';
import { parseCommand } from '../../../src/status/index.ts';
import { appHomeCard } from '../cards/app-home-card.ts';
import { plainCardText } from '../cards/escape-card-text.ts';
import { statusAnswerCard } from '../cards/status-answer.ts';
import type { RedisMemberDirectory } from '../store/redis-member-directory.ts';
import { cardMessage, teamsUserRef } from '../teams-approval-chat.ts';
import type { MessageHandler } from '../teams-routes.ts';
import type { TeamsMessage } from '../teams-sender.ts';
import { readTeamsQuestion } from './teams-question.ts';

export interface StatusMessageDeps {
  ask(chat: ChatUserRef, question: string | StatusQuery): Promise<StatusAnswer>;
  home(chat: ChatUserRef): Promise<AppHomeView>;
  /** `po delegate ...` (the delegation feature); without it, such texts are answered as questions. */
  delegate?: (chat: ChatUserRef, text: string, mentions: readonly KnownMention[]) => Promise<DelegationAnswer | null>;
  members: Pick<RedisMemberDirectory, 'get'>;
  logger: Logger;
}

/** `po home` (or `home`): the Slack App Home's view as a card (Teams bots have no home tab). */
const HOME = /^(?:home|my home|dashboard)$/i;

/**
 * Status questions in Teams: `po P00042`, `po late`, `po mine`, `po unconfirmed ...`, `help` and
 * plain words, in a personal chat or with an @mention in a channel or group chat, answered as an
 * Adaptive Card in the same conversation (a channel answer goes in the question's thread). The
 * same use cases as Slack's `/po` answer; reads only, so they run in the turn.
 */
export function statusMessages(deps: StatusMessageDeps): MessageHandler {
  return async (context) => {
    const question = await readTeamsQuestion(context, deps.members);
    if (!question) return false;
    const from = context.activity.from;
    const chat: ChatUserRef = { platform: 'teams', userId: teamsUserRef({ id: from?.id ?? '', aadObjectId: from?.aadObjectId }), ...(from?.name ? { displayName: from.name.slice(0, 200) } : {}) };
    const { text } = parseCommand(question.text);
    let reply: TeamsMessage;
    try {
      reply = await answer(chat, text, question.mentions, deps);
    } catch (err) {
      deps.logger.warn({ err: err instanceof Error ? err.message : String(err), user: chat.userId }, 'teams status question failed');
      reply = textReply(failureText(err));
    }
    await send(context, reply, deps.logger);
    return true;
  };
}

async function answer(chat: ChatUserRef, text: string, mentions: readonly KnownMention[], deps: StatusMessageDeps): Promise<TeamsMessage> {
  if (deps.delegate && isDelegateCommand(text)) {
    const result = await deps.delegate(chat, text, mentions);
    if (result) return textReply(result.text);
  }
  if (HOME.test(text)) return cardMessage(appHomeCard(await deps.home(chat)), 'Your procurement overview');
  const result = await deps.ask(chat, text || 'help');
  return cardMessage(statusAnswerCard(result), summaryOf(result));
}

function summaryOf(answer: StatusAnswer): string {
  switch (answer.kind) {
    case 'po_status':
      return `${answer.po.orderName}: ${answer.po.stateWords}`;
    case 'list':
      return answer.list.title;
    case 'help':
      return 'What I can answer';
    default:
      return 'Purchase order status';
  }
}

function textReply(text: string): TeamsMessage {
  return { type: 'message', text: plainCardText(text, 4_000), textFormat: 'plain' };
}

/** Why an answer failed, for the person who asked (Odoo down, a timeout): never a stack trace. */
function failureText(err: unknown): string {
  const code = err && typeof err === 'object' && 'code' in err ? String((err as { code: unknown }).code) : '';
  return `Sorry, I could not answer that: ${code.startsWith('odoo_') ? 'Odoo did not answer' : 'something went wrong'}. Try again in a minute.`;
}

/** In the turn, a send replies to the question: in a channel that is the question's thread. */
async function send(context: TurnContext, reply: TeamsMessage, logger: Logger): Promise<void> {
  try {
    await context.sendActivity(reply);
  } catch (err) {
    logger.warn({ err: err instanceof Error ? err.message : String(err), conversation: context.activity.conversation?.id }, 'could not answer the Teams question');
  }
}
