import { describe, expect, it } from 'vitest';
import { adaptiveCardEvents, adaptiveCardRoundTrip } from './adaptive-card-events.ts';
import { everyTeamsCard } from './every-card.ts';

const variants = everyTeamsCard();

type Json = Record<string, unknown>;
/** Element and action types, in order, wherever they sit. */
const typesIn = (node: unknown, out: string[] = []): string[] => {
  if (Array.isArray(node)) node.forEach((n) => typesIn(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Json;
    if (typeof o.type === 'string' && o.type !== 'AdaptiveCard') out.push(o.type);
    for (const [k, v] of Object.entries(o)) if (k !== 'data') typesIn(v, out);
  }
  return out;
};

describe('every Teams card, as Microsoft\'s adaptivecards library reads it', () => {
  it('covers every card the bot sends, with the long and hostile ones', () => {
    expect(variants.length).toBeGreaterThanOrEqual(150);
    expect(variants.filter((v) => v.extreme).length).toBeGreaterThanOrEqual(50);
    expect(new Set(variants.map((v) => v.name)).size).toBe(variants.length);
  });

  it.each(variants.map((v) => [v.name, v] as const))('%s: parse and validateProperties report 0 errors, 0 warnings', (_name, v) => {
    expect(adaptiveCardEvents(v.card)).toEqual([]);
  });

  it.each(variants.map((v) => [v.name, v] as const))('%s: the parser keeps every element and action (nothing dropped as unknown)', (_name, v) => {
    // Order aside (the serializer writes `refresh` first), the same elements and actions come back.
    expect(typesIn(adaptiveCardRoundTrip(v.card)).sort()).toEqual(typesIn(v.card).sort());
  });

  it('the validator fails a card with two elements of one id, as the approval card had (so the tests above can fail)', () => {
    const card = {
      type: 'AdaptiveCard', version: '1.5',
      body: [{ type: 'TextBlock', id: 'reason', text: '**Needs approval because** over 10,000', wrap: true }],
      actions: [{ type: 'Action.ShowCard', title: 'Reject…', card: { type: 'AdaptiveCard', body: [{ type: 'Input.Text', id: 'reason', label: 'Reason', isRequired: true, errorMessage: 'Say why' }], actions: [{ type: 'Action.Execute', title: 'Reject', verb: 'approval.reject' }] } }],
    };
    expect(adaptiveCardEvents(card)).toEqual([expect.stringMatching(/^validation DuplicateId: .*"reason"/)]);
  });

  it('and one with an unknown element, a required input without label or error message, or 7 actions', () => {
    const execute = (n: number) => ({ type: 'Action.Execute', title: `A${n}`, verb: `v${n}` });
    const card = {
      type: 'AdaptiveCard', version: '1.5',
      body: [{ type: 'Blink', text: 'x' }, { type: 'Input.Text', id: 'x', isRequired: true }],
      actions: Array.from({ length: 7 }, (_, i) => execute(i)),
    };
    const events = adaptiveCardEvents(card).join('\n');
    expect(events).toContain('UnknownElementType');
    expect(events).toContain('RequiredInputsShouldHaveLabel');
    expect(events).toContain('RequiredInputsShouldHaveErrorMessage');
    expect(events).toContain('TooManyActions');
  });
});
