import { TZDate } from '@date-fns/tz';
import type { ChatUserRef } from '../../approvals/approval-card-view.ts';
import type { ChatProfile } from '../../ports/chat.ts';
import type { OdooGateway } from '../../ports/odoo-gateway.ts';
import type { JobQueue } from '../../ports/job-queue.ts';
import { jobId } from '../../queue/job-id.ts';
import { localDayOf, shiftDay } from '../../time/local-day.ts';
import { fingerprintOf } from '../exception.ts';
import type { LifecycleSettings } from './alerts-settings.ts';
import { ALERT_JOBS, enqueueAlertEphemeral, enqueueAlertPost, enqueueAlertUpdate, type AlertWriteBackJob, type AskBuyerJob } from './alert-jobs.ts';
import type { ExceptionChat } from './exception-chat.ts';
import type { ExceptionClick } from './exception-click.ts';
import type { AlertObserver, ExceptionStore } from './exception-store.ts';
import { stateOf, type ExceptionActor, type TrackedException } from './tracked-exception.ts';

export interface ActDeps {
  store: ExceptionStore;
  queue: JobQueue;
  odoo: Pick<OdooGateway, 'search'>;
  chat: Pick<ExceptionChat, 'profile'>;
  lifecycle: Pick<LifecycleSettings, 'snoozeUntilTomorrowAt'>;
  /** The policy's working calendar zone: "until tomorrow" is tomorrow morning there. */
  timeZone: string;
  /** The policy's identity override (chat user -> Odoo login), if any. */
  loginOverride?: (actor: ChatUserRef) => string | null;
  observer: AlertObserver;
  now: () => Date;
}

export const UNKNOWN_EXCEPTION = 'I am not tracking that exception (any more): it may have been resolved and cleaned up. Open the record in Odoo to check where it stands.';
export const NO_ODOO_ACCOUNT = 'I cannot find your Odoo account (no Odoo user has your chat email as login or email), so I cannot make you the owner: ownership is written to Odoo as an activity for you. Ask an admin to map your account in the policy file.';

const hm = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
const whoOf = (a: ExceptionActor) => a.chat.displayName ?? a.odooLogin ?? a.chat.userId;

/** The Odoo user behind a chat user: the policy's override, else their chat profile's email. */
async function odooUserOf(actor: ChatUserRef, profile: ChatProfile | null, deps: ActDeps): Promise<{ id: number; login: string } | null> {
  const login = deps.loginOverride?.(actor) ?? null;
  if (login) {
    const [u] = await deps.odoo.search('user', { domain: [['login', '=', login]], limit: 1 });
    return u ? { id: u.id, login: u.login } : null;
  }
  if (!profile?.email || profile.deleted || profile.isBot) return null;
  const email = profile.email.toLowerCase();
  const [byLogin] = await deps.odoo.search('user', { domain: [['login', '=', email]], limit: 1 });
  const [u] = byLogin ? [byLogin] : await deps.odoo.search('user', { domain: [['email', '=', email]], limit: 1 });
  return u && u.active && !u.share ? { id: u.id, login: u.login } : null;
}

/** "Until tomorrow": the configured local time on the next calendar day, in the policy's zone. */
export function tomorrowAt(now: Date, hhmm: string, timeZone: string): Date {
  const d = shiftDay(localDayOf(now, timeZone), 1);
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(new TZDate(d.year, d.month, d.day, h, m, timeZone).getTime());
}

/**
 * A person's click on an exception, from the writeback queue: one atomic transition of the stored
 * exception (acknowledge, take ownership, snooze), then the message update and the Odoo write-back
 * as jobs. Refusals and "already done" answers go to the clicker alone.
 */
export async function actOnException(received: ExceptionClick, deps: ActDeps): Promise<string> {
  // A Slack click carries the handle (`casey.morgan`); cards, notes and the buyer's question name
  // the person as their profile does ("Casey Morgan").
  const profile = await deps.chat.profile(received.actor);
  const click: ExceptionClick = profile?.displayName ? { ...received, actor: { ...received.actor, displayName: profile.displayName } } : received;
  const tell = (text: string) => enqueueAlertEphemeral(deps.queue, { channel: click.source.channel, user: click.actor, text }, `${click.clickId}-answer`);
  const t = await deps.store.get(click.key);
  if (!t) {
    await tell(UNKNOWN_EXCEPTION);
    return 'unknown_exception';
  }
  const now = deps.now();
  const at = now.toISOString();
  if (click.action === 'open') {
    if (!click.source.messageId) return 'no_message';
    await enqueueAlertPost(deps.queue, { key: t.key, channel: click.source.channel, post: t.posts, threadOf: { platform: click.source.platform, channel: click.source.channel, messageId: click.source.messageId } }, `-open-${click.clickId}`);
    return 'opened_in_thread';
  }
  if (t.status === 'cleared') {
    await tell(`${t.exception.title}: already resolved (${t.clearedReason ?? 'the condition cleared'}). Nothing to do.`);
    return 'already_cleared';
  }
  if (click.action === 'ask-buyer') {
    const job: AskBuyerJob = { key: t.key, actor: click.actor, source: click.source };
    await deps.queue.enqueue('notify', ALERT_JOBS.askBuyer, job, { jobId: jobId('alert-ask-buyer', click.clickId) });
    return 'asked';
  }
  const odooUser = click.action === 'acknowledge' || click.action === 'own' ? await odooUserOf(click.actor, profile, deps) : null;
  const actor: ExceptionActor = { chat: click.actor, odooUserId: odooUser?.id ?? null, odooLogin: odooUser?.login ?? null, at };

  if (click.action === 'own') {
    if (!odooUser) {
      await tell(NO_ODOO_ACCOUNT);
      return 'refused_no_odoo_account';
    }
    let already: ExceptionActor | null = null;
    const changed = await deps.store.update(t.key, (cur) => {
      already = cur.owner && cur.owner.odooUserId === odooUser.id ? cur.owner : null;
      return already || cur.status === 'cleared' ? cur : { ...cur, status: 'owned', owner: actor };
    });
    if (!changed) return 'unknown_exception';
    if (already) {
      await tell(`You already own this exception (since ${hm((already as ExceptionActor).at)}).`);
      return 'already_owned';
    }
    deps.observer.transition(t.type, 'owned');
    await afterChange(changed.after, 'own', actor, odooUser.id, deps);
    return 'owned';
  }

  if (click.action === 'acknowledge') {
    let first = false;
    const changed = await deps.store.update(t.key, (cur) => {
      first = cur.acknowledged === null && cur.status !== 'cleared';
      return first ? { ...cur, status: cur.status === 'owned' ? 'owned' : 'acknowledged', acknowledged: actor } : cur;
    });
    if (!changed) return 'unknown_exception';
    if (!first) {
      const by = changed.after.acknowledged;
      await tell(by ? `Already acknowledged by ${whoOf(by)} at ${hm(by.at)}.` : 'This exception is resolved already.');
      return 'already_acknowledged';
    }
    deps.observer.transition(t.type, 'acknowledged');
    deps.observer.acknowledged(t.type, (now.getTime() - Date.parse(changed.after.firstSeenAt)) / 1000);
    const assignee = changed.after.owner?.odooUserId ?? changed.after.routedOwner?.odooUserId ?? (await ownerIdOfLogin(changed.after, deps)) ?? odooUser?.id ?? null;
    await afterChange(changed.after, 'acknowledge', actor, assignee, deps);
    return 'acknowledged';
  }

  // Snooze: holds re-alerts (severity up, escalation) until it ends; the message says until when.
  const until = click.action === 'snooze-1h' ? new Date(now.getTime() + 3_600_000) : click.action === 'snooze-4h' ? new Date(now.getTime() + 4 * 3_600_000) : tomorrowAt(now, deps.lifecycle.snoozeUntilTomorrowAt, deps.timeZone);
  const changed = await deps.store.update(t.key, (cur) => (cur.status === 'cleared' ? cur : { ...cur, snoozedUntil: until.toISOString(), snoozedBy: actor }));
  if (!changed) return 'unknown_exception';
  deps.observer.transition(t.type, 'snoozed');
  await enqueueAlertUpdate(deps.queue, changed.after);
  return stateOf(changed.after, now) === 'snoozed' ? 'snoozed' : 'not_snoozed';
}

async function ownerIdOfLogin(t: TrackedException, deps: ActDeps): Promise<number | null> {
  const login = t.routedOwner?.odooLogin;
  if (!login) return null;
  const [u] = await deps.odoo.search('user', { domain: [['login', '=', login]], limit: 1 });
  return u?.id ?? null;
}

/** The message shows the new state; Odoo gets an activity and a chatter note, once, from the writeback queue. */
async function afterChange(t: TrackedException, action: 'acknowledge' | 'own', actor: ExceptionActor, assigneeId: number | null, deps: ActDeps): Promise<void> {
  await enqueueAlertUpdate(deps.queue, t);
  const marker = `alert-${fingerprintOf([t.key, action, actor.at, actor.chat.userId]).slice(0, 12)}`;
  const job: AlertWriteBackJob = { key: t.key, action, marker, actor: { chat: actor.chat, odooUserId: actor.odooUserId, odooLogin: actor.odooLogin }, assigneeId, at: actor.at };
  await deps.queue.enqueue('writeback', ALERT_JOBS.writeBack, job, { jobId: jobId('alert-wb', marker) });
}
