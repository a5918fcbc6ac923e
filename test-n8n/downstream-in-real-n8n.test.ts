import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signEvent } from '../adapters/events/sign-event.ts';
import { startApprovalHarness, type ApprovalHarness } from '../test/support/approval-harness.ts';
import { PROJECT_ROOT } from '../test/support/paths.ts';
import { waitFor } from '../test/support/spawn-bot.ts';
import { freePort, N8n } from './support/n8n-cli.ts';

const SECRET = 'downstream-n8n-secret-0123456789';
const SECRET_ENV = `CHATOPS_N8N_DOWNSTREAM_SECRET_${process.pid}`;

interface LedgerEntry { event_id: string; po: string; action: string; by: string; on_behalf_of: unknown; at: string }

let n8n: N8n;
let h: ApprovalHarness;
let ledger: http.Server;
const entries: LedgerEntry[] = [];
let dir: string;

beforeAll(async () => {
  // The downstream system the workflow records approved POs in (its "Record in the ledger" node).
  ledger = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      entries.push(JSON.parse(body) as LedgerEntry);
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => ledger.listen(0, '127.0.0.1', r));
  n8n = new N8n(await freePort());
  const w = N8n.shipped('bot-events-to-downstream.json');
  w.id = 'downstreamE2E001';
  for (const n of w.nodes) {
    if (n.name === 'Verify signature') n.parameters.jsCode = String(n.parameters.jsCode).replace("'CHANGE-ME: the same secret as the bot subscriber'", JSON.stringify(SECRET));
    if (n.name === 'Record in the ledger') n.parameters.url = `http://127.0.0.1:${(ledger.address() as AddressInfo).port}/api/committed-spend`;
  }
  await n8n.importAndPublish(w);
  await n8n.start();
  // The bot's side, as the workflow's README says: a subscriber on the Webhook node's production URL.
  process.env[SECRET_ENV] = SECRET;
  dir = mkdtempSync(join(tmpdir(), 'n8n-downstream-policy-'));
  writeFileSync(join(dir, 'policy.yaml'), `${readFileSync(resolve(PROJECT_ROOT, 'test/fixtures/approval-policy.yaml'), 'utf8')}
events:
  subscribers:
    - name: n8n
      url: http://127.0.0.1:${n8n.port}/webhook/chatops-events
      types: [approval.decided, approval.written]
      secret_env: ${SECRET_ENV}
`);
  h = await startApprovalHarness({ POLICY_FILE: join(dir, 'policy.yaml') });
}, 240_000);
afterAll(async () => {
  await h?.close();
  await n8n?.close();
  await new Promise<void>((r) => ledger?.close(() => r()));
  delete process.env[SECRET_ENV];
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the downstream workflow in a real n8n, fed by the bot\'s outbound events', () => {
  it('records a PO approved in chat in the ledger once, after its write to Odoo, and drops a forged event', async () => {
    const po = await h.createWaitingPo({ amount: 12000 });
    const card = await h.waitForCard(po.name);
    await h.click('avery', card, 'approve');
    await h.waitForCardText(card, /written to Odoo/i, 30_000);
    await waitFor(() => entries.some((e) => e.po === po.name), 60_000, `the ledger entry of ${po.name} (n8n log: ${n8n.log().slice(-1500)})`);
    // A forged event straight to the webhook: n8n answers (onReceived) but its Verify node refuses it.
    const forged = JSON.stringify({ id: 'approval.written:forged-1', type: 'approval.written', occurred_at: new Date().toISOString(), subject: { model: 'purchase.order', id: 1, name: 'P-FORGED' }, data: { action: 'approve', by: { name: 'Mallory' } } });
    const t = Math.floor(Date.now() / 1000);
    const res = await fetch(`http://127.0.0.1:${n8n.port}/webhook/chatops-events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-chatops-signature': signEvent('not-the-subscriber-secret-000', t, forged) }, body: forged });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 5_000));
    const ofPo = entries.filter((e) => e.po === po.name);
    expect(ofPo).toHaveLength(1);
    expect(ofPo[0]).toMatchObject({ action: 'approve', by: 'Avery Quinn', on_behalf_of: null });
    expect(ofPo[0]!.event_id).toMatch(/^approval\.written:/);
    expect(entries.some((e) => e.po === 'P-FORGED')).toBe(false);
  });
});
