import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ChatUserRef } from '../../../../src/approvals/approval-card-view.ts';
import type { DelegateCommandListener } from './delegate-command.ts';
import type { DelegationAnswer } from '../../../../src/delegation/delegation-answer.ts';
import type { AppHomeView, StatusAnswer, StatusQuery } from '../../../../src/status/index.ts';

/** What the status listeners (the /po command, mentions, DMs, the home tab) need: the use cases, bound. */
export interface StatusListenerDeps {
  /** A question in words, or a structured query (a "More" click), for a chat user. */
  ask(chat: ChatUserRef, question: string | StatusQuery): Promise<StatusAnswer>;
  home(chat: ChatUserRef): Promise<AppHomeView>;
  logger: Logger;
  /** The slash command as the manifest declares it. @defaultValue '/po' */
  command?: string;
  /** `/po delegate ...`, when the delegation feature is wired; without it, such texts are questions. */
  delegate?: DelegateCommandListener;
  /** `delegate ...` written in the bot's DM: the same answer as the command, or null when not wired. */
  answerDelegation?: (chat: ChatUserRef, text: string) => Promise<DelegationAnswer | null>;
  /** Purchase requests (the requests feature), when wired: `/po request`, plain words in the DM, the Home tab's part, `/po mine`'s list. */
  requests?: StatusRequestHooks;
}

export interface StatusRequestHooks {
  /** `/po request ...` opens the form. */
  command(args: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void>;
  /** Words in the bot's DM that ask for a purchase: the answer offering the prefilled form, else null. */
  answerWords(text: string): { text: string; blocks: unknown[] } | null;
  /** Blocks the Home tab shows under its header (the button and the person's requests). */
  homeBlocks(chat: ChatUserRef): Promise<unknown[]>;
  /** `/po mine`'s second part: the person's requests, or null when they have none. */
  mineText(chat: ChatUserRef): Promise<string | null>;
}

/** Why an answer failed, for the person who asked (Odoo down, a timeout): never a stack trace. */
export function failureText(err: unknown): string {
  const code = err && typeof err === 'object' && 'code' in err ? String((err as { code: unknown }).code) : '';
  const why = code.startsWith('odoo_') ? 'Odoo did not answer' : 'something went wrong';
  return `Sorry, I could not answer that: ${why}. Try again in a minute.`;
}

export const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));
