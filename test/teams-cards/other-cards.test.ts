import { describe, expect, it } from 'vitest';
import { EXCEPTION_ACTIONS } from '../../src/alerts/lifecycle/exception-click.ts';
import { appHomeCard } from '../../adapters/teams/cards/app-home-card.ts';
import { digestAdaptiveCard, exceptionAdaptiveCard, exceptionVerb } from '../../adapters/teams/cards/exception-card.ts';
import { statusAnswerCard } from '../../adapters/teams/cards/status-answer.ts';
import { triageAdaptiveCard } from '../../adapters/teams/cards/triage-card.ts';
import { TEAMS_INPUTS, TEAMS_VERBS } from '../../adapters/teams/cards/verbs.ts';
import { allAppHomes, allExceptionViews, allStatusAnswers, allTriageViews, digestView } from '../mobile/card-views.ts';

type Node = Record<string, unknown>;
const executes = (node: unknown): Node[] => {
  if (Array.isArray(node)) return node.flatMap(executes);
  if (typeof node !== 'object' || node === null) return [];
  const n = node as Node;
  return [...(n.type === 'Action.Execute' ? [n] : []), ...Object.entries(n).filter(([k]) => k !== 'refresh').flatMap(([, v]) => executes(v))];
};

describe('the Teams exception card and digest', () => {
  const views = allExceptionViews();

  it('an open exception offers every action, verbs from EXCEPTION_ACTIONS, data {key}; snoozes sit in one inline card', () => {
    const card = exceptionAdaptiveCard(views.open!);
    const verbs = executes(card.actions).map((a) => a.verb);
    expect(verbs).toEqual(['acknowledge', 'snooze-1h', 'snooze-4h', 'snooze-tomorrow', 'own', 'ask-buyer'].map((a) => `exception.${a}`));
    for (const a of executes(card.actions)) expect(a.data).toEqual({ key: 'late-receipt:stock.picking:100' });
    expect(card.actions).toContainEqual(expect.objectContaining({ type: 'Action.ShowCard', title: 'Snooze…' }));
    expect(card.actions).toContainEqual(expect.objectContaining({ type: 'Action.OpenUrl', title: 'Open in Odoo' }));
    expect(card.refresh).toEqual({ action: { type: 'Action.Execute', verb: TEAMS_VERBS.exceptionRefresh, data: { key: 'late-receipt:stock.picking:100' } } });
    for (const action of EXCEPTION_ACTIONS) expect(exceptionVerb(action)).toBe(`${TEAMS_VERBS.exceptionPrefix}${action}`);
  });

  it('acknowledged and owned drop the buttons that no longer apply; a cleared one only opens Odoo', () => {
    expect(executes(exceptionAdaptiveCard(views.acknowledged!).actions).map((a) => a.verb)).not.toContain('exception.acknowledge');
    expect(executes(exceptionAdaptiveCard(views.owned!).actions).map((a) => a.verb)).not.toContain('exception.own');
    expect(executes(exceptionAdaptiveCard(views.owned!).actions).map((a) => a.verb)).not.toContain('exception.ask-buyer');
    expect(exceptionAdaptiveCard(views.cleared!).actions).toEqual([expect.objectContaining({ type: 'Action.OpenUrl' })]);
  });

  it('a digest row opens the exception by its key; the rest is counted', () => {
    const card = digestAdaptiveCard(digestView());
    expect(executes(card.body).map((a) => [a.verb, a.data])).toEqual([
      ['exception.open', { key: 'late-receipt:stock.picking:100' }],
      ['exception.open', { key: 'late-receipt:stock.picking:101' }],
    ]);
    expect(JSON.stringify(card.body)).toContain('…and 1 more');
    expect(JSON.stringify(card.body)).not.toContain('[pay](http');
  });
});

describe('the Teams triage card', () => {
  const views = allTriageViews();

  it('open: Confirm carries the shown category, Set category the choice set, plus Dismiss; the warning shows', () => {
    const card = triageAdaptiveCard(views.open!);
    const [confirm, set, dismiss] = executes(card.actions);
    expect(confirm).toMatchObject({ verb: TEAMS_VERBS.triageConfirm, title: 'Confirm: delay', data: { proposalId: 'tri-abc', revision: 3, category: 'delay' }, associatedInputs: 'none' });
    expect(set).toMatchObject({ verb: TEAMS_VERBS.triageSetCategory, data: { proposalId: 'tri-abc', revision: 3 }, associatedInputs: 'auto' });
    expect(dismiss).toMatchObject({ verb: TEAMS_VERBS.triageDismiss });
    expect(card.body).toContainEqual(expect.objectContaining({ type: 'Input.ChoiceSet', id: TEAMS_INPUTS.triageCategory, value: 'delay', style: 'compact' }));
    expect(JSON.stringify(card.body)).toContain('instructions aimed at the bot');
    expect(card.refresh).toMatchObject({ action: { verb: TEAMS_VERBS.triageRefresh } });
  });

  it('failed offers Retry; decided states have no controls and no choice set', () => {
    expect(executes(triageAdaptiveCard(views.failed!).actions).map((a) => a.verb)).toEqual([TEAMS_VERBS.triageRetry]);
    for (const state of ['queued', 'retrying', 'written', 'dismissed']) {
      const card = triageAdaptiveCard(views[state]!);
      expect(executes(card.actions)).toEqual([]);
      expect(JSON.stringify(card.body)).not.toContain('Input.ChoiceSet');
    }
    expect(JSON.stringify(triageAdaptiveCard(views.dismissed!).body)).toContain('Dismissed by Bea');
  });

  it('escapes the email: the quoted evidence keeps its heading and list markers as text', () => {
    const json = JSON.stringify(triageAdaptiveCard(views.open!).body);
    expect(json).toContain('\\\\# New ship date');
    expect(json).toContain('\\\\- is 12/03');
    expect(json).toContain('1\\\\. ');
    expect(json).not.toContain('{{DATE(2026-01-01');
  });
});

describe('Teams status answers and the home card', () => {
  const answers = allStatusAnswers();

  it('a PO status: next owner, facts, exceptions, timeline and an Open in Odoo link', () => {
    const card = statusAnswerCard(answers.po!);
    const json = JSON.stringify(card.body);
    expect(json).toContain('**Next: the vendor (');
    expect(json).toContain('Receipt WH/IN/00100 late by 4 days');
    expect(json).toContain('Also matches: P00043');
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open P00042 in Odoo', url: 'https://odoo.example/web#id=42&model=purchase.order&view_type=form' }]);
  });

  it('a list: text rows linking each PO, the range, and the command for the next page', () => {
    const json = JSON.stringify(statusAnswerCard(answers.list!).body);
    expect(json).toContain('[P0001](https://odoo.example/web#id=1&model=purchase.order)');
    expect(json).toContain('1–3 of 12, most urgent first · next page: po late at WH page 2');
    expect(JSON.stringify(statusAnswerCard(answers.emptyList!).body)).toContain('None of your POs has an open exception.');
  });

  it('help lists the examples with the Teams command; refusals are plain sentences', () => {
    expect(JSON.stringify(statusAnswerCard(answers.help!).body)).toContain('**po my approvals**');
    expect(JSON.stringify(statusAnswerCard(answers.forbidden!).body)).toContain('belongs to Other Co');
    expect(JSON.stringify(statusAnswerCard(answers.notFound!).body)).not.toContain('[pay](http');
  });

  it('the home card: approvals, exceptions, recent decisions, and the counts left out', () => {
    const json = JSON.stringify(appHomeCard(allAppHomes().home!).body);
    expect(json).toContain('Procurement for Avery Quinn');
    expect(json).toContain('**Waiting for your approval** (7)');
    expect(json).toContain('6 more: po approvals');
    expect(json).toContain('approved by \\\\*Acme\\\\*');
    expect(JSON.stringify(appHomeCard(allAppHomes().unmapped!).body)).toContain('map me');
    // Request purchase, as on Slack's App Home; not for someone the bot cannot map to Odoo.
    expect(appHomeCard(allAppHomes().home!).actions).toEqual([{ type: 'Action.Execute', title: 'Request purchase', verb: 'request.open', data: {} }]);
    expect(appHomeCard(allAppHomes().unmapped!).actions).toBeUndefined();
  });
});
