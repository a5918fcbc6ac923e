import { describe, expect, it } from 'vitest';
import { approvalAdaptiveCard, approvalDetailsCards } from '../../adapters/teams/cards/approval-card.ts';
import { appHomeCard } from '../../adapters/teams/cards/app-home-card.ts';
import { digestAdaptiveCard, exceptionAdaptiveCard } from '../../adapters/teams/cards/exception-card.ts';
import { statusAnswerCard } from '../../adapters/teams/cards/status-answer.ts';
import { triageAdaptiveCard } from '../../adapters/teams/cards/triage-card.ts';
import { allAppHomes, allApprovalViews, allExceptionViews, allStatusAnswers, allTriageViews, digestView, longViewAllLines } from './card-views.ts';
import { adaptiveCardViolations } from './walk-card.ts';

const viewers = { posted: null, approver: { mayDecide: true, mayRetry: true }, other: { mayDecide: false, mayRetry: false, note: 'You are not an approver of this PO' } };

/** Every Teams card the bot can send, by name. */
function everyTeamsCard(): Array<[string, unknown]> {
  const cards: Array<[string, unknown]> = [];
  for (const [name, view] of Object.entries(allApprovalViews())) {
    for (const [who, viewer] of Object.entries(viewers)) cards.push([`approval ${name} (${who})`, approvalAdaptiveCard(view, viewer)]);
  }
  approvalDetailsCards(longViewAllLines()).forEach((c, i) => cards.push([`details part ${i + 1}`, c]));
  for (const [name, view] of Object.entries(allExceptionViews())) cards.push([`exception ${name}`, exceptionAdaptiveCard(view)]);
  cards.push(['digest', digestAdaptiveCard(digestView())]);
  for (const [name, view] of Object.entries(allTriageViews())) cards.push([`triage ${name}`, triageAdaptiveCard(view)]);
  for (const [name, answer] of Object.entries(allStatusAnswers())) cards.push([`status ${name}`, statusAnswerCard(answer)]);
  for (const [name, home] of Object.entries(allAppHomes())) cards.push([`home ${name}`, appHomeCard(home)]);
  return cards;
}

describe('Teams cards use only what Teams mobile renders', () => {
  const cards = everyTeamsCard();

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
      body: [{ type: 'TextBlock', text: 'x' }, { type: 'Input.Date', id: 'd' }, { type: 'Container', items: [{ type: 'Image', url: 'https://x' }], selectAction: { type: 'Action.Submit' } }],
      actions: [{ type: 'Action.Submit', title: 'Go' }, { type: 'Action.Execute', title: 'x', verb: 'v', data: { nested: { a: 1 } } }, { type: 'Action.ShowCard', title: 's', card: { type: 'AdaptiveCard', body: [], actions: [{ type: 'Action.ShowCard', title: 't', card: { type: 'AdaptiveCard', body: [] } }] } }],
    };
    const violations = adaptiveCardViolations(bad).join('\n');
    expect(violations).toContain('version 1.4');
    expect(violations).toContain('TextBlock without wrap');
    expect(violations).toContain('Input.Date is forbidden');
    expect(violations).toContain('Image is forbidden');
    expect(violations).toContain('Container.selectAction is not on the allowlist');
    expect(violations).toContain('Action.Submit is forbidden');
    expect(violations).toContain('action data must be a flat object');
    expect(violations).toContain('ShowCard inside a ShowCard');
  });
});
