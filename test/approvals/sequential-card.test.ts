import { describe, expect, it } from 'vitest';
import { renderApprovalCard } from '../../adapters/slack/blocks/approval-card.ts';
import { cardViewOf } from '../../src/approvals/card-view-of.ts';
import { newChain } from '../../src/approvals/approval-chain.ts';
import { pendingRequest, decisionBy } from '../support/approval-fixtures.ts';
import { cardView } from '../slack/card-view-fixture.ts';

type AnyBlock = Record<string, unknown> & { type: string };

describe('the approval chain on the Slack card', () => {
  it('lists every level with its state in one section, escaping names, with the buttons still there', () => {
    const message = renderApprovalCard(cardView({
      chain: [
        { level: 1, label: 'Category <!channel> manager', state: 'approved', by: 'Avery *Quinn*', at: '2026-02-27T09:00:00Z' },
        { level: 2, label: 'CFO', state: 'waiting', waitingText: '6 business hours' },
        { level: 3, label: 'Board', state: 'skipped' },
      ],
    }));
    const blocks = message.blocks as AnyBlock[];
    const chain = blocks.find((b) => b.block_id === 'chain') as { type: string; text: { type: string; text: string } };
    expect(chain.type).toBe('section');
    expect(chain.text.type).toBe('mrkdwn');
    const lines = chain.text.text.split('\n');
    expect(lines[0]).toBe('*Approval chain*');
    expect(lines[1]).toMatch(/^:white_check_mark: Level 1 · \*Category &lt;!channel&gt; manager\*: approved by Avery .*Quinn.* at <!date\^/);
    expect(lines[1]).not.toContain('<!channel>');
    expect(lines[2]).toBe(':hourglass_flowing_sand: Level 2 · *CFO*: waiting 6 business hours');
    expect(lines[3]).toBe(':fast_forward: Level 3 · *Board*: skipped (not required for this amount)');
    // Only the blocks of docs/chat-elements.md.
    expect(new Set(blocks.map((b) => b.type))).toEqual(new Set(['header', 'section', 'context', 'actions']));
  });

  it('leaves the card of a single-level rule as it was (no chain block)', () => {
    const view = cardViewOf(pendingRequest(), { odooUrl: 'https://odoo.example', ageText: '1 business hour' });
    expect(view.chain).toBeUndefined();
    expect((renderApprovalCard(view).blocks as AnyBlock[]).some((b) => b.block_id === 'chain')).toBe(false);
  });

  it('builds the chain view from the request: who decided, and how long the waiting level has waited', () => {
    const request = pendingRequest({ ruleName: 'chain' });
    const chain = newChain([{ level: 1, label: 'Category manager', applies: true }, { level: 2, label: 'CFO', applies: true }], request.requestedAt);
    request.chain = [{ ...chain[0]!, state: 'approved', decision: decisionBy('U0AVERY', { actor: { platform: 'slack', userId: 'U0AVERY', displayName: 'Avery Quinn' } }) }, { ...chain[1]!, state: 'waiting', since: '2026-11-27T15:00:00.000Z' }];
    const view = cardViewOf(request, { odooUrl: 'https://odoo.example', ageText: '9 business hours', levelAge: (since) => `since ${since}` });
    expect(view.chain).toEqual([
      { level: 1, label: 'Category manager', state: 'approved', by: 'Avery Quinn', at: '2026-11-26T22:20:00.000Z' },
      { level: 2, label: 'CFO', state: 'waiting', waitingText: 'since 2026-11-27T15:00:00.000Z' },
    ]);
  });
});
