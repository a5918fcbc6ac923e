import { isDeepStrictEqual } from 'node:util';
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { addressesOf, captureAddedMembers, captureRoster, tellNewPeople } from './capture-roster.ts';
import { baseConversationId, type RedisConversationStore, type StoredConversation } from './store/redis-conversation-store.ts';
import type { RedisMemberDirectory } from './store/redis-member-directory.ts';

interface TeamsChannelData {
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
  tenant?: { id?: string };
}

export interface CaptureDeps {
  conversations: RedisConversationStore;
  members: RedisMemberDirectory;
  logger: Logger;
  now: () => Date;
  /**
   * A member record younger than this is not asked for again (TeamsInfo.getMember is one
   * connector call per turn otherwise).
   * @defaultValue 3_600_000
   */
  memberTtlMs?: number;
  /** Told once per conversation the bot meets for the first time (cards waiting for it are retried). */
  onNewConversation?: (ref: StoredConversation) => Promise<unknown>;
  /** Told the emails / UPNs of people stored for the first time (cards waiting for them are retried). */
  onNewPeople?: (addresses: string[]) => Promise<unknown>;
}

/**
 * Remembers where the bot is and who talks to it, from any inbound activity: the conversation
 * reference (so workers can post proactively) and the sender's Teams profile with email / UPN
 * (so workers can resolve a clicker and find people by email). Installation and
 * conversationUpdate activities go through here too.
 */
export async function captureTurn(context: TurnContext, deps: CaptureDeps): Promise<void> {
  const a = context.activity;
  if (a.channelId !== 'msteams' && a.channelId !== 'emulator' && a.channelId !== 'test') return;
  const data = (a.channelData ?? {}) as TeamsChannelData;
  const conversationId = baseConversationId(a.conversation.id);
  const kind = kindOf(a.conversation.conversationType);
  const tenantId = a.conversation.tenantId ?? data.tenant?.id;
  if (botRemoved(context)) {
    await deps.conversations.remove(conversationId);
    deps.logger.info({ conversation: conversationId, kind }, 'teams: the bot was removed from a conversation; its reference is forgotten');
    return;
  }
  const previous = await deps.conversations.get(conversationId);
  const ref: StoredConversation = {
    conversation: { id: conversationId, conversationType: kind, ...(tenantId ? { tenantId } : {}), ...(a.conversation.name ? { name: a.conversation.name } : {}) },
    serviceUrl: a.serviceUrl,
    channelId: a.channelId,
    bot: { id: a.recipient.id, ...(a.recipient.name ? { name: a.recipient.name } : {}) },
    kind,
    ...(tenantId ? { tenantId } : {}),
    // Channel and team names come only on some activities (conversationUpdate, channel events): keep the last known.
    ...optional('teamId', data.team?.id ?? previous?.teamId),
    ...optional('teamName', data.team?.name ?? previous?.teamName),
    ...optional('channelName', (data.channel?.id === conversationId ? data.channel?.name : undefined) ?? previous?.channelName),
    ...optional('userId', kind === 'personal' && isPerson(a.from?.id, a.recipient.id) ? a.from.id : previous?.userId),
    ...optional('locale', a.locale),
    savedAt: deps.now().toISOString(),
  };
  // Every click arrives here: write the reference only when something in it changed.
  if (!previous || !sameReference(previous, ref)) await deps.conversations.save(ref);
  if (kind !== 'personal') await captureMembership(context, deps);
  if (!previous && deps.onNewConversation) {
    await deps.onNewConversation(ref).catch((err: unknown) => deps.logger.warn({ err: err instanceof Error ? err.message : String(err), conversation: conversationId }, 'teams: could not redeliver the cards waiting for this conversation'));
  }

  const from = a.from;
  if (!isPerson(from?.id, a.recipient.id)) return;
  const known = await deps.members.get(from.id);
  const fresh = known && deps.now().getTime() - Date.parse(known.capturedAt) < (deps.memberTtlMs ?? 3_600_000);
  const personalConversationId = kind === 'personal' ? conversationId : known?.personalConversationId;
  if (fresh && known.personalConversationId === personalConversationId && known.serviceUrl === a.serviceUrl) return;
  try {
    const member = await TeamsInfo.getMember(context, from.id);
    await deps.members.save({
      id: member.id ?? from.id,
      ...optional('aadObjectId', member.aadObjectId ?? from.aadObjectId),
      name: member.name ?? from.name ?? from.id,
      ...optional('email', member.email),
      ...optional('userPrincipalName', member.userPrincipalName),
      ...optional('tenantId', member.tenantId ?? tenantId),
      serviceUrl: a.serviceUrl,
      botId: a.recipient.id,
      ...optional('personalConversationId', personalConversationId),
      capturedAt: deps.now().toISOString(),
    });
    if (!known) await tellNewPeople(addressesOf(member), deps);
  } catch (err) {
    // The turn still works without a profile; decisions by this person are refused until one is known.
    deps.logger.warn({ err: err instanceof Error ? err.message : String(err), userId: from.id }, 'teams member lookup failed');
  }
}

/**
 * The bot added to a team or group chat: store its roster; people added later: store them. So
 * approvers are found by email for their DMs before they ever talk to the bot. A failure costs
 * only the directory entries (people are still captured when they talk), never the turn.
 */
async function captureMembership(context: TurnContext, deps: CaptureDeps): Promise<void> {
  const a = context.activity;
  const added = (a.membersAdded ?? []).map((m) => m.id).filter((id): id is string => typeof id === 'string' && id.length > 0);
  const botAdded = (a.type === 'conversationUpdate' && added.includes(a.recipient.id)) || (a.type === 'installationUpdate' && a.action === 'add');
  const people = added.filter((id) => isPerson(id, a.recipient.id));
  try {
    if (botAdded) await captureRoster(context, deps);
    else if (a.type === 'conversationUpdate' && people.length > 0) await captureAddedMembers(context, people, deps);
  } catch (err) {
    deps.logger.warn({ err: err instanceof Error ? err.message : String(err), conversation: a.conversation.id }, 'teams: could not read the roster');
  }
}

function sameReference(a: StoredConversation, b: StoredConversation): boolean {
  const { savedAt: _a, ...left } = a;
  const { savedAt: _b, ...right } = b;
  return isDeepStrictEqual(left, right);
}

/** Uninstalled (personal or team scope), or taken out of the team or group chat. */
function botRemoved(context: TurnContext): boolean {
  const a = context.activity;
  if (a.type === 'installationUpdate') return a.action === 'remove';
  return a.type === 'conversationUpdate' && (a.membersRemoved ?? []).some((m) => m.id === a.recipient.id);
}

function kindOf(type: string | undefined): StoredConversation['kind'] {
  return type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
}

function isPerson(id: string | undefined, botId: string): id is string {
  return typeof id === 'string' && id.length > 0 && id !== botId && !id.startsWith('28:');
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}
