import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../test/support/spawn-bot.ts';
import { HMAC_SECRET, TriageHarness } from '../test/triage-e2e/triage-harness.ts';
import { N8n } from './support/n8n-cli.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

let h: TriageHarness;
let portal: http.Server;
let portalRecords: unknown[] = [];
let cli: N8n;

beforeAll(async () => {
  h = await TriageHarness.start();
  portal = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ shipments: portalRecords })));
  await new Promise<void>((r) => portal.listen(0, '127.0.0.1', r));
  cli = new N8n();
});
afterAll(async () => {
  await h?.close();
  await new Promise<void>((r) => portal?.close(() => r()));
  await cli?.close();
});

const n8n = (...args: string[]) => cli.cli(...args);

/**
 * The shipped workflow with what its README says to change (portal URL, bot URL, secret), plus
 * a manual trigger: `n8n execute` starts a workflow from one (the schedule waits 15 minutes).
 */
function preparedWorkflow(): string {
  const w = N8n.shipped('portal-poll-to-supplier-events.json');
  w.id = 'portalPollE2E001';
  for (const n of w.nodes) {
    if (n.name === 'Read the portal') n.parameters.url = `http://127.0.0.1:${(portal.address() as AddressInfo).port}/api/shipments`;
    if (n.name === 'POST to the bot') n.parameters.url = `${h.url}/webhooks/supplier-event`;
    if (n.name === 'Sign (HMAC-SHA256)') n.parameters.secret = HMAC_SECRET;
  }
  w.nodes.push({ name: 'Run now', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 200], parameters: {}, id: '5e1d0c1e-0000-4000-8000-000000000001' });
  w.connections['Run now'] = { main: [[{ node: 'Read the portal', type: 'main', index: 0 }]] };
  const file = join(cli.home, 'workflow.json');
  writeFileSync(file, JSON.stringify(w));
  return file;
}

describe('the portal-poll workflow in a real n8n, against the bot and the embedded Odoo', () => {
  it('imports as is, signs what it sends, and its ETA change reaches Odoo once however often it runs', async () => {
    const po = await h.createConfirmedPo({ lines: 2 });
    const eta = day(1);
    portalRecords = [{ id: 501, updated_at: '2026-12-04T09:00Z', po: po.name, eta, reason: 'carrier rebooked' }];
    const imported = await n8n('import:workflow', `--input=${preparedWorkflow()}`);
    expect(imported.stdout + imported.stderr).toMatch(/Successfully imported 1 workflow/);
    for (let i = 0; i < 3; i++) {
      const out = await n8n('execute', '--id=portalPollE2E001');
      expect(out.stdout).toMatch(/"status": "success"/);
    }
    await waitFor(async () => (await h.linesOf(po.id)).every((l) => l.datePlanned?.toISOString().slice(0, 10) === eta), 20_000, 'the new planned dates in Odoo');
    await waitFor(async () => (await h.notesOn('purchase.order', po.id, 'Supplier update from portal')).length === 1, 20_000, 'the chatter note');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await h.notesOn('purchase.order', po.id, 'Supplier update from portal')).toHaveLength(1);
  });
});
