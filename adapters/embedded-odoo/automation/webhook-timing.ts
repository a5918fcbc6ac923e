/**
 * When an automation rule's "Send Webhook Notification" POSTs, relative to the commit of the
 * change it describes, as recorded on real servers (test/fixtures/odoo/{17,18,19}/flows.json,
 * `webhook_before_commit`):
 * - 17.0 and 18.0: from INSIDE the transaction, synchronously (requests.post, 1 s timeout), before
 *   the commit. A listener reading over another connection sees the old record; a call that fails
 *   afterwards rolls back, but its POSTs were sent.
 * - 19.0: from a post-commit hook: the record is already committed; a rolled-back call sends
 *   nothing ("Webhook call to ... - cancelled due to a rollback").
 */
export type WebhookTiming = 'before-commit' | 'after-commit';

export function webhookTiming(version: number): WebhookTiming {
  return version >= 19 ? 'after-commit' : 'before-commit';
}

/**
 * How long a real 17/18 transaction still runs after its last webhook was answered (the rest of
 * button_approve: receipt, supplier info, tracking, flush) before it commits. Recorded: a reader
 * that re-read 50 ms after the POST, doubling, saw the commit after 50 to 350 ms (150 ms typical).
 */
export const DEFAULT_COMMIT_DELAY_MS = 150;
