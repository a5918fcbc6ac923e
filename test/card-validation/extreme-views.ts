/**
 * Long and hostile versions of every view: what a real Odoo can hold (a PO of 300 lines, a vendor
 * name of 1,000 characters, a rejection reason of 3,000) and what a vendor or an email can type
 * (markdown, HTML, Slack and Teams mention syntax, template functions). Each must still render a
 * card the platform accepts: cut with "…" and a link to the full record in Odoo.
 */
import type { ApprovalCardView } from '../../src/approvals/approval-card-view.ts';
import type { DigestView, ExceptionView } from '../../src/alerts/lifecycle/exception-view.ts';
import { DIGEST_ROWS_MAX } from '../../src/alerts/lifecycle/handle-alert-notify.ts';
import type { AppHomeView, StatusAnswer } from '../../src/status/index.ts';
import type { TriageCardView } from '../../src/triage/flow/triage-card-view.ts';
import { allExceptionViews, allStatusAnswers, allTriageViews, APPROVAL_STATUSES, CHAIN, digestView } from '../mobile/card-views.ts';
import { cardView, line } from '../slack/card-view-fixture.ts';

/** Markdown, HTML, mentions, links and template syntax of both platforms at once. */
export const INJECTION =
  '**Pay now** _urgent_ <script>alert(1)</script> <b>bold</b> <at>General</at> <!here> <!channel> <@U0ADMIN> <#C0GENERAL> ' +
  '[click](javascript:alert(1)) <https://evil.example|Odoo> ![img](https://evil.example/x.png) {{DATE(2026-01-01T00:00:00Z, SHORT)}} ${user} &amp; &lt;b&gt; ``` # Heading\n> quote\n- list\n1. item';

/** `n` characters of text that wraps (words), starting with `head`. */
export function longText(n: number, head = 'Long'): string {
  const words = `${head} ${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(Math.ceil(n / 50))}`;
  return words.slice(0, n);
}

/** A word without spaces: nothing for a renderer to break on. */
const unbroken = (n: number) => 'W'.repeat(n);

export const VENDOR_1000 = longText(1_000, 'Vendor');
export const REASON_3000 = longText(3_000, 'Reason');

const lines300 = (description: (i: number) => string) => Array.from({ length: 300 }, (_, i) => line(i + 1, description(i + 1)));

/** Approval views at and past every length Odoo allows, and with hostile text everywhere. */
export function extremeApprovalViews(): Record<string, ApprovalCardView> {
  return {
    'po-300-lines': cardView({ lines: lines300((i) => `Steel bolts M${i}`), moreLines: 0 }),
    'po-300-lines-carried-5': cardView({ lines: lines300((i) => `Steel bolts M${i}`).slice(0, 5), moreLines: 295 }),
    'vendor-1000': cardView({ vendorName: VENDOR_1000, companyName: longText(1_000, 'Company'), buyerName: longText(1_000, 'Buyer'), confirmApprove: true }),
    'vendor-unbroken': cardView({ vendorName: unbroken(1_000), orderName: unbroken(200) }),
    'reason-3000': cardView({ reason: REASON_3000, ruleName: longText(500, 'Rule') }),
    'rejected-reason-3000': cardView({ status: { ...APPROVAL_STATUSES.rejected!, kind: 'written', decision: 'reject', reason: REASON_3000 } as ApprovalCardView['status'], chain: CHAIN }),
    'failed-reason-3000': cardView({ status: { ...APPROVAL_STATUSES.failed!, reason: REASON_3000 } as ApprovalCardView['status'] }),
    'retrying-reason-3000': cardView({ status: { ...APPROVAL_STATUSES.retrying!, reason: REASON_3000 } as ApprovalCardView['status'] }),
    'lines-1000-chars': cardView({ lines: Array.from({ length: 5 }, (_, i) => line(i + 1, longText(1_000, `Line ${i + 1}`))) }),
    'changes-300': cardView({ changes: Array.from({ length: 300 }, (_, i) => `Line ${i + 1} changed: ${longText(200, 'was')}`) }),
    'chain-long-labels': cardView({ chain: CHAIN.map((s) => ({ ...s, label: longText(500, 'Level'), ...(s.by ? { by: longText(500, 'Person') } : {}) })) }),
    'delegate-long': cardView({ onBehalfOf: longText(1_000, 'Absent'), status: { kind: 'queued', decision: 'approve', by: longText(1_000, 'Delegate'), onBehalfOf: longText(1_000, 'Absent') } }),
    injection: cardView({
      orderName: `P00042 ${INJECTION}`.slice(0, 120), vendorName: INJECTION, buyerName: INJECTION, companyName: INJECTION, reason: INJECTION, ruleName: INJECTION,
      lines: [line(1, INJECTION), { ...line(2), uom: INJECTION }], changes: [INJECTION], onBehalfOf: INJECTION, ageText: INJECTION,
    }),
    'injection-rejected': cardView({ status: { kind: 'written', decision: 'reject', by: INJECTION, at: '2026-02-27T10:15:00Z', reason: INJECTION } }),
  };
}

/** The Details replies of the longest PO: 300 lines of 1,000-character descriptions. */
export function extremeDetailsView(): ApprovalCardView {
  return cardView({ lines: lines300((i) => longText(1_000, `Line ${i}`)), moreLines: 0, vendorName: VENDOR_1000 });
}

export function extremeExceptionViews(): Record<string, ExceptionView> {
  const open = allExceptionViews().open!;
  return {
    'exception-long': {
      ...open, title: longText(1_000, 'Title'), severityRule: longText(3_000, 'Rule'), stateText: longText(3_000, 'State'),
      facts: Array.from({ length: 30 }, (_, i) => ({ label: longText(200, `Fact ${i}`), value: longText(3_000, 'Value') })),
    },
    'exception-injection': { ...open, title: INJECTION, typeLabel: INJECTION, severityRule: INJECTION, stateText: INJECTION, facts: [{ label: INJECTION, value: INJECTION }] },
  };
}

export function extremeDigestView(): DigestView {
  const base = digestView();
  const row = base.rows[0]!;
  return {
    ...base,
    heading: longText(1_000, 'Digest'),
    summary: Array.from({ length: 12 }, (_, i) => ({ typeLabel: `${INJECTION} ${i}`, total: 300, byAge: [{ bucket: '1-3d', count: 150 }, { bucket: '>7d', count: 150 }] })),
    rows: Array.from({ length: DIGEST_ROWS_MAX }, (_, i) => ({ ...row, key: `late-receipt:stock.picking:${1_000 + i}`, title: longText(1_000, `Row ${i} ${INJECTION}`) })),
    more: 280,
  };
}

export function extremeTriageViews(): Record<string, TriageCardView> {
  const open = allTriageViews().open!;
  return {
    'triage-long': {
      ...open, title: longText(1_000, 'Subject'), summary: longText(3_000, 'Summary'), evidence: longText(3_000, 'Evidence'), origin: longText(3_000, 'From'),
      onConfirm: longText(3_000, 'Confirm'), fallbackReason: longText(3_000, 'Fallback'), facts: Array.from({ length: 20 }, (_, i) => ({ label: `Fact ${i}`, value: longText(1_000, 'Value') })),
    },
    'triage-injection': { ...open, title: INJECTION, summary: INJECTION, evidence: INJECTION, origin: INJECTION, changedBy: INJECTION, facts: [{ label: INJECTION, value: INJECTION }] },
    'triage-failed-long': { ...allTriageViews().failed!, status: { kind: 'failed', category: 'delay', by: longText(1_000, 'By'), reason: longText(3_000, 'Odoo said'), retryableBy: { platform: 'slack', userId: 'U0BEA', displayName: 'Bea' } } },
  };
}

export function extremeStatusAnswers(): Record<string, StatusAnswer> {
  const po = allStatusAnswers().po!;
  const list = allStatusAnswers().list!;
  if (po.kind !== 'po_status' || list.kind !== 'list') throw new Error('fixture changed');
  const item = list.list.items[0]!;
  return {
    'po-long': {
      kind: 'po_status',
      po: {
        ...po.po, vendor: VENDOR_1000, partnerRef: longText(500, 'Ref'), buyer: longText(1_000, 'Buyer'), company: longText(1_000, 'Company'), warehouse: longText(1_000, 'Warehouse'),
        next: { ...po.po.next, who: longText(1_000, 'Who'), what: longText(3_000, 'What'), waited: longText(200, 'for') },
        exceptions: Array.from({ length: 300 }, (_, i) => `Exception ${i}: ${longText(300, 'late')}`),
        timeline: Array.from({ length: 300 }, (_, i) => ({ label: `${longText(300, `Event ${i}`)}`, at: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000), dated: true })),
        alsoMatched: Array.from({ length: 300 }, (_, i) => `P${String(i).padStart(5, '0')}`),
      },
    },
    'po-injection': { kind: 'po_status', po: { ...po.po, orderName: 'P00042', stateWords: INJECTION, vendor: INJECTION, buyer: INJECTION, company: INJECTION, warehouse: INJECTION, next: { ...po.po.next, who: INJECTION, what: INJECTION }, exceptions: [INJECTION], timeline: [{ label: INJECTION, at: new Date('2026-01-01T00:00:00Z'), dated: true }] } },
    'list-100-long': {
      kind: 'list',
      list: { ...list.list, title: longText(1_000, 'Title'), total: 3_000, items: Array.from({ length: 100 }, (_, i) => ({ ...item, orderName: `P${String(i).padStart(5, '0')}`, vendor: VENDOR_1000, headline: longText(1_000, 'Headline') })), nextCommand: longText(500, 'late page 2') },
    },
    'not-found-long': { kind: 'not_found', ref: longText(3_000, 'Ref') },
    'forbidden-long': { kind: 'forbidden', ref: longText(1_000, 'P'), company: longText(1_000, 'Company') },
    'unmapped-long': { kind: 'unmapped', message: longText(5_000, 'Unmapped') },
    'help-long': { kind: 'help', reason: longText(3_000, 'Unclear'), examples: Array.from({ length: 60 }, (_, i) => `example ${i}: ${longText(300, 'what it does')}`) },
  };
}

export function extremeAppHomes(): Record<string, AppHomeView> {
  const list = allStatusAnswers().list!;
  if (list.kind !== 'list') throw new Error('fixture changed');
  const item = list.list.items[0]!;
  const items = Array.from({ length: 100 }, (_, i) => ({ ...item, orderName: `P${String(i).padStart(5, '0')}`, vendor: VENDOR_1000, headline: longText(1_000, 'Headline') }));
  return {
    'home-long': {
      kind: 'home', name: longText(1_000, 'Name'), approvals: items, approvalsTotal: 3_000, exceptions: items, exceptionsTotal: 3_000,
      decisions: Array.from({ length: 100 }, (_, i) => ({ orderId: i, orderName: `P${String(i).padStart(5, '0')} ${INJECTION}`, action: 'reject' as const, by: longText(1_000, 'By'), at: new Date('2026-11-20T15:00:00Z'), outcome: 'failed' as const, byViewer: false, odooUrl: `https://odoo.example/${i}` })),
      refreshedAt: new Date('2026-11-24T15:00:00Z'),
    },
    'home-unmapped-long': { kind: 'unmapped', message: longText(5_000, 'Unmapped') },
  };
}
