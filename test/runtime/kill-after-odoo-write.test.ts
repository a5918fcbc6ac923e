import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGKILL_AFTER_ODOO_WRITE_ENV } from '../../adapters/runtime/test-fault-hooks.ts';
import { startProcessDeployment, type ProcessDeployment } from '../support/process-deployment.ts';
import { waitFor } from '../support/spawn-bot.ts';

/**
 * A worker process dies by SIGKILL right after the write-back wrote Odoo (the approve and its
 * note), before any bookkeeping: no request "written", card, buyer DM or audit. After a new worker
 * starts, the job runs again (its lock expired) and finishes the bookkeeping, each step once.
 */
let d: ProcessDeployment;
beforeAll(async () => {
  d = await startProcessDeployment({ label: 'kill-after-write' });
  await d.startWeb();
}, 90_000);
afterAll(async () => d?.close(), 30_000);

describe('kill -9 between the Odoo write and the audit', () => {
  it('leaves, after a restart, one audit "written", one card update, one buyer DM and one Odoo note', async () => {
    const dying = await d.startWorker({ [SIGKILL_AFTER_ODOO_WRITE_ENV]: '1' });
    const po = await d.pos.create({ amount: 7000 });
    const card = await d.waitForCard(po.name);
    expect((await d.click('daniel', card, 'approve')).status).toBe(200);

    const signal = await Promise.race([dying.exited.then(() => dying.child.signalCode), new Promise((r) => setTimeout(() => r('still running'), 20_000))]);
    expect(signal).toBe('SIGKILL');
    // Odoo is written, the bookkeeping is not.
    expect(await d.admin.readState(po.id)).toBe('purchase');
    const request = await d.store.openFor(po.id);
    const decisionId = request!.decision!.id;
    expect(request!.writeback?.state).not.toBe('written');
    expect((await d.audit.forOrder(po.id)).filter((a) => a.outcome === 'written')).toHaveLength(0);
    const isBuyerDm = (c: { body: Record<string, unknown> }) => c.body.channel === 'D0BUYER' && String(c.body.text).includes(po.name);
    expect(d.slack.callsOf('chat.postMessage').filter(isBuyerDm)).toHaveLength(0);

    const restartedAt = Date.now();
    await d.startWorker();
    await waitFor(async () => (await d.audit.forOrder(po.id)).some((a) => a.outcome === 'written'), 20_000, 'the audit "written" after the restart');
    await waitFor(() => d.slack.callsOf('chat.postMessage').some(isBuyerDm), 10_000, 'the buyer DM');
    const writtenUpdate = (c: { body: Record<string, unknown> }) => c.body.ts === card.ts && /\*, written to Odoo/.test(JSON.stringify(c.body));
    await waitFor(() => d.slack.callsOf('chat.update').some(writtenUpdate), 10_000, 'the card saying "written"');
    const finishedMs = Date.now() - restartedAt;
    // Nothing more arrives later.
    await new Promise((r) => setTimeout(r, 2_000));
    expect((await d.audit.forOrder(po.id)).filter((a) => a.outcome === 'written')).toHaveLength(1);
    expect(d.slack.callsOf('chat.update').filter(writtenUpdate)).toHaveLength(1);
    expect(d.slack.callsOf('chat.postMessage').filter(isBuyerDm)).toHaveLength(1);
    expect(await d.admin.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', po.id], ['body', 'ilike', `Ref ${decisionId}`]])).toHaveLength(1);
    expect((await d.store.get(request!.id))?.writeback?.state).toBe('written');
    process.stdout.write(`[kill-after-odoo-write] restart -> bookkeeping finished in ${finishedMs} ms\n`);
  }, 90_000);
});
