import { describe, expect, it } from 'vitest';
import { renderApprovalCard } from '../../adapters/slack/blocks/approval-card.ts';
import { renderApprovalDetails } from '../../adapters/slack/blocks/approval-details.ts';
import { approvalAdaptiveCard, approvalDetailsCards } from '../../adapters/teams/cards/approval-card.ts';
import { TEAMS_VERBS } from '../../adapters/teams/cards/verbs.ts';
import { cardView, line } from '../slack/card-view-fixture.ts';
import { longView, longViewAllLines } from './card-views.ts';

type Node = Record<string, unknown>;
const find = (items: unknown[], id: string) => items.find((i) => (i as Node).id === id) as Node | undefined;

describe('a long PO stays a short card on a phone', () => {
  it('Teams: five lines, the count of the rest, and a Details action', () => {
    const card = approvalAdaptiveCard(longView(), null);
    const lines = find(card.body, 'lines')!;
    expect((lines.items as unknown[]).length).toBe(5);
    expect(JSON.stringify(card.body)).toContain('…and 195 more lines (Details shows them all)');
    expect(card.actions).toContainEqual(expect.objectContaining({ type: 'Action.Execute', title: 'Details', verb: TEAMS_VERBS.approvalDetails, data: { requestId: 'req-po-42', version: 'v7a1b2c3d4' } }));
  });

  it('Teams: a view carrying more than five lines is cut to five too, and counted', () => {
    const card = approvalAdaptiveCard(cardView({ lines: Array.from({ length: 9 }, (_, i) => line(i + 1)) }), null);
    expect((find(card.body, 'lines')!.items as unknown[]).length).toBe(5);
    expect(JSON.stringify(card.body)).toContain('…and 4 more lines');
  });

  it('Teams: a short PO has no Details action', () => {
    const card = approvalAdaptiveCard(cardView(), null);
    expect(JSON.stringify(card.actions)).not.toContain(TEAMS_VERBS.approvalDetails);
  });

  it('Teams: Details lists every line, split into cards Teams accepts', () => {
    const cards = approvalDetailsCards(longViewAllLines());
    expect(cards.length).toBeGreaterThan(1);
    const texts = cards.flatMap((c) => (find(c.body, 'lines')!.items as Node[]).map((i) => String(i.text)));
    expect(texts).toHaveLength(200);
    expect(texts[199]).toContain('Steel bolts M200');
    cards.forEach((c, i) => {
      expect(Buffer.byteLength(JSON.stringify(c))).toBeLessThan(28_000);
      expect(JSON.stringify(c.body[0])).toContain(`part ${i + 1} of ${cards.length}`);
    });
  });

  it('Slack: five lines, the count, and a Details button; Details chunks to Block Kit limits', () => {
    const message = renderApprovalCard(longView());
    expect(JSON.stringify(message.blocks)).toContain('…and 195 more lines (Details shows them all)');
    expect(JSON.stringify(message.blocks)).toContain('"action_id":"approval_details"');
    const details = renderApprovalDetails(longViewAllLines());
    expect(details.every((m) => m.blocks.length <= 50)).toBe(true);
    expect(details.map((m) => JSON.stringify(m.blocks)).join('')).toContain('Steel bolts M200');
  });
});
