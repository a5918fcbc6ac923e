import { describe, expect, it } from 'vitest';
import { renderTriageCard } from '../../adapters/slack/blocks/triage-card.ts';
import { triageAdaptiveCard } from '../../adapters/teams/cards/triage-card.ts';
import { TEAMS_VERBS } from '../../adapters/teams/cards/verbs.ts';
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

describe('a reading the reader is not sure of', () => {
  const unsure = (over: Partial<EmailProposal> = {}) => proposal({ reading: { ...proposal().reading, confidence: 0.45, injection_suspected: false, fallback_reason: null }, ...over });

  it('Slack: asks the person to pick, pre-selects nothing and offers no Confirm until a pick', () => {
    const view = triageCardViewOf(unsure(), { odooUrl: 'http://o' });
    expect(view.needsPick).toBe(true);
    const message = renderTriageCard(view);
    const json = JSON.stringify(message);
    expect(json).toContain('Pick the category');
    expect(json).toContain('not sure: pick one below');
    expect(json).not.toContain('initial_option');
    expect(json).not.toContain('triage_confirm');
    expect(json).toContain('triage_dismiss');
    expect(json).not.toMatch(/\*Category\*\\ndelay/);
  });

  it('Slack: once a person picked (even the reader\'s guess), the card shows the pick and Confirm', () => {
    const picked = JSON.stringify(renderTriageCard(triageCardViewOf(unsure({ changedBy: 'Bea' }), { odooUrl: 'http://o' })));
    expect(picked).toContain('Confirm: delay');
    expect(picked).toContain('"initial_option"');
  });

  it('Teams: the choice set has no value and the only actions are Set category and Dismiss', () => {
    const card = triageAdaptiveCard(triageCardViewOf(unsure(), { odooUrl: 'http://o' }));
    const body = card.body as Array<{ type: string }>;
    const choice = body.find((e) => e.type === 'Input.ChoiceSet');
    expect(choice).toBeDefined();
    expect(choice).not.toHaveProperty('value');
    const actions = (card.actions ?? []) as Array<{ type: string; verb?: string }>;
    const verbs = actions.filter((a) => a.type === 'Action.Execute').map((a) => a.verb);
    expect(verbs).toEqual([TEAMS_VERBS.triageSetCategory, TEAMS_VERBS.triageDismiss]);
    expect(JSON.stringify(card)).toContain('not sure: pick one below');
  });

  it('a confident reading keeps its pre-selected category and Confirm', () => {
    const view = triageCardViewOf(proposal({ reading: { ...proposal().reading, confidence: 0.9 } }), { odooUrl: 'http://o' });
    expect(view.needsPick).toBe(false);
    expect(JSON.stringify(renderTriageCard(view))).toContain('triage_confirm');
  });
});
