import { describe, expect, it } from 'vitest';
import { renderAppHome } from '../../adapters/slack/blocks/app-home.ts';
import { STATUS_MORE_ACTION, renderStatusAnswer } from '../../adapters/slack/blocks/status-answer.ts';
import { helpAnswer, type StatusAnswer } from '../../src/status/status-answer.ts';
import { at } from './fixtures.ts';

const evil = 'Evil <!channel> & <http://x.example|click> Co';

const poAnswer: StatusAnswer = {
  kind: 'po_status',
  po: {
    orderId: 42, orderName: 'P00042', state: 'purchase', stateWords: 'Purchase order (confirmed)', vendor: evil, partnerRef: 'SO-1', amountTotal: 12_000, currency: 'USD',
    buyer: 'Megan Holt', company: 'Northgate Supply Group', warehouse: 'Joliet DC',
    next: { owner: 'vendor', who: evil, what: `Receipt WH/IN/00100 late by 4 days at Joliet DC: ${evil} has not delivered`, since: at('2026-11-20T15:00:00Z'), waited: '4 days' },
    timeline: [{ label: 'Created', at: at('2026-11-09T15:00:00Z'), dated: true }, { label: 'Vendor confirmed the receipt date', at: at('2026-11-10T15:00:00Z'), dated: false }],
    exceptions: ['Receipt WH/IN/00100 at Joliet DC is late by 4 days (scheduled 2026-11-20)'],
    odooUrl: 'https://odoo.example/web#id=42&model=purchase.order&view_type=form', alsoMatched: [],
  },
};

describe('Block Kit rendering of status answers', () => {
  it('escapes Odoo text so it can never ping or hide a link', () => {
    const json = JSON.stringify(renderStatusAnswer(poAnswer).blocks);
    expect(json).not.toContain('<!channel>');
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).toContain('<https://odoo.example/web#id=42&model=purchase.order&view_type=form|Open P00042 in Odoo>');
  });

  it('shows a More button carrying the next query, and the words that ask for it', () => {
    const message = renderStatusAnswer({
      kind: 'list',
      list: {
        query: { kind: 'late_receipts', warehouse: 'WH', vendor: null, page: 1 }, title: 'Late receipts at WH', total: 12, from: 1, emptyText: 'Nothing is late.',
        items: [{ orderId: 42, orderName: 'P00042', vendor: evil, amountTotal: 10, currency: 'USD', headline: 'late', since: null, odooUrl: 'https://odoo.example/x' }],
        next: { kind: 'late_receipts', warehouse: 'WH', vendor: null, page: 2 }, nextCommand: 'late at WH page 2',
      },
    });
    const actions = message.blocks.find((b) => b.type === 'actions') as { elements: Array<{ action_id: string; value: string }> };
    expect(actions.elements[0]).toMatchObject({ action_id: STATUS_MORE_ACTION, value: JSON.stringify({ kind: 'late_receipts', warehouse: 'WH', vendor: null, page: 2 }) });
    expect(JSON.stringify(message.blocks)).toContain('`/po late at WH page 2`');
  });

  it('renders help with examples, and the home tab of an unmapped user', () => {
    expect(JSON.stringify(renderStatusAnswer(helpAnswer('I could not tell what you are asking in "x".')).blocks)).toContain('`/po my approvals`');
    expect(renderAppHome({ kind: 'unmapped', message: 'map me' })).toMatchObject({ type: 'home' });
  });
});
