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
  /** The platform cards go to (Slack today). */
  platform: ChatPlatform;
  odooUrl: string;
}

function chatFor(deps: TriageNotifyDeps, platform: ChatPlatform): TriageChat {
  const chat = deps.chat(platform);
  if (!chat) throw new BusinessRefusal('platform_not_configured', `${platform} is not configured; cannot deliver the triage card`);
  return chat;
}

/** The buyer's DM (their Odoo email, looked up in chat), else the fallback channel. */
async function resolveTarget(target: CardTarget, deps: TriageNotifyDeps): Promise<ChatTarget> {
  if (target.kind === 'channel') return { kind: 'channel', platform: deps.platform, channel: target.channel };
  const [user] = await deps.odoo.read('user', [target.odooUserId]);
  const email = user?.email ?? (user?.login.includes('@') ? user.login : null);
  const chatUser = email ? await chatFor(deps, deps.platform).findByEmail(email) : null;
  return chatUser ? { kind: 'user', platform: deps.platform, userId: chatUser.userId } : { kind: 'channel', platform: deps.platform, channel: target.fallbackChannel };
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
  await chatFor(deps, job.platform).postText(job.platform, job.channel, job.text);
  return 'sent';
}
