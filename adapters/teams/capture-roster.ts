import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { RedisMemberDirectory } from './store/redis-member-directory.ts';

/** Teams pages rosters at most 500 members at a time. */
const PAGE_SIZE = 500;
/** A roster is read once per installation; beyond this many members the rest come as they talk. */
const MAX_MEMBERS = 20_000;

export interface RosterDeps {
  members: RedisMemberDirectory;
  logger: Logger;
  now: () => Date;
  /** Told the emails / UPNs of people stored for the first time (cards waiting for them are retried). */
  onNewPeople?: (addresses: string[]) => Promise<unknown>;
}

/**
 * When the bot is added to a team or a group chat, every member is stored in the member directory
 * (name, email, UPN, AAD id, where to reach them). Approval DMs, triage cards and "ask buyer"
 * mentions find people by their Odoo email: without the roster, only people who had already
 * talked to the bot could be reached, and an approver who never had would get no card in Teams.
 * A person's personal chat with the bot, when known, is kept. Returns how many were stored.
 */
export async function captureRoster(context: TurnContext, deps: RosterDeps): Promise<number> {
  const a = context.activity;
  let token: string | undefined;
  let stored = 0;
  const newcomers: string[] = [];
  do {
    const page = await TeamsInfo.getPagedMembers(context, PAGE_SIZE, token);
    for (const member of page.members ?? []) {
      const saved = await saveMember(member, context, deps);
      if (saved) stored++;
      if (saved === 'new') newcomers.push(...addressesOf(member));
    }
    token = page.continuationToken ?? undefined;
  } while (token && stored < MAX_MEMBERS);
  await tellNewPeople(newcomers, deps);
  deps.logger.info({ conversation: a.conversation.id, members: stored }, 'teams: stored the roster of a team or chat the bot was added to');
  return stored;
}

/** People added to a team or chat the bot is already in: one lookup each. */
export async function captureAddedMembers(context: TurnContext, ids: readonly string[], deps: RosterDeps): Promise<void> {
  const newcomers: string[] = [];
  for (const id of ids) {
    try {
      const member = await TeamsInfo.getMember(context, id);
      if ((await saveMember(member, context, deps)) === 'new') newcomers.push(...addressesOf(member));
    } catch (err) {
      deps.logger.warn({ err: err instanceof Error ? err.message : String(err), userId: id }, 'teams: could not look up an added member');
    }
  }
  await tellNewPeople(newcomers, deps);
}

export function addressesOf(member: { email?: string | undefined; userPrincipalName?: string | undefined }): string[] {
  return [member.email, member.userPrincipalName].filter((a): a is string => typeof a === 'string' && a.length > 0);
}

/** A failure here costs a retry of waiting cards, never the turn: they stay retryable from ops. */
export async function tellNewPeople(addresses: string[], deps: Pick<RosterDeps, 'onNewPeople' | 'logger'>): Promise<void> {
  if (addresses.length === 0 || !deps.onNewPeople) return;
  await deps.onNewPeople(addresses).catch((err: unknown) => deps.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'teams: could not retry the cards waiting for new people'));
}

/** Stores one member; 'new' the first time the directory sees them, else 'updated' (false: not a person). */
async function saveMember(member: TeamsChannelAccount, context: TurnContext, deps: RosterDeps): Promise<'new' | 'updated' | false> {
  const a = context.activity;
  if (!member.id || member.id === a.recipient.id || member.id.startsWith('28:')) return false;
  const known = await deps.members.get(member.id);
  const tenantId = member.tenantId ?? a.conversation.tenantId ?? known?.tenantId;
  await deps.members.save({
    id: member.id,
    ...(member.aadObjectId ? { aadObjectId: member.aadObjectId } : known?.aadObjectId ? { aadObjectId: known.aadObjectId } : {}),
    name: member.name ?? known?.name ?? member.id,
    ...(member.email ?? known?.email ? { email: member.email ?? known?.email } : {}),
    ...(member.userPrincipalName ?? known?.userPrincipalName ? { userPrincipalName: member.userPrincipalName ?? known?.userPrincipalName } : {}),
    ...(tenantId ? { tenantId } : {}),
    serviceUrl: a.serviceUrl,
    botId: a.recipient.id,
    ...(known?.personalConversationId ? { personalConversationId: known.personalConversationId } : {}),
    capturedAt: deps.now().toISOString(),
  });
  return known ? 'updated' : 'new';
}
