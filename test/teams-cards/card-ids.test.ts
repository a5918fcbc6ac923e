import { describe, expect, it } from 'vitest';
import { ac } from '../../adapters/teams/cards/adaptive-card.ts';
import { approvalAdaptiveCard } from '../../adapters/teams/cards/approval-card.ts';
import { assertUniqueIds, cardId, DuplicateCardIdError, INPUT_PREFIX } from '../../adapters/teams/cards/card-ids.ts';
import { TEAMS_INPUTS } from '../../adapters/teams/cards/verbs.ts';
import { cardView } from '../slack/card-view-fixture.ts';

const idsOf = (node: unknown, out: string[] = []): string[] => {
  if (Array.isArray(node)) node.forEach((n) => idsOf(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.id === 'string') out.push(o.id);
    for (const [k, v] of Object.entries(o)) if (k !== 'data' && k !== 'refresh') idsOf(v, out);
  }
  return out;
};

describe('Teams card ids', () => {
  it('the approval card that offers Reject has the reason text and the reason input under different ids', () => {
    const card = approvalAdaptiveCard(cardView(), null);
    const ids = idsOf(card);
    expect(ids).toContain('reason');
    expect(ids).toContain(TEAMS_INPUTS.rejectReason);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('inputs live in their own namespace: no block name can be an input id', () => {
    expect(TEAMS_INPUTS.rejectReason).toBe(`${INPUT_PREFIX}reject-reason`);
    expect(TEAMS_INPUTS.triageCategory).toBe(`${INPUT_PREFIX}triage-category`);
    expect(cardId.block('reason')).not.toContain('.');
  });

  it('a card that uses one id twice is refused, in the body or across a show-card', () => {
    expect(() => ac.card([ac.text('a', { id: cardId.block('status') }), ac.text('b', { id: cardId.block('status') })], [])).toThrow(DuplicateCardIdError);
    const input = { type: 'Input.Text', id: TEAMS_INPUTS.rejectReason, label: 'R', isRequired: true, errorMessage: 'e', isMultiline: false, maxLength: 10 } as const;
    expect(() => ac.card([input], [ac.showCard('x', [input], [])])).toThrow(/input\.reject-reason/);
    // Action data is the bot's payload, not structure: a key named like an id is no duplicate.
    expect(() => assertUniqueIds({ body: [{ id: 'facts' }], actions: [{ data: { id: 'facts' } }] })).not.toThrow();
  });
});
