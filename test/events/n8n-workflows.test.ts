import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { signEvent } from '../../adapters/events/sign-event.ts';
import { supplierEventSchema } from '../../src/supplier-events/supplier-event.ts';
import { supplierEmailEventSchema } from '../../src/triage/supplier-email-event.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

interface N8nNode { name: string; type: string; typeVersion: number; parameters: Record<string, unknown> }
interface N8nWorkflow { name: string; nodes: N8nNode[]; connections: Record<string, { main: Array<Array<{ node: string }>> }> }

const DIR = resolve(PROJECT_ROOT, 'integrations/n8n');
const load = (file: string) => JSON.parse(readFileSync(resolve(DIR, file), 'utf8')) as N8nWorkflow;
const codeOf = (w: N8nWorkflow, name: string) => String(w.nodes.find((n) => n.name === name)!.parameters.jsCode);

/** Runs a Code node's JavaScript as n8n's "Run once for all items" mode does. */
function runCode(code: string, items: unknown[]): Array<{ json: Record<string, unknown> }> {
  const context = { $input: { all: () => items.map((json) => ({ json })) }, require: createRequire(import.meta.url), Buffer, Date, JSON };
  return vm.runInNewContext(`(function () {\n${code}\n})()`, context) as Array<{ json: Record<string, unknown> }>;
}

describe('the n8n workflows under integrations/n8n', () => {
  it.each(readdirSync(DIR).filter((f) => f.endsWith('.json')))('%s is a workflow n8n imports: nodes, connections between them', (file) => {
    const w = load(file);
    expect(w.name).toBeTruthy();
    const names = new Set(w.nodes.map((n) => n.name));
    expect(names.size).toBe(w.nodes.length);
    for (const n of w.nodes) expect(n.type).toMatch(/^n8n-nodes-base\.[a-zA-Z]+$/);
    for (const [from, out] of Object.entries(w.connections)) {
      expect(names.has(from)).toBe(true);
      for (const c of out.main.flat()) expect(names.has(c.node)).toBe(true);
    }
  });

  it('the mailbox flow builds bodies the supplier-email webhook accepts', () => {
    const out = runCode(codeOf(load('mailbox-to-supplier-email.json'), 'Build body'), [
      { from: { text: 'Ops <ops@sunvale.example>' }, to: { text: 'purchasing@northgate.example' }, subject: 'PO P00042 delayed', text: 'Ships on the 12th.', date: '2026-12-04T10:00:00.000Z', messageId: '<abc@sunvale.example>' },
    ]);
    const parsed = supplierEmailEventSchema.safeParse(JSON.parse(String(out[0]!.json.body)));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.message_id).toBe('<abc@sunvale.example>');
  });

  it('the portal flow maps ETA changes and ship notices to events the supplier-event webhook accepts', () => {
    const out = runCode(codeOf(load('portal-poll-to-supplier-events.json'), 'To supplier events'), [
      { shipments: [
        { id: 7, updated_at: '2026-12-04T09:00Z', po: 'P00042', eta: '2026-12-20', reason: 'weather' },
        { id: 8, updated_at: '2026-12-04T09:05Z', po: 'P00043', carrier: 'dhl', tracking: 'JD01', eta: '2026-12-10', lines: [{ sku: 'GLV-NIT-L', qty: 40 }, { line_id: 12, qty: 5 }] },
      ] },
    ]);
    const events = out.map((o) => supplierEventSchema.parse(JSON.parse(String(o.json.body))));
    expect(events.map((e) => [e.type, e.event_id])).toEqual([['eta.changed', 'portal-eta-7-2026-12-04T09:00Z'], ['shipment.notice', 'portal-asn-8-2026-12-04T09:05Z']]);
  });

  it('the downstream flow accepts the bot\'s signature and refuses a forged one', () => {
    const w = load('bot-events-to-downstream.json');
    const secret = 'the-subscriber-secret-0123';
    const code = codeOf(w, 'Verify signature').replace('CHANGE-ME: the same secret as the bot subscriber', secret);
    const event = { id: 'approval.written:r1:d1', type: 'approval.written', occurred_at: '2026-12-04T10:00:00.000Z', subject: { model: 'purchase.order', id: 42, name: 'P00042' }, data: { action: 'approve' } };
    const t = Math.floor(Date.now() / 1000);
    const signed = { headers: { 'x-chatops-signature': signEvent(secret, t, JSON.stringify(event)) }, body: event };
    expect(runCode(code, [signed])[0]!.json).toEqual(event);
    const forged = { ...signed, headers: { 'x-chatops-signature': signEvent('another-secret-0123456', t, JSON.stringify(event)) } };
    expect(() => runCode(code, [forged])).toThrow('bad signature');
  });
});
