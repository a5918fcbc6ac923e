import { describe, expect, it } from 'vitest';
import { renderTriageCard } from '../../adapters/slack/blocks/triage-card.ts';
import { triageCardViewOf } from '../../src/triage/flow/triage-card-view.ts';
import type { EmailProposal } from '../../src/triage/flow/triage-proposal.ts';

const proposal = (over: Partial<EmailProposal> = {}): EmailProposal => ({
  kind: 'supplier-email', id: 'tri-abc', revision: 3, createdAt: '2026-11-20T10:00:00Z', status: 'open', proposed: 'delay', category: 'delay', changedBy: null,
  decision: null, writeback: null, target: { kind: 'channel', channel: 'C1' }, cards: [], source: 'webhook',
  email: { from: 'Eve <eve@evil.example>', subject: '<!channel> *urgent*', receivedAt: '2026-11-20T10:00:00Z', messageKey: 'k' },
  match: { kind: 'reference', detail: 'matched by the reference P00042' },
  order: { id: 42, name: 'P00042', state: 'purchase', vendorName: 'Acme <@U123>', buyerId: 7, buyerName: 'Bea', companyId: 1, warehouseId: 1, warehouseName: 'WH', datePlanned: '2026-11-25' },
  reading: {
    category: 'delay', summary: 'Delayed <http://evil.example|click> to Dec 3', new_eta: '2026-12-03', confirmed_date: null, quantities: null, price_change_pct: null,
    confidence: 0.82, evidence: '> ```New ship date``` is 12/03 <!here>', injection_suspected: true, provider: 'heuristic', fallback_reason: 'triage_timeout: no answer within 20000 ms',
  },
  ...over,
});

describe('the triage card in Slack', () => {
  it('escapes every email and Odoo text, shows the facts, the warning and the fallback', () => {
    const message = renderTriageCard(triageCardViewOf(proposal(), { odooUrl: 'http://odoo.example' }));
    const json = JSON.stringify(message);
    // plain_text (the header) is never parsed for mentions or links by Slack; every mrkdwn part is escaped.
    expect(JSON.stringify({ text: message.text, blocks: message.blocks.filter((b) => b.type !== 'header') })).not.toMatch(/<!channel>|<!here>|<@U123>|<http:\/\/evil/);
    expect(json).toContain('&lt;!here&gt;');
    expect(json).toContain('2026-12-03 vs planned 2026-11-25 (+8 days)');
    expect(json).toContain('82%');
    expect(json).toContain('instructions aimed at the bot');
    expect(json).toContain('nothing is done automatically');
    expect(json).toContain('*fallback*: triage_timeout');
    expect(json).toContain('"action_id":"triage_confirm"');
    expect(json).toContain('"block_id":"triage_cat.3.tri-abc"');
  });

  it('a changed category shows what was proposed; a decided card has no controls', () => {
    const changed = JSON.stringify(renderTriageCard(triageCardViewOf(proposal({ category: 'price_change', changedBy: 'Bea' }), { odooUrl: 'http://o' })));
    expect(changed).toContain('proposed: delay, changed by Bea');
    expect(changed).toContain('Confirm: price change');
    const decided = proposal({
      status: 'dismissed',
      decision: { id: 'd', action: 'dismiss', category: 'delay', actor: { platform: 'slack', userId: 'U1', displayName: 'Bea' }, odooUserId: 7, odooLogin: 'bea', at: '2026-11-20T11:00:00Z', channel: 'C1' },
    });
    const json = JSON.stringify(renderTriageCard(triageCardViewOf(decided, { odooUrl: 'http://o' })));
    expect(json).toContain('Dismissed by Bea');
    expect(json).not.toContain('triage_confirm');
    expect(json).not.toContain('triage_category');
  });
});
