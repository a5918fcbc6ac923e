import { describe, expect, it } from 'vitest';
import { appHomeCard } from '../../adapters/teams/cards/app-home-card.ts';
import { statusAnswerCard } from '../../adapters/teams/cards/status-answer.ts';
import type { AppHomeView, StatusAnswer } from '../../src/status/index.ts';
import { ACME } from './insights-fixtures.ts';

// Teams has no home tab: `po home` (and the install greeting) is the personal view. Same numbers
// as Slack's App Home; the scorecard's chart is an Image with the signed PNG URL.
const home: AppHomeView = {
  kind: 'home', name: 'Avery Quinn', approvals: [], approvalsTotal: 0, exceptions: [], exceptionsTotal: 0, decisions: [], refreshedAt: new Date('2026-11-24T15:00:00Z'),
  numbers: { pendingApprovals: 3, medianDecisionHours: 51.5, decisionsLast30Days: 14, openExceptionsOnMyOrders: 2 },
};

describe('Teams cards with the control tower', () => {
  it('the home card shows the viewer\u2019s numbers as facts', () => {
    const json = JSON.stringify(appHomeCard(home));
    expect(json).toContain('**Your numbers**');
    expect(json).toContain('{"title":"Waiting for you","value":"3"}');
    expect(json).toContain('{"title":"Your median decision time","value":"2.1 days (last 90 days)"}');
    expect(json).toContain('{"title":"Open exceptions on your POs","value":"2"}');
    expect(JSON.stringify(appHomeCard({ ...home, numbers: null }))).toContain('Your numbers cannot be read right now');
    const { numbers: _left, ...without } = home as Extract<AppHomeView, { kind: 'home' }>;
    expect(JSON.stringify(appHomeCard(without))).not.toContain('Your numbers');
  });

  it('po vendor: the scorecard, then the chart image, then the POs', () => {
    const answer: StatusAnswer = {
      kind: 'list',
      list: {
        query: { kind: 'vendor_pos', vendor: 'Acme', page: 1 }, title: 'POs of Acme', total: 0, from: 1, emptyText: 'Acme has no purchase orders in your companies.', items: [], next: null, nextCommand: null,
        scorecard: { vendorId: 7, vendorName: 'Acme Industrial', weeks: 12, total: ACME.total, chartUrl: 'https://bot.example.com/charts/abc.sig.png' },
      },
    };
    const card = statusAnswerCard(answer) as { body: Array<Record<string, unknown>> };
    const types = card.body.map((e) => e.type);
    expect(types).toEqual(['TextBlock', 'TextBlock', 'FactSet', 'Image', 'TextBlock']);
    expect(card.body[3]).toMatchObject({ type: 'Image', url: 'https://bot.example.com/charts/abc.sig.png', altText: expect.stringContaining('Acme Industrial') });
    expect(JSON.stringify(card.body[2])).toContain('75% of 8 receipts');
  });
});
