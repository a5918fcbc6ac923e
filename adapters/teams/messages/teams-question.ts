import { TurnContext } from 'botbuilder';
import type { KnownMention } from '../../../src/delegation/parse-delegate-command.ts';
import type { RedisMemberDirectory } from '../store/redis-member-directory.ts';
import { teamsUserRef } from '../teams-approval-chat.ts';

/** A message to the bot, read: what was asked and the people mentioned besides the bot. */
export interface TeamsQuestion {
  /** Without the bot's mention and a leading `po` (the manifest's commands are written `po P00042`). */
  text: string;
  /** Other @mentions, written `@Name` in `text`, each tied to the account Teams named. */
  mentions: KnownMention[];
}

const AT_TAG = /<at>(.*?)<\/at>/gi;

/**
 * Whether a message is for the bot, and what it says: every message in a personal chat; in a
 * channel or group chat only one that @mentions the bot (Teams sends the bot every message of a
 * chat it is in when it has the RSC permission: those are not questions). Null when not for the bot.
 */
export async function readTeamsQuestion(context: TurnContext, members: Pick<RedisMemberDirectory, 'get'>): Promise<TeamsQuestion | null> {
  const a = context.activity;
  const personal = (a.conversation?.conversationType ?? 'personal') === 'personal';
  const botId = a.recipient?.id ?? '';
  const mentionsBot = TurnContext.getMentions(a).some((m) => m.mentioned?.id === botId);
  if (!personal && !mentionsBot) return null;
  // removeMentionText works on a copy: the activity stays as Teams sent it for the rest of the turn.
  let text = mentionsBot ? TurnContext.removeMentionText({ ...a, text: a.text ?? '' }, botId) : (a.text ?? '');
  const mentions: KnownMention[] = [];
  for (const m of TurnContext.getMentions(a)) {
    if (!m.mentioned?.id || m.mentioned.id === botId || !m.text) continue;
    const label = `@${m.text.replace(AT_TAG, '$1').trim()}`;
    const member = await members.get(m.mentioned.id);
    const userId = member ? teamsUserRef(member) : ((m.mentioned as { aadObjectId?: string }).aadObjectId ?? m.mentioned.id);
    mentions.push({ text: label, chat: { platform: 'teams', userId, ...(m.mentioned.name ? { displayName: m.mentioned.name } : {}) } });
    text = text.replace(m.text, label);
  }
  text = text.replace(AT_TAG, '@$1').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\/?po\b\s*/i, '');
  return { text, mentions };
}
