import { pathToFileURL } from 'node:url';
import { Queue } from 'bullmq';
import OdooAwait from 'odoo-await';
import { ensureWebhookRule } from '../adapters/odoo/ensure-webhook-rule.ts';
import { OdooAwaitGateway } from '../adapters/odoo/odoo-await-gateway.ts';
import { freePort } from '../adapters/store/ensure-redis.ts';
import { RedisApprovalStore } from '../adapters/store/redis-approval-store.ts';
import { RedisAuditLog } from '../adapters/store/redis-audit-log.ts';
import { startFakeSlackApi, type FakeSlackCall } from '../test/fakes/fake-slack-api.ts';
import { SLACK_USERS } from '../test/support/approval-harness.ts';
import { buttonClickPayload, interactivityRequest } from '../test/support/slack-sign.ts';
import type { BenchFigure, BenchRun } from './bench-types.ts';
import { benchRedis } from './support/bench-redis.ts';
import { botEnv, startBotProcess, type BotProcess } from './support/bot-process.ts';
import { sleep } from './support/child-process.ts';
import { startOdooProcess } from './support/embedded-odoo-process.ts';

const SECRET = 'bench-signing-secret-0123456789abcdef';
const POS = Number(process.env.BENCH_KILL_POS ?? 50);

/**
 * Exactly once under a crash, counted: two `npm run web` and three `npm run worker` processes on
 * one Redis, the embedded Odoo in its own process, the fake Slack Web API in this one. POS orders
 * wait for approval; each is approved by a double click (one click to each web process), all at
 * once; when a fifth of them are written, one worker is killed with SIGKILL (no drain). Then, per
 * PO, it counts the decisions (audit "accepted"), the Odoo approvals (Odoo's own "RFQ Approved"
 * message), the chatter notes, the audit "written" and the buyer's DMs: each must be exactly one.
 * The figures are the POs where a count is not one (0 is right) and the time to all written.
 */
export const run: BenchRun = async () => {
  const step = (what: string) => process.stderr.write(`  approvals-under-kill: ${what}\n`);
  const r = await benchRedis('under-kill');
  const odoo = await startOdooProcess({ seed: 7, scale: 70 });
  const slack = await startFakeSlackApi({ users: Object.values(SLACK_USERS) });
  const prefix = `bench-under-kill-${Date.now()}`;
  const token = 'bench-webhook-token-0123456789';
  const envFor = async (): Promise<Record<string, string>> => ({
    ...botEnv({ port: await freePort(), redisUrl: r.url, prefix, stateDir: r.dir, odoo, slackApiUrl: slack.url, signingSecret: SECRET, webhookToken: token }),
    // A killed worker's jobs run again within about two lock durations.
    JOB_LOCK_MS: '2000',
  });
  const processes: BotProcess[] = [];
  try {
    step('starting 2 x npm run web, 3 x npm run worker');
    const webEnvs = [await envFor(), await envFor()];
    for (const env of webEnvs) processes.push(await startBotProcess('web', env));
    const workers: BotProcess[] = [];
    for (let i = 0; i < 3; i++) workers.push(await startBotProcess('worker', await envFor()));
    processes.push(...workers);
    const bases = webEnvs.map((e) => `http://127.0.0.1:${e.PORT!}`);

    const admin = new OdooAwaitGateway({ url: odoo.url, db: odoo.db, username: 'admin', password: 'admin', timeoutMs: 30_000 });
    await ensureWebhookRule(admin, `${bases[0]}/webhooks/odoo/${token}`);
    const buyer = new OdooAwait({ baseUrl: odoo.url, db: odoo.db, username: 'buyer@northgate-supply.example', password: 'buyer' });
    await buyer.connect();
    const [vendor] = await admin.searchIds('res.partner', [['supplier_rank', '>', 0], ['email', 'ilike', '.example']], { limit: 1 });
    const [product] = await admin.searchIds('product.product', [['purchase_ok', '=', true]], { limit: 1 });
    const store = new RedisApprovalStore(r.redis, prefix);
    const audit = new RedisAuditLog(r.redis, prefix, 30, () => new Date());

    step(`${POS} POs waiting for approval, and their cards`);
    const pos: Array<{ id: number; name: string }> = [];
    for (let i = 0; i < POS; i++) {
      const id = (await buyer.create('purchase.order', { partner_id: vendor, order_line: [[0, 0, { product_id: product, product_qty: 1, price_unit: 6000 + i, taxes_id: [[6, 0, []]] }]] })) as number;
      await buyer.execute_kw('purchase.order', 'button_confirm', [[[id]]]);
      const [po] = (await buyer.read('purchase.order', [id], ['name'])) as Array<{ name: string }>;
      pos.push({ id, name: po!.name });
    }
    const cardOf = (name: string) => slack.callsOf('chat.postMessage').find((c: FakeSlackCall) => String(c.body.text ?? '').includes(name) && c.body.channel === 'C0APPROVALS' && c.response?.ok);
    for (const deadline = Date.now() + 120_000; pos.some((p) => !cardOf(p.name)); await sleep(50)) {
      if (Date.now() > deadline) throw new Error(`cards missing for ${pos.filter((p) => !cardOf(p.name)).map((p) => p.name).join(', ')}`);
    }

    step(`${POS * 2} clicks (a double click per PO, one to each web process), all at once`);
    const clicks = pos.flatMap((p, i) => {
      const post = cardOf(p.name)!;
      const blocks = (typeof post.body.blocks === 'string' ? JSON.parse(post.body.blocks) : post.body.blocks) as Array<{ elements?: Array<{ action_id?: string; value?: string }> }>;
      const value = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'approval_approve')!.value!;
      return bases.map((base, w) => {
        const req = interactivityRequest(SECRET, buttonClickPayload({ actionId: 'approval_approve', value, userId: SLACK_USERS.daniel.id, userName: SLACK_USERS.daniel.name, channel: 'C0APPROVALS', messageTs: String(post.response!.ts), actionTs: `1900000000.${String(i * 2 + w).padStart(6, '0')}`, responseUrl: slack.responseUrl }));
        return fetch(`${base}/slack/events`, { method: 'POST', headers: req.headers, body: req.body }).then((res) => res.status);
      });
    });
    const started = Date.now();
    const statuses = await Promise.all(clicks);
    const written = async () => {
      let n = 0;
      for (const p of pos) {
        const id = (await store.openFor(p.id))?.id ?? (await r.redis.keys(`${prefix}:approval:req:po-${p.id}-*`))[0]?.split(':').pop();
        if (id && (await store.get(id))?.writeback?.state === 'written') n += 1;
      }
      return n;
    };
    for (; (await written()) < Math.ceil(POS / 5); await sleep(20));
    const victim = workers[0]!;
    victim.child.kill('SIGKILL');
    const killedAt = Date.now() - started;
    step(`worker ${victim.pid} killed with SIGKILL at ${killedAt} ms`);
    for (const deadline = Date.now() + 180_000; (await written()) < POS; await sleep(200)) {
      if (Date.now() > deadline) throw new Error(`only ${await written()} of ${POS} written after 180 s`);
    }
    const allWrittenMs = Date.now() - started;
    // The buyer's DMs are paced (one message a second to one person): 50 take about 50 s.
    const dmsOf = (name: string) => slack.callsOf('chat.postMessage').filter((c) => c.body.channel === 'D0BUYER' && String(c.body.text ?? '').includes(name)).length;
    for (const deadline = Date.now() + 180_000; pos.some((p) => dmsOf(p.name) === 0); await sleep(200)) {
      if (Date.now() > deadline) break; // counted below as missing
    }
    const allDmsMs = Date.now() - started;
    await sleep(3_000); // anything duplicated would arrive now

    step('counting per PO');
    const counts = { decision: 0, odooWrite: 0, note: 0, auditWritten: 0, buyerDm: 0 };
    const wrong: string[] = [];
    for (const p of pos) {
      const entries = await audit.forOrder(p.id);
      const decisionIds = [...new Set(entries.filter((a) => a.outcome === 'accepted').map((a) => a.requestId))];
      const messages = await admin.search('poMessage', { domain: [['res_id', '=', p.id], ['message_type', '=', 'notification']] });
      const notes = await admin.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', p.id], ['body', 'ilike', 'Ref approve-po-']]);
      const per = {
        decision: entries.filter((a) => a.outcome === 'accepted').length,
        odooWrite: messages.filter((m) => m.subtype?.name === 'RFQ Approved').length,
        note: notes.length,
        auditWritten: entries.filter((a) => a.outcome === 'written').length,
        buyerDm: dmsOf(p.name),
      };
      for (const [k, v] of Object.entries(per) as Array<[keyof typeof counts, number]>) {
        if (v !== 1) {
          counts[k] += 1;
          wrong.push(`${p.name} ${k}=${v}`);
        }
      }
      if (decisionIds.length > 1) wrong.push(`${p.name} decided on ${decisionIds.length} requests`);
    }
    if (wrong.length) step(`NOT exactly once: ${wrong.join(', ')}`);
    // What the kill interrupted: jobs BullMQ found stalled (their worker gone) and ran again.
    const rerun: Record<string, number> = {};
    for (const name of ['writeback', 'notify'] as const) {
      const q = new Queue(name, { connection: r.redis.duplicate(), prefix });
      const jobs = await q.getJobs(['completed', 'failed'], 0, -1);
      for (const j of jobs.filter((j) => j.stalledCounter > 0)) rerun[j.name] = (rerun[j.name] ?? 0) + 1;
      await q.close();
    }
    step(`jobs run again after the kill: ${JSON.stringify(rerun)}`);
    const params = { pos: POS, clicks: POS * 2, web: 2, workers: 3, killed: 1 };
    const figures: BenchFigure[] = [
      ...(Object.entries(counts) as Array<[string, number]>).map(([k, v]) => ({ bench: 'approvals-under-kill', metric: `POs whose ${k} count is not 1`, value: v, unit: 'POs', params })),
      { bench: 'approvals-under-kill', metric: 'clicks acked 200', value: statuses.filter((s) => s === 200).length, unit: 'clicks', params },
      { bench: 'approvals-under-kill', metric: 'worker killed at', value: killedAt, unit: 'ms', params },
      ...Object.entries(rerun).map(([name, n]) => ({ bench: 'approvals-under-kill', metric: `${name} jobs run again after the kill`, value: n, unit: 'jobs', params })),
      { bench: 'approvals-under-kill', metric: 'clicks to all written', value: allWrittenMs, unit: 'ms', params },
      { bench: 'approvals-under-kill', metric: 'clicks to every buyer DM sent (paced 1/s per person)', value: allDmsMs, unit: 'ms', params },
    ];
    return figures;
  } finally {
    for (const p of processes) await p.stop().catch(() => undefined);
    await r.clean(prefix);
    await slack.stop();
    await odoo.stop();
    await r.close();
  }
};

// `tsx bench/approvals-under-kill.bench.ts` runs it alone and prints the figures.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${JSON.stringify(await run(), null, 2)}\n`);
  process.exit(0);
}
