import { describe, expect, it } from 'vitest';
import { everyTeamsCard } from '../card-validation/every-card.ts';
import { adaptiveCardViolations } from './walk-card.ts';

/** Every Teams card the bot can send (the same list Microsoft's validator reads), by name. */
const everyCard = (): Array<[string, unknown]> => everyTeamsCard().map((v) => [v.name, v.card]);

describe('Teams cards use only what Teams mobile renders', () => {
  const cards = everyCard();

  it.each(cards)('%s: every element, property and value is on the allowlist', (_name, card) => {
    expect(adaptiveCardViolations(card)).toEqual([]);
  });

  it.each(cards)('%s: Universal Actions only, version 1.5, at most 6 actions, under 28 KB', (_name, card) => {
    const json = JSON.stringify(card);
    expect(json).not.toMatch(/"Action\.Submit"|"Input\.Date"|"Input\.Time"/);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', msteams: { width: 'Full' } });
    expect(((card as { actions?: unknown[] }).actions ?? []).length).toBeLessThanOrEqual(6);
    expect(Buffer.byteLength(json)).toBeLessThan(28_000);
  });

  it('the walker catches what mobile drops (so the tests above can fail)', () => {
    const bad = {
      type: 'AdaptiveCard', version: '1.4',
      body: [{ type: 'TextBlock', text: 'x' }, { type: 'Input.Date', id: 'd' }, { type: 'Container', items: [{ type: 'Media', sources: [] }], selectAction: { type: 'Action.Submit' } }],
      actions: [{ type: 'Action.Submit', title: 'Go' }, { type: 'Action.Execute', title: 'x', verb: 'v', data: { nested: { a: 1 } } }, { type: 'Action.ShowCard', title: 's', card: { type: 'AdaptiveCard', body: [], actions: [{ type: 'Action.ShowCard', title: 't', card: { type: 'AdaptiveCard', body: [] } }] } }],
    };
    const violations = adaptiveCardViolations(bad).join('\n');
    expect(violations).toContain('version 1.4');
    expect(violations).toContain('TextBlock without wrap');
    expect(violations).toContain('Input.Date is forbidden');
    expect(violations).toContain('Media is forbidden');
    expect(violations).toContain('Container.selectAction is not on the allowlist');
    expect(violations).toContain('Action.Submit is forbidden');
    expect(violations).toContain('action data must be a flat object');
    expect(violations).toContain('ShowCard inside a ShowCard');
  });
});
