import type { ChatUserRef } from '../approvals/approval-card-view.ts';
import { clearDelegation } from './clear-delegation.ts';
import { refused, type DelegationAnswer } from './delegation-answer.ts';
import type { DelegationDeps } from './delegation-deps.ts';
import { DELEGATE_USAGE, parseDelegateCommand, type KnownMention } from './parse-delegate-command.ts';
import { setDelegation } from './set-delegation.ts';
import { showDelegation } from './show-delegation.ts';

const USAGE = DELEGATE_USAGE.map((u) => `• ${u}`).join('\n');

/**
 * `/po delegate ...` from any chat platform: parse, find who asks in Odoo, then set, end or show.
 * Null when the text is not a delegation command (the status command answers it instead).
 */
export async function answerDelegateCommand(chat: ChatUserRef, text: string, deps: DelegationDeps, mentions: readonly KnownMention[] = []): Promise<DelegationAnswer | null> {
  const command = parseDelegateCommand(text, mentions);
  if (!command) return null;
  if (command.kind === 'help') return { kind: 'info', text: `While you are away, your approvals can go to someone else:\n${USAGE}` };
  if (command.kind === 'invalid') return refused('invalid_command', `${command.message}\n${USAGE}`);
  const issuer = await deps.identify(chat);
  if (!issuer.ok) {
    return refused('issuer_unmapped', `I don't know who you are in Odoo, so I can't delegate your approvals. ${issuer.message.replace(/ Ask an admin.*$/, '')} Ask the bot admin to add you under \`identities:\` in the policy file.`);
  }
  switch (command.kind) {
    case 'show':
      return showDelegation(chat.userId, issuer.approver, deps);
    case 'off':
      return clearDelegation(chat, issuer.approver, deps);
    case 'set':
      return setDelegation(chat, issuer.approver, command, deps);
  }
}
