import { setTimeout as sleep } from 'node:timers/promises';
import type { WebhookRequest } from '../automation/run-automations.ts';
import type { WebhookSender } from '../automation/webhook-sender.ts';
import { webhookTiming, type WebhookTiming } from '../automation/webhook-timing.ts';
import type { RecordEvent } from '../orm/env.ts';
import type { OdooStore } from '../store.ts';
import { RowJournal } from './row-journal.ts';

export interface TransactionRunnerOptions {
  store: OdooStore;
  /** The served Odoo major version: it decides when webhooks go out (webhook-timing.ts). */
  version: number;
  webhooks: WebhookSender;
  /** The webhook requests the call's events trigger, computed on the call's (uncommitted) rows. */
  collect: (events: RecordEvent[]) => WebhookRequest[];
  /** Time the transaction still runs after its last webhook before committing (17/18). */
  commitDelayMs: number;
}

/**
 * Runs each RPC call as one database transaction of real Odoo:
 * - a call that throws is rolled back (nothing it wrote stays);
 * - 17/18 (before-commit): the webhooks its writes trigger are POSTed one after the other while
 *   its changes are out of other connections' sight (they read the old rows, old write_date),
 *   then it commits, or stays rolled back if it failed; the caller's answer waits for all of it;
 * - 19 (after-commit): it commits, then POSTs; a failed call POSTs nothing.
 * Other calls that only read run at once against what is committed. A call that writes while
 * another transaction is still open is rolled back and run again after it (PostgreSQL would make
 * it wait on the row locks; Odoo retries a serialization failure).
 */
export class TransactionRunner {
  private open: Promise<void> | null = null;
  private readonly timing: WebhookTiming;

  constructor(private readonly opts: TransactionRunnerOptions) {
    this.timing = webhookTiming(opts.version);
  }

  /** Runs `call` in a transaction; resolves with its result, or rejects with its error once rolled back. */
  async run<T>(call: (events: RecordEvent[]) => T): Promise<T> {
    for (;;) {
      const events: RecordEvent[] = [];
      const journal = new RowJournal(this.opts.store);
      let outcome: { ok: true; value: T } | { ok: false; error: unknown };
      try {
        outcome = { ok: true, value: call(events) };
      } catch (error) {
        outcome = { ok: false, error };
      } finally {
        journal.close();
      }
      if (journal.empty) return settle(outcome);
      if (this.open) {
        journal.rollback();
        await this.open;
        continue;
      }
      const hooks = this.opts.collect(events);
      if (this.timing === 'after-commit' || hooks.length === 0) {
        if (!outcome.ok) journal.rollback();
        else await this.postAll(hooks);
        return settle(outcome);
      }
      const done = this.beforeCommit(journal, hooks, outcome.ok);
      this.open = done;
      try {
        await done;
      } finally {
        this.open = null;
      }
      return settle(outcome);
    }
  }

  private async beforeCommit(journal: RowJournal, hooks: WebhookRequest[], commit: boolean): Promise<void> {
    const pending = journal.hide();
    await this.postAll(hooks);
    if (!commit) return; // the POSTs went out; the change never commits
    if (this.opts.commitDelayMs > 0) await sleep(this.opts.commitDelayMs);
    journal.show(pending);
  }

  private async postAll(hooks: WebhookRequest[]): Promise<void> {
    for (const hook of hooks) await this.opts.webhooks.post(hook);
  }
}

function settle<T>(outcome: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (outcome.ok) return outcome.value;
  throw outcome.error;
}
