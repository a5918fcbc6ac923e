import { chatAddress } from '../../alerts/lifecycle/chat-address.ts';
import { BusinessRefusal } from '../../errors/coded-error.ts';
import type { ChatPlatform, ChatTarget } from '../../ports/chat.ts';
import type { OdooGateway } from '../../ports/odoo-gateway.ts';
import { triageCardViewOf } from './triage-card-view.ts';
import type { TriageChannelMessageJob, TriageEphemeralJob, TriagePostCardJob, TriageUpdateCardsJob } from './triage-jobs.ts';
import type { TriageChat, TriageStore } from './triage-ports.ts';
import type { CardTarget } from './triage-proposal.ts';

export interface TriageNotifyDeps {
  store: TriageStore;
  odoo: Pick<OdooGateway, 'read'>;
  /** The chat adapter of a platform, or null when it is not configured. */
  chat: (platform: ChatPlatform) => TriageChat | null;
  /** The platform of a channel named without a `teams:` / `slack:` prefix (see chatAddress). */
  platform: ChatPlatform;
  /**
   * Every configured platform: a buyer is looked up on the platform of their fallback channel
   * first, then on the others; found nowhere, the card goes to the fallback channel.
   * @defaultValue [platform]
   */
  platforms?: readonly ChatPlatform[];
  odooUrl: string;
}

function chatFor(deps: TriageNotifyDeps, platform: ChatPlatform): TriageChat {
  const chat = deps.chat(platform);
  if (!chat) throw new BusinessRefusal('platform_not_configured', `${platform} is not configured; cannot deliver the triage card`);
  return chat;
}

function channelTarget(channel: string, deps: TriageNotifyDeps): ChatTarget {
  const address = chatAddress(channel, deps.platform);
  return { kind: 'channel', platform: address.platform, channel: address.channel };
}

/** The buyer's DM (their Odoo email, looked up in chat, fallback channel's platform first), else the fallback channel. */
async function resolveTarget(target: CardTarget, deps: TriageNotifyDeps): Promise<ChatTarget> {
  if (target.kind === 'channel') return channelTarget(target.channel, deps);
  const fallback = channelTarget(target.fallbackChannel, deps);
  const [user] = await deps.odoo.read('user', [target.odooUserId]);
  const email = user?.email ?? (user?.login.includes('@') ? user.login : null);
  if (!email) return fallback;
  const order = [fallback.platform, ...(deps.platforms ?? [deps.platform]).filter((p) => p !== fallback.platform)];
  for (const platform of order) {
    const chat = deps.chat(platform);
    const chatUser = chat ? await chat.findByEmail(email) : null;
    if (chatUser) return { kind: 'user', platform, userId: chatUser.userId };
  }
  return fallback;
}

/** Posts a proposal's card once; a re-run after the card was recorded posts nothing. */
export async function handleTriagePostCard(job: TriagePostCardJob, deps: TriageNotifyDeps): Promise<string> {
  const proposal = await deps.store.get(job.proposalId);
  if (!proposal) return 'proposal_gone';
  if (proposal.cards.length > 0) return 'already_posted';
  const target = await resolveTarget(proposal.target, deps);
  const chat = chatFor(deps, target.platform);
  const posted = await chat.postCard(target, triageCardViewOf(proposal, { odooUrl: deps.odooUrl }));
  const after = await deps.store.update(proposal.id, (p) => (p.cards.some((c) => c.messageId === posted.messageId && c.channel === posted.channel) ? p : { ...p, cards: [...p.cards, posted] }));
  // The proposal may have moved on while the card was being posted: show the newest state.
  if (after && after.revision !== proposal.revision + 1) await chat.updateCard(posted, triageCardViewOf(after, { odooUrl: deps.odooUrl }));
  return target.kind === 'user' ? 'posted_to_buyer' : 'posted_to_channel';
}

/** Renders the newest state of a proposal on its cards. */
export async function handleTriageUpdateCards(job: TriageUpdateCardsJob, deps: TriageNotifyDeps): Promise<string> {
  const proposal = await deps.store.get(job.proposalId);
  if (!proposal) return 'proposal_gone';
  const view = triageCardViewOf(proposal, { odooUrl: deps.odooUrl });
  for (const card of proposal.cards) await chatFor(deps, card.platform).updateCard(card, view);
  return `updated ${proposal.cards.length}`;
}

export async function handleTriageEphemeral(job: TriageEphemeralJob, deps: TriageNotifyDeps): Promise<string> {
  await chatFor(deps, job.platform).sendEphemeral(job.channel, job.user, job.text);
  return 'sent';
}

export async function handleTriageChannelMessage(job: TriageChannelMessageJob, deps: TriageNotifyDeps): Promise<string> {
  // A channel the policy names with a platform prefix goes there, whoever's click caused the message.
  const address = chatAddress(job.channel, job.platform);
  await chatFor(deps, address.platform).postText(address.platform, address.channel, job.text);
  return 'sent';
}
