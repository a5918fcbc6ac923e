import OdooAwait from 'odoo-await';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVED_VERSIONS } from '../../adapters/embedded-odoo/rpc/odoo-service.ts';
import { startApprovalHarness, type ApprovalHarness } from '../support/approval-harness.ts';

/**
 * A decision made directly in Odoo reaches the cards within seconds, from the webhook alone: the
 * reconciliation scan is left at its default interval (300 s), so it cannot be what updates them.
 * On 17/18 Odoo POSTs the webhook before it commits (the embedded Odoo does too), so a bot that
 * reads once, at once, sees the PO still waiting and keeps the buttons.
 */
const WITHIN_MS = 5_000;

describe.each(SERVED_VERSIONS)('a PO decided in Odoo %i', (version) => {
  let h: ApprovalHarness;
  let daniel: OdooAwait;
  beforeAll(async () => {
    h = await startApprovalHarness({ RECONCILE_INTERVAL_SECONDS: '300' }, { odooVersion: version });
    // A purchase manager, working in Odoo itself.
    daniel = new OdooAwait({ baseUrl: h.odoo.url, db: h.odoo.db, username: 'dokafor@northgate-supply.example', password: 'dokafor' });
    await daniel.connect();
  }, 60_000);
  afterAll(async () => h?.close());

  const decideInOdoo = async (method: string, amount: number, words: RegExp) => {
    const po = await h.createWaitingPo({ amount });
    const card = await h.waitForCard(po.name);
    expect(card.buttons.approval_approve).toBeDefined();
    await daniel.execute_kw('purchase.order', method, [[[po.id]]]).catch((e: unknown) => {
      if (!/cannot marshal None/.test(String((e as Error)?.message ?? e))) throw e; // button_cancel returns None after committing
    });
    const text = await h.waitForCardText(card, words, WITHIN_MS);
    expect(text).not.toContain('approval_approve');
    expect(text).not.toContain('approval_reject');
    return po;
  };

  it('approved: the card loses its buttons and says who approved, within 5 s', async () => {
    await decideInOdoo('button_approve', 6100, /Approved in Odoo by Daniel Okafor/);
  });

  it('cancelled: the card says so within 5 s', async () => {
    await decideInOdoo('button_cancel', 6200, /Cancelled in Odoo by Daniel Okafor/);
  });

  it('set back to draft to be edited: the card says so within 5 s', async () => {
    await decideInOdoo('button_draft', 6300, /Set back to draft in Odoo by Daniel Okafor/);
  });
});
