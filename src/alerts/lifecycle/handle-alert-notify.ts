import type { ChatUserRef } from '../../approvals/approval-card-view.ts';
import type { OdooGateway } from '../../ports/odoo-gateway.ts';
import type { JobQueue } from '../../ports/job-queue.ts';
import type { AlertEphemeralJob, AlertPostJob, AlertUpdateJob, AskBuyerJob, BurstDigestJob, DigestPostJob } from './alert-jobs.ts';
import { enqueueAlertUpdate } from './alert-jobs.ts';
import type { ExceptionChat } from './exception-chat.ts';
import type { BurstGate, ExceptionStore } from './exception-store.ts';
import { digestRowOf, exceptionViewOf, summarize, type DigestView } from './exception-view.ts';
import type { TrackedException } from './tracked-exception.ts';

export interface AlertNotifyDeps {
  store: ExceptionStore;
  queue: JobQueue;
  burst: BurstGate;
  chat: ExceptionChat;
  odoo: Pick<OdooGateway, 'read'>;
  odooUrl: string;
  now: () => Date;
}

/** Rows in one digest message (Slack allows 50 blocks; the rest are counted). */
export const DIGEST_ROWS_MAX = 20;

const viewOf = (t: TrackedException, deps: AlertNotifyDeps) => exceptionViewOf(t, { odooUrl: deps.odooUrl, now: deps.now() });

/**
 * Posts an exception's message in one channel. Skipped when it cleared, or when a re-alert queued
 * a newer post; a re-run after a crash finds the message it recorded instead of posting twice.
 */
export async function handleAlertPost(job: AlertPostJob, deps: AlertNotifyDeps): Promise<string> {
  const t = await deps.store.get(job.key);
  if (!t) return 'gone';
  if (t.status === 'cleared' && !job.threadOf) return 'cleared';
  if (!job.threadOf && job.post < t.posts) return 'superseded';
  const kind = job.threadOf ? 'thread' : 'message';
  if (!job.threadOf && t.messages.some((m) => m.route === job.channel && m.kind === 'message' && m.post === job.post)) return 'already_posted';
  const posted = await deps.chat.postException(job.channel, viewOf(t, deps), job.threadOf);
  const changed = await deps.store.update(job.key, (cur) => ({
    ...cur,
    messages: [...cur.messages, { ...posted, route: job.channel, kind, post: job.post, postedAt: deps.now().toISOString() }],
  }));
  // The exception moved on while the message was being posted: show the newest state.
  if (changed && changed.before.revision !== t.revision) await enqueueAlertUpdate(deps.queue, changed.after);
  return 'posted';
}

/** Renders the newest state on every message of the exception (digest rows are summaries: left as they are). */
export async function handleAlertUpdate(job: AlertUpdateJob, deps: AlertNotifyDeps): Promise<string> {
  const t = await deps.store.get(job.key);
  if (!t) return 'gone';
  if (t.revision > job.revision + 50) return 'superseded'; // a much newer job renders the same
  const view = viewOf(t, deps);
  const messages = t.messages.filter((m) => m.kind !== 'digest-row');
  for (const m of messages) await deps.chat.updateException(m, view);
  return `updated ${messages.length}`;
}

/** One message for the exceptions a channel got beyond its burst; each row can still be opened and acted on. */
export async function handleBurstDigest(job: BurstDigestJob, deps: AlertNotifyDeps): Promise<string> {
  const keys = await deps.burst.takeHeld(job.channel);
  if (keys.length === 0) return 'empty';
  try {
    return await postDigest(job.channel, keys, 'burst', deps);
  } catch (err) {
    // Nothing is lost: the keys wait for the retry of this job.
    await deps.burst.hold(job.channel, keys);
    throw err;
  }
}

/** The scheduled summary of a channel's open exceptions, by type and age. */
export async function handleDigestPost(job: DigestPostJob, deps: AlertNotifyDeps): Promise<string> {
  return postDigest(job.channel, job.keys, 'scheduled', deps);
}

async function postDigest(channel: string, keys: string[], kind: 'burst' | 'scheduled', deps: AlertNotifyDeps): Promise<string> {
  const now = deps.now();
  const tracked = [...(await deps.store.getMany(keys)).values()].filter((t) => t.status !== 'cleared');
  if (tracked.length === 0) return 'nothing_open';
  tracked.sort((a, b) => b.exception.severity.localeCompare(a.exception.severity) || a.firstSeenAt.localeCompare(b.firstSeenAt));
  const rows = tracked.slice(0, DIGEST_ROWS_MAX).map((t) => digestRowOf(t, { odooUrl: deps.odooUrl, now }));
  const view: DigestView = {
    kind,
    heading: kind === 'burst' ? `${tracked.length} new procurement exceptions` : `${tracked.length} open procurement exceptions`,
    summary: summarize(tracked, now),
    rows,
    more: tracked.length - rows.length,
  };
  const posted = await deps.chat.postDigest(channel, view);
  if (kind === 'burst') {
    // Every exception of a burst digest records where it was summarised (it was posted nowhere else there).
    for (const t of tracked) {
      await deps.store.update(t.key, (cur) => ({ ...cur, messages: [...cur.messages, { ...posted, route: channel, kind: 'digest-row', post: cur.posts, postedAt: now.toISOString() }] }));
    }
  }
  return `digest of ${tracked.length}`;
}

/** Ask buyer: a message in the exception's thread mentioning the PO's buyer (found by their Odoo email). */
export async function handleAskBuyer(job: AskBuyerJob, deps: AlertNotifyDeps): Promise<string> {
  const t = await deps.store.get(job.key);
  if (!t) return 'gone';
  const buyerId = t.exception.records.buyer?.id ?? (t.exception.owner.kind === 'buyer' ? t.exception.owner.odooUserId : null);
  const [buyer] = buyerId ? await deps.odoo.read('user', [buyerId]) : [];
  const email = buyer?.email ?? (buyer?.login.includes('@') ? buyer.login : null);
  const message = t.messages.find((m) => m.channel === job.source.channel && m.messageId === job.source.messageId) ?? t.messages.find((m) => m.channel === job.source.channel) ?? t.messages[0];
  if (!message) return 'no_message';
  // A mention works only on the platform of the thread: the buyer is looked up there.
  const mention: ChatUserRef | null = email ? await deps.chat.findByEmail(email, message.platform) : null;
  const asker = job.actor.displayName ?? job.actor.userId;
  const who = mention ? null : buyer ? `${buyer.name} (no chat account found for ${email ?? buyer.login})` : 'the buyer (the PO names none)';
  const text = `${who ?? ''}${who ? ': ' : ''}${asker} asks about ${t.exception.title}. Can you check with the vendor and update the PO?`;
  await deps.chat.postInThread(message, text, mention);
  return mention ? 'asked' : 'asked_without_mention';
}

export async function handleAlertEphemeral(job: AlertEphemeralJob, deps: AlertNotifyDeps): Promise<string> {
  await deps.chat.sendEphemeral(job.channel, job.user, job.text);
  return 'sent';
}
