import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER } from '../../adapters/http/routes/supplier-email-webhook.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { HMAC_SECRET, TriageHarness, USERS } from './triage-harness.ts';

const BUYER_DM = `D${USERS.buyer.id.slice(1)}`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

let h: TriageHarness;
beforeAll(async () => {
  h = await TriageHarness.start();
}, 60_000);
afterAll(async () => h?.close());

async function post(body: unknown, secret = HMAC_SECRET): Promise<{ status: number; body: Record<string, unknown> }> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const signature = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
  const res = await fetch(`${h.url}/webhooks/supplier-event`, { method: 'POST', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature }, body: raw });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** n8n sends the same event three times (a re-run, a retry): the first is accepted, the rest are duplicates. */
async function postThrice(body: unknown): Promise<number[]> {
  const answers = await Promise.all([post(body), post(body), post(body)]);
  return answers.map((a) => a.status).sort();
}

const notes = (id: number, text: string) => h.notesOn('purchase.order', id, text);
const uniq = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

describe('POST /webhooks/supplier-event: structured updates from n8n', () => {
  it('writes an order acknowledgement to Odoo exactly once, with a note naming the source', async () => {
    const po = await h.createConfirmedPo({ lines: 2 });
    const confirmed = day(1); // within the 2 days the policy lets through without a person
    const event = { event_id: uniq('ack'), type: 'order.acknowledged', source: 'portal:sunvale', po: po.name, confirmed_date: confirmed };
    expect(await postThrice(event)).toEqual([200, 200, 202]);
    await waitFor(async () => (await notes(po.id, 'portal:sunvale')).length === 1, 15_000, 'the acknowledgement note');
    await new Promise((r) => setTimeout(r, 500));
    expect(await notes(po.id, 'portal:sunvale')).toHaveLength(1);
    for (const l of await h.linesOf(po.id)) expect(l.datePlanned?.toISOString().slice(0, 10)).toBe(confirmed);
  }, 30_000);

  it('writes a ship notice with a partial quantity once: carrier, tracking and quantities in the note', async () => {
    const po = await h.createConfirmedPo({ lines: 2 });
    const [line] = await h.linesOf(po.id);
    const event = { event_id: uniq('asn'), type: 'shipment.notice', source: 'carrier:dhl', po: po.name, carrier: 'DHL', tracking: 'JD0146000012345', eta: day(1), lines: [{ line_id: line!.id, shipped_qty: 4 }] };
    expect(await postThrice(event)).toEqual([200, 200, 202]);
    await waitFor(async () => (await notes(po.id, 'JD0146000012345')).length === 1, 15_000, 'the ship notice note');
    await new Promise((r) => setTimeout(r, 500));
    const [id] = await notes(po.id, 'JD0146000012345');
    const [msg] = await h.admin.read('poMessage', [id!]);
    expect(msg?.body).toContain('4 of 10 open shipped');
    expect(await notes(po.id, 'JD0146000012345')).toHaveLength(1);
  }, 30_000);

  it('shows an ETA slip beyond the policy to the buyer as a card, and writes it once on Confirm', async () => {
    const po = await h.createConfirmedPo({ lines: 2 });
    const eta = day(30);
    const event = { event_id: uniq('eta'), type: 'eta.changed', source: 'edi:supplier-portal', po: po.name, eta, reason: 'port congestion' };
    expect(await postThrice(event)).toEqual([200, 200, 202]);
    const card = await h.waitForCard(po.name, BUYER_DM);
    expect(h.cardText(card)).toContain(eta);
    expect(h.cardText(card)).toContain('structured supplier update');
    expect(await notes(po.id, 'edi:supplier-portal')).toHaveLength(0); // nothing before the click
    await h.click('buyer', card, 'triage_confirm');
    await waitFor(async () => (await h.linesOf(po.id)).every((l) => l.datePlanned?.toISOString().slice(0, 10) === eta), 15_000, 'the new planned dates');
    await waitFor(async () => (await notes(po.id, 'Supplier email triaged')).length === 1, 15_000, 'one note');
    expect(h.slack.callsOf('chat.postMessage').filter((c) => String(c.body.text ?? '').includes(po.name) && c.body.channel === BUYER_DM)).toHaveLength(1);
  }, 45_000);

  it('refuses bad input with a clear 4xx and writes nothing', async () => {
    const po = await h.createConfirmedPo({ lines: 1 });
    const [line] = await h.linesOf(po.id);
    const base = { source: 'portal:x', po: po.name };
    const cases: Array<[unknown, number, string]> = [
      [{ ...base, event_id: uniq('bad'), type: 'eta.changed', eta: day(5), po: 'P99999' }, 404, 'unknown_po'],
      [{ ...base, event_id: uniq('bad'), type: 'shipment.notice', lines: [{ line_id: 999999, shipped_qty: 1 }] }, 422, 'unknown_line'],
      [{ ...base, event_id: uniq('bad'), type: 'shipment.notice', lines: [{ product_code: 'NO-SUCH-SKU', shipped_qty: 1 }] }, 422, 'unknown_line'],
      [{ ...base, event_id: uniq('bad'), type: 'shipment.notice', lines: [{ line_id: line!.id, shipped_qty: -3 }] }, 400, 'invalid_body'],
      [{ ...base, event_id: uniq('bad'), type: 'shipment.notice', lines: [{ line_id: line!.id, shipped_qty: 500 }] }, 422, 'quantity_too_large'],
      [{ ...base, event_id: uniq('bad'), type: 'eta.changed', eta: day(-3) }, 422, 'date_in_past'],
      [{ ...base, event_id: uniq('bad'), type: 'eta.exploded', eta: day(5) }, 400, 'invalid_body'],
      ['{not json', 400, 'malformed_body'],
    ];
    for (const [body, status, error] of cases) {
      const r = await post(body);
      expect([r.status, r.body.error], JSON.stringify(body)).toEqual([status, error]);
    }
    const forged = await post({ ...base, event_id: uniq('bad'), type: 'eta.changed', eta: day(1) }, 'not-the-secret-0123456789');
    expect(forged.status).toBe(401);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await notes(po.id, 'portal:x')).toHaveLength(0);
    expect((await h.linesOf(po.id))[0]!.datePlanned?.toISOString()).toBe(line!.datePlanned?.toISOString());
  }, 30_000);
});
