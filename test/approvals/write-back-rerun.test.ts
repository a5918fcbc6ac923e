import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BullJobQueue } from '../../adapters/queue/bullmq-queues.ts';
import { APPROVAL_JOBS, type WriteBackJob } from '../../src/approvals/approval-jobs.ts';
import { NOTIFY_JOBS } from '../../src/approvals/notify-jobs.ts';
import { writeBackDecision, type WriteBackDeps } from '../../src/approvals/write-back-decision.ts';
import { CodedError } from '../../src/errors/coded-error.ts';
import type { JobQueue } from '../../src/ports/job-queue.ts';
import { startApprovalHarness, type ApprovalHarness } from '../support/approval-harness.ts';
import { waitFor } from '../support/spawn-bot.ts';

/**
 * The worker dies after the Odoo write and the "written" state, before the buyer's DM and the audit
 * (the window issue 18 found): the re-run must finish the bookkeeping, each step exactly once.
 */
let h: ApprovalHarness;
let dieBeforeDm = false;
const dying = (real: JobQueue): JobQueue => ({
  async enqueue(queue, name, data, options) {
    if (dieBeforeDm && name === NOTIFY_JOBS.direct) {
      dieBeforeDm = false;
      throw new CodedError('worker_died', 'the worker died here (test)', true);
    }
    return real.enqueue(queue, name, data, options);
  },
});
let failNextNote = false;
/** The bot's gateway, whose next chatter note fails as a dropped connection would (after the approve landed). */
const noteFailing = (): WriteBackDeps['odoo'] =>
  new Proxy(h.bot.odoo.gateway, {
    get(target, prop, receiver) {
      if (prop === 'postNote' && failNextNote) {
        return async () => {
          failNextNote = false;
          throw new CodedError('odoo_connection_reset', 'the connection to Odoo was reset (test)', true);
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
const deps = (): WriteBackDeps => ({ odoo: noteFailing(), store: h.bot.approvals.store, audit: h.bot.approvals.audit, queue: dying(new BullJobQueue(h.bot.queues)), now: () => new Date() });

beforeAll(async () => {
  h = await startApprovalHarness({}, { handlers: { writeback: { [APPROVAL_JOBS.writeBack]: (data, ctx) => writeBackDecision(data as WriteBackJob, ctx, deps()) } } });
}, 60_000);
afterAll(async () => h?.close());

describe('a write-back re-run after a crash past the Odoo write', () => {
  it('finishes the card, the buyer DM and the audit "written", once each, however often it runs', async () => {
    const po = await h.createWaitingPo({ amount: 11000 });
    const card = await h.waitForCard(po.name).catch(async (err: Error) => {
      throw new Error(`${err.message}: ${JSON.stringify(h.slack.calls.map((c) => [c.method, String(c.body.text ?? '').slice(0, 60)]))} ${JSON.stringify(await h.bot.queues.notify.getJobCounts())} ${JSON.stringify((await h.bot.queues.notify.getFailed()).map((j) => j.failedReason))}`);
    });
    dieBeforeDm = true;
    await h.click('avery', card, 'approve');
    const request = await h.bot.approvals.store.openFor(po.id);
    const decisionId = `approve-po-${po.id}`;
    // The first run dies; BullMQ runs the job again (as it would after kill -9 and the stalled check).
    let job: Awaited<ReturnType<typeof h.bot.queues.writeback.getJob>>;
    await waitFor(async () => {
      job = (await h.bot.queues.writeback.getJobs(['completed'])).find((j) => j.name === APPROVAL_JOBS.writeBack && String(j.id).startsWith(decisionId));
      return job !== undefined;
    }, 15_000, 'the write-back to complete on its second run');
    expect(job!.attemptsMade).toBe(2); // died once, then finished
    expect(job!.returnvalue).toBe('already_written');
    // And once more, as a second crash and re-run would.
    expect(await writeBackDecision(job!.data as WriteBackJob, { attempt: 3, maxAttempts: 8 }, deps())).toBe('already_written');

    expect(await h.admin.readState(po.id)).toBe('purchase');
    const notes = await h.admin.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', po.id], ['body', 'ilike', `Ref ${(job!.data as WriteBackJob).decisionId}`]]);
    expect(notes).toHaveLength(1);
    const audit = await h.bot.approvals.audit.forOrder(po.id);
    expect(audit.filter((a) => a.outcome === 'written')).toHaveLength(1);
    await waitFor(() => h.slack.callsOf('chat.postMessage').some((c) => c.body.channel === 'D0BUYER' && String(c.body.text).includes(po.name)), 5_000, 'the buyer DM');
    await h.waitForCardText(card, /written to Odoo/i);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(h.slack.callsOf('chat.postMessage').filter((c) => c.body.channel === 'D0BUYER' && String(c.body.text).includes(po.name))).toHaveLength(1);
    const notifyJobs = await h.bot.queues.notify.getJobs(['completed', 'waiting', 'delayed', 'active']);
    expect(notifyJobs.filter((j) => String(j.id).includes(`written-${(job!.data as WriteBackJob).decisionId}`))).toHaveLength(1);
    expect(notifyJobs.filter((j) => j.name === NOTIFY_JOBS.direct && String(j.id).includes((job!.data as WriteBackJob).decisionId))).toHaveLength(1);
    // One card update shows "written" (later ones, if any, would render the same newest state).
    const writtenUpdates = h.slack.callsOf('chat.update').filter((c) => c.body.ts === card.ts && /written to Odoo/i.test(JSON.stringify(c.body)));
    expect(writtenUpdates).toHaveLength(1);
    expect(request?.id).toBeDefined();
  }, 40_000);

  it('finishes its own approval when the first run approved in Odoo and failed before its note: one note, written once, not "decided elsewhere"', async () => {
    const po = await h.createWaitingPo({ amount: 11100 });
    const card = await h.waitForCard(po.name);
    failNextNote = true;
    await h.click('avery', card, 'approve');
    const decisionId = `approve-po-${po.id}`;
    await h.waitForCardText(card, /written to Odoo/i, 20_000);
    expect(failNextNote).toBe(false); // the first run did fail at the note
    expect(await h.admin.readState(po.id)).toBe('purchase');
    const notes = await h.admin.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', po.id], ['body', 'ilike', `Ref ${decisionId}`]]);
    expect(notes).toHaveLength(1);
    const audit = await h.bot.approvals.audit.forOrder(po.id);
    expect(audit.filter((a) => a.outcome === 'written')).toHaveLength(1);
    expect(audit.filter((a) => a.code === 'not_waiting')).toHaveLength(0);
  }, 40_000);
});
