import type { Job, Queue } from 'bullmq';
import type { Logger } from 'pino';
import { TARGET_UNRESOLVED_TEXT } from '../../src/approvals/handle-notify-jobs.ts';
import { NOTIFY_JOBS, type PostCardJob } from '../../src/approvals/notify-jobs.ts';
import type { RedisConversationStore, StoredConversation } from './store/redis-conversation-store.ts';

/** The start of the refusal TeamsSender throws for a channel the bot has not met yet. */
export const UNKNOWN_CONVERSATION_REASON = 'the bot knows no Teams conversation "';


/** How many failed jobs one installation looks through (newest first). */
const FAILED_JOBS_SCANNED = 1_000;

/**
 * A card routed to a Teams channel before the bot was added there fails (`teams_conversation_unknown`)
 * and stays in the notify queue's failed set. When the bot is then installed in that channel or
 * chat, those jobs are retried: the cards arrive instead of being lost. Only jobs whose target
 * now resolves to THIS conversation are retried, so a failure for another channel stays put.
 * Returns how many jobs were retried.
 */
export async function redeliverOnInstall(
  installed: StoredConversation,
  deps: { notify: Pick<Queue, 'getFailed'>; conversations: Pick<RedisConversationStore, 'find'>; logger: Logger },
): Promise<number> {
  const failed: Job[] = await deps.notify.getFailed(0, FAILED_JOBS_SCANNED - 1);
  let retried = 0;
  for (const job of failed) {
    const target = unknownTargetOf(job.failedReason);
    if (target === null) continue;
    const ref = await deps.conversations.find(target);
    if (ref?.conversation.id !== installed.conversation.id) continue;
    try {
      await job.retry('failed');
      retried++;
    } catch (err) {
      // Another web process retried it at the same moment (the job is no longer failed): fine.
      deps.logger.debug({ err: err instanceof Error ? err.message : String(err), job: job.id }, 'teams redelivery: job not retried');
    }
  }
  if (retried > 0) deps.logger.info({ conversation: installed.conversation.id, retried }, 'bot installed in a Teams conversation: retried the cards that were waiting for it');
  return retried;
}

/** The conversation a failed job could not reach, from TeamsSender's refusal message. */
export function unknownTargetOf(failedReason: string | undefined): string | null {
  if (!failedReason) return null;
  const at = failedReason.indexOf(UNKNOWN_CONVERSATION_REASON);
  if (at < 0) return null;
  const start = at + UNKNOWN_CONVERSATION_REASON.length;
  const end = failedReason.indexOf('"', start);
  return end > start ? failedReason.slice(start, end) : null;
}

/**
 * A card for a person the bot could not find in Teams (`target_unresolved`: nobody with their Odoo
 * login as email or UPN) stays in the failed jobs; when such people become known (the roster of a
 * team the bot joins, someone who installs the app or writes to it), their cards are retried.
 * One scan of the failed jobs for any number of people. Returns how many jobs were retried.
 */
export async function redeliverToPeople(addresses: readonly string[], deps: { notify: Pick<Queue, 'getFailed'>; logger: Logger }): Promise<number> {
  const wanted = new Set(addresses.map((a) => a.trim().toLowerCase()).filter((a) => a.length > 0));
  if (wanted.size === 0) return 0;
  const failed: Job[] = await deps.notify.getFailed(0, FAILED_JOBS_SCANNED - 1);
  let retried = 0;
  for (const job of failed) {
    // The person is in the job's own target; the reason only says it failed for want of an account.
    if (job.name !== NOTIFY_JOBS.postCard || !job.failedReason?.includes(TARGET_UNRESOLVED_TEXT)) continue;
    const target = (job.data as PostCardJob).target;
    if (target.kind !== 'odoo-user' || target.platform !== 'teams' || !wanted.has(target.login.toLowerCase())) continue;
    try {
      await job.retry('failed');
      retried++;
    } catch (err) {
      deps.logger.debug({ err: err instanceof Error ? err.message : String(err), job: job.id }, 'teams redelivery: job not retried');
    }
  }
  if (retried > 0) deps.logger.info({ people: wanted.size, retried }, 'people became reachable in Teams: retried the cards that were waiting for them');
  return retried;
}
