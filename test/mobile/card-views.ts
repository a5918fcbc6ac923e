/**
 * Every view the bot renders, in every state it can be in, for the mobile allowlist and snapshot
 * tests of both platforms. Raw text includes hostile strings: escaping must hold in every state.
 */
import type { ApprovalCardStatus, ApprovalCardView } from '../../src/approvals/approval-card-view.ts';
import type { DigestView, ExceptionView } from '../../src/alerts/lifecycle/exception-view.ts';
import type { AppHomeView, StatusAnswer } from '../../src/status/index.ts';
import { helpAnswer } from '../../src/status/status-answer.ts';
import { triageCardViewOf, type TriageCardView } from '../../src/triage/flow/triage-card-view.ts';
import type { BillProposal, EmailProposal } from '../../src/triage/flow/triage-proposal.ts';
import { cardView, line } from '../slack/card-view-fixture.ts';

export const HOSTILE = '*Acme* _Evil_ ~x~ `code` [pay](http://evil.example) <at>all</at> {{DATE(2026-01-01T00:00:00Z)}} <!channel> & co';

const by = { platform: 'teams', userId: '29:1abc', displayName: 'Avery Quinn' } as const;

export const APPROVAL_STATUSES: Record<string, ApprovalCardStatus> = {
  pending: { kind: 'pending' },
  queued: { kind: 'queued', decision: 'approve', by: 'Avery Quinn' },
  retrying: { kind: 'retrying', decision: 'approve', by: 'Avery Quinn', attempt: 2, reason: 'Odoo timed out' },
  written: { kind: 'written', decision: 'approve', by: 'Avery Quinn', at: '2026-02-27T10:15:00Z' },
  rejected: { kind: 'written', decision: 'reject', by: 'Avery Quinn', at: '2026-02-27T10:15:00Z', reason: 'Price above *framework*' },
  failed: { kind: 'failed', decision: 'approve', by: 'Avery Quinn', reason: 'Odoo refused: access error', retryableBy: by },
  decidedElsewhere: { kind: 'decided_elsewhere', outcome: 'approved', by: 'Daniel Okafor', at: '2026-02-27T11:00:00Z' },
  changed: { kind: 'decided_elsewhere', outcome: 'changed', by: null, at: null },
};

/** A two-level chain, level 1 approved by a delegate, level 2 waiting. */
export const CHAIN: NonNullable<ApprovalCardView['chain']> = [
  { level: 1, label: 'Category manager', state: 'approved', by: 'Daniel Okafor', onBehalfOf: 'Avery Quinn', at: '2026-02-27T09:00:00Z' },
  { level: 2, label: 'CFO', state: 'waiting', waitingText: '6 business hours' },
  { level: 3, label: 'Board', state: 'upcoming' },
];

/** The approval views the snapshot tests pin, on both platforms. */
export const APPROVAL_SNAPSHOT_VIEWS: Record<string, ApprovalCardView> = {
  pending: cardView({ confirmApprove: true }),
  chain: cardView({ chain: CHAIN }),
  delegated: cardView({ onBehalfOf: 'Avery Quinn', status: { kind: 'queued', decision: 'approve', by: 'Daniel Okafor', onBehalfOf: 'Avery Quinn' } }),
  written: cardView({ status: APPROVAL_STATUSES.written! }),
  failed: cardView({ status: APPROVAL_STATUSES.failed! }),
  // A delegate's copy of a chain card after they decided level 1 for an absent approver.
  delegatedChain: cardView({
    onBehalfOf: 'Avery Quinn',
    chain: [{ ...CHAIN[0]!, by: 'Daniel Okafor', onBehalfOf: 'Avery Quinn' }, { level: 2, label: 'CFO', state: 'waiting', waitingText: '1 business hour' }],
  }),
};

/** Every approval view: each status, plus a chain, a delegate, a long PO, a stale re-render and hostile text. */
export function allApprovalViews(): Record<string, ApprovalCardView> {
  const out: Record<string, ApprovalCardView> = { ...APPROVAL_SNAPSHOT_VIEWS };
  for (const [name, status] of Object.entries(APPROVAL_STATUSES)) out[`status-${name}`] = cardView({ status, chain: CHAIN });
  out.rejectedInChain = cardView({ status: APPROVAL_STATUSES.rejected!, chain: [{ ...CHAIN[0]! }, { level: 2, label: 'CFO', state: 'rejected', by: 'Carla CFO', at: '2026-02-27T12:00:00Z' }, { level: 3, label: 'Board', state: 'skipped' }] });
  out.delegatedTo = cardView({ delegatedTo: { name: 'Daniel Okafor', ended: false }, chain: CHAIN });
  out.delegationEnded = cardView({ onBehalfOf: 'Avery Quinn', onBehalfEnded: true });
  out.delegatedBack = cardView({ delegatedTo: { name: 'Daniel Okafor', ended: true } });
  out.delegatedFailed = cardView({ onBehalfOf: 'Avery Quinn', status: { ...APPROVAL_STATUSES.failed!, onBehalfOf: 'Avery Quinn' } as ApprovalCardView['status'] });
  out.long = longView();
  out.stale = cardView({ changes: ['Amount went from €12,500.00 to €13,000.00', 'Line *3* added'] });
  out.hostile = cardView({ vendorName: HOSTILE, buyerName: HOSTILE, companyName: HOSTILE, reason: HOSTILE, ruleName: HOSTILE, lines: [line(1, HOSTILE)], onBehalfOf: HOSTILE });
  return out;
}

/** A 200-line PO: the card carries 5 lines and counts the rest. */
export function longView(): ApprovalCardView {
  return cardView({ lines: Array.from({ length: 5 }, (_, i) => line(i + 1)), moreLines: 195 });
}

/** The same PO with every line, as Details receives it. */
export function longViewAllLines(): ApprovalCardView {
  return cardView({ lines: Array.from({ length: 200 }, (_, i) => line(i + 1, `Steel bolts M${i + 1} ${'x'.repeat(200)}`)), moreLines: 0 });
}

const exception = (over: Partial<ExceptionView> = {}): ExceptionView => ({
  key: 'late-receipt:stock.picking:100', type: 'late-receipt', typeLabel: 'Late receipt', title: `WH/IN/00100 from ${HOSTILE} is late`, severity: 'warning',
  severityRule: 'late by 2+ days', facts: [{ label: 'PO', value: 'P00042' }, { label: 'Vendor', value: HOSTILE }], state: 'open', stateText: 'Open: nobody has acknowledged it yet',
  escalated: false, actionable: true, canAskBuyer: true, odooUrl: 'https://odoo.example/web#id=100&model=stock.picking&view_type=form', firstSeenAt: '2026-11-20T15:00:00Z', ageText: '4 days', ...over,
});

export function allExceptionViews(): Record<string, ExceptionView> {
  return {
    open: exception(),
    escalated: exception({ escalated: true, severity: 'critical', stateText: 'Escalated 2026-11-21 09:00 UTC: nobody has acknowledged it yet' }),
    acknowledged: exception({ state: 'acknowledged', stateText: 'Acknowledged by Wes at 2026-11-20 16:00 UTC' }),
    owned: exception({ state: 'owned', stateText: 'Owned by Wes since 2026-11-20 16:00 UTC', canAskBuyer: false }),
    snoozed: exception({ state: 'snoozed', stateText: 'Snoozed until 2026-11-21 08:00 UTC by Wes', severity: 'info' }),
    cleared: exception({ state: 'cleared', actionable: false, stateText: 'Resolved 2026-11-22 10:00 UTC: received' }),
  };
}

export function digestView(): DigestView {
  return {
    kind: 'scheduled',
    heading: 'Open exceptions at Joliet DC',
    summary: [{ typeLabel: 'Late receipt', total: 3, byAge: [{ bucket: '1-3d', count: 2 }, { bucket: '>7d', count: 1 }] }],
    rows: [
      { key: 'late-receipt:stock.picking:100', typeLabel: 'Late receipt', title: `WH/IN/00100 from ${HOSTILE}`, severity: 'warning', state: 'open', ageText: '2 days', odooUrl: 'https://odoo.example/a' },
      { key: 'late-receipt:stock.picking:101', typeLabel: 'Late receipt', title: 'WH/IN/00101', severity: 'critical', state: 'snoozed', ageText: '8 days', odooUrl: 'https://odoo.example/b' },
    ],
    more: 1,
  };
}

const actor = { platform: 'teams', userId: '29:1abc', displayName: 'Bea' } as const;
const emailProposal = (over: Partial<EmailProposal> = {}): EmailProposal => ({
  kind: 'supplier-email', id: 'tri-abc', revision: 3, createdAt: '2026-11-20T10:00:00Z', status: 'open', proposed: 'delay', category: 'delay', changedBy: null,
  decision: null, writeback: null, target: { kind: 'channel', channel: 'C1' }, cards: [], source: 'webhook',
  email: { from: 'Eve <eve@evil.example>', subject: HOSTILE, receivedAt: '2026-11-20T10:00:00Z', messageKey: 'k' },
  match: { kind: 'reference', detail: 'matched by the reference P00042' },
  order: { id: 42, name: 'P00042', state: 'purchase', vendorName: HOSTILE, buyerId: 7, buyerName: 'Bea', companyId: 1, warehouseId: 1, warehouseName: 'WH', datePlanned: '2026-11-25' },
  reading: {
    category: 'delay', summary: `Delayed to Dec 3. ${HOSTILE}`, new_eta: '2026-12-03', confirmed_date: null, quantities: null, price_change_pct: null,
    confidence: 0.82, evidence: `# New ship date\n- is 12/03\n1. ${HOSTILE}`, injection_suspected: true, provider: 'heuristic', fallback_reason: 'triage_timeout: no answer within 20000 ms',
  },
  ...over,
});

export function allTriageViews(): Record<string, TriageCardView> {
  const decision = { id: 'd', action: 'confirm' as const, category: 'delay', actor, odooUserId: 7, odooLogin: 'bea', at: '2026-11-20T11:00:00Z', channel: 'C1' };
  const of = (p: EmailProposal | BillProposal) => triageCardViewOf(p, { odooUrl: 'https://odoo.example' });
  return {
    open: of(emailProposal()),
    changed: of(emailProposal({ category: 'price_change', changedBy: 'Bea' })),
    queued: of(emailProposal({ status: 'confirmed', decision, writeback: { state: 'queued' } })),
    retrying: of(emailProposal({ status: 'confirmed', decision, writeback: { state: 'retrying', attempt: 2, reason: 'timeout' } })),
    written: of(emailProposal({ status: 'confirmed', decision, writeback: { state: 'written', at: '2026-11-20T11:01:00Z', summary: 'Planned date set to 2026-12-03' } })),
    failed: of(emailProposal({ status: 'confirmed', decision, writeback: { state: 'failed', reason: 'Odoo refused', code: 'odoo_error' } })),
    dismissed: of(emailProposal({ status: 'dismissed', decision: { ...decision, action: 'dismiss' } })),
    noOrder: of(emailProposal({ order: null, reading: { ...emailProposal().reading, injection_suspected: false } })),
  };
}

const item = (n: number) => ({ orderId: n, orderName: `P000${n}`, vendor: HOSTILE, amountTotal: 1_000 * n, currency: 'USD', headline: `late by ${n} days at Joliet DC`, since: null, odooUrl: `https://odoo.example/web#id=${n}&model=purchase.order` });

export function allStatusAnswers(): Record<string, StatusAnswer> {
  return {
    po: {
      kind: 'po_status',
      po: {
        orderId: 42, orderName: 'P00042', state: 'purchase', stateWords: 'Purchase order (confirmed)', vendor: HOSTILE, partnerRef: 'SO-1', amountTotal: 12_000, currency: 'USD',
        buyer: 'Megan Holt', company: 'Northgate Supply Group', warehouse: 'Joliet DC',
        next: { owner: 'vendor', who: HOSTILE, what: 'Receipt WH/IN/00100 late by 4 days at Joliet DC', since: new Date('2026-11-20T15:00:00Z'), waited: '4 days' },
        timeline: [{ label: 'Created', at: new Date('2026-11-09T15:00:00Z'), dated: true }, { label: 'Vendor confirmed', at: new Date('2026-11-10T15:00:00Z'), dated: false }],
        exceptions: ['Receipt WH/IN/00100 at Joliet DC is late by 4 days'], odooUrl: 'https://odoo.example/web#id=42&model=purchase.order&view_type=form', alsoMatched: ['P00043'],
      },
    },
    list: {
      kind: 'list',
      list: {
        query: { kind: 'late_receipts', warehouse: 'WH', vendor: null, page: 1 }, title: 'Late receipts at WH', total: 12, from: 1, emptyText: 'Nothing is late.',
        items: [item(1), item(2), item(3)], next: { kind: 'late_receipts', warehouse: 'WH', vendor: null, page: 2 }, nextCommand: 'late at WH page 2',
      },
    },
    vendorScorecard: {
      kind: 'list',
      list: {
        query: { kind: 'vendor_pos', vendor: HOSTILE, page: 1 }, title: `POs of ${HOSTILE}`, total: 3, from: 1, emptyText: 'none', items: [item(1), item(2), item(3)], next: null, nextCommand: null,
        scorecard: {
          vendorId: 7, vendorName: HOSTILE, weeks: 12, chartUrl: 'https://bot.example.com/charts/eyJyIjp7fX0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.png',
          total: { week: '2026-11-02', ordersSent: 12, ordersConfirmed: 10, confirmLatency: { count: 10, p50Hours: 30, p90Hours: 70 }, neverConfirmed: 2, receiptsDone: 8, onTimeInFull: 6, otifRate: 0.75, averageSlipDays: 1.5, etaChanges: 3, etaChangesPerOrder: 0.25, bills: 4, billMismatches: 1, billMismatchRate: 0.25 },
        },
      },
    },
    emptyList: { kind: 'list', list: { query: { kind: 'my_exceptions', page: 1 }, title: 'Your POs with open exceptions', total: 0, from: 1, emptyText: 'None of your POs has an open exception.', items: [], next: null, nextCommand: null } },
    notFound: { kind: 'not_found', ref: HOSTILE },
    forbidden: { kind: 'forbidden', ref: 'P00099', company: 'Other Co' },
    unmapped: { kind: 'unmapped', message: 'I do not know your Odoo user: ask an admin to map your email.' },
    help: helpAnswer('I could not tell what you are asking.'),
  };
}

export function allAppHomes(): Record<string, AppHomeView> {
  return {
    home: {
      kind: 'home', name: 'Avery Quinn', approvals: [item(1)], approvalsTotal: 7, exceptions: [item(2)], exceptionsTotal: 1,
      decisions: [{ orderId: 3, orderName: 'P00003', action: 'approve', by: HOSTILE, at: new Date('2026-11-20T15:00:00Z'), outcome: 'written', byViewer: false, odooUrl: 'https://odoo.example/3' }],
      refreshedAt: new Date('2026-11-24T15:00:00Z'),
    },
    empty: { kind: 'home', name: 'Avery Quinn', approvals: [], approvalsTotal: 0, exceptions: [], exceptionsTotal: 0, decisions: [], refreshedAt: new Date('2026-11-24T15:00:00Z') },
    withNumbers: {
      kind: 'home', name: 'Avery Quinn', approvals: [item(1)], approvalsTotal: 1, exceptions: [], exceptionsTotal: 0, decisions: [], refreshedAt: new Date('2026-11-24T15:00:00Z'),
      numbers: { pendingApprovals: 3, medianDecisionHours: 51.5, decisionsLast30Days: 14, openExceptionsOnMyOrders: 2 },
    },
    numbersUnavailable: { kind: 'home', name: 'Avery Quinn', approvals: [], approvalsTotal: 0, exceptions: [], exceptionsTotal: 0, decisions: [], refreshedAt: new Date('2026-11-24T15:00:00Z'), numbers: null },
    unmapped: { kind: 'unmapped', message: 'map me' },
  };
}
