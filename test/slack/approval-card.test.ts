import { describe, expect, it } from 'vitest';
import type { ApprovalCardStatus } from '../../src/approvals/approval-card-view.ts';
import { renderApprovalCard } from '../../adapters/slack/blocks/approval-card.ts';
import { renderApprovalDetails } from '../../adapters/slack/blocks/approval-details.ts';
import { decodeCardButtonValue } from '../../adapters/slack/blocks/card-button-value.ts';
import { buildRejectModal, readRejectModalMetadata } from '../../adapters/slack/blocks/reject-modal.ts';
import { cardView, line } from './card-view-fixture.ts';

type AnyBlock = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const buttonsOf = (blocks: AnyBlock[]) => blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements as AnyBlock[]);
const actionIds = (blocks: AnyBlock[]) => buttonsOf(blocks).map((b) => b.action_id as string);
const allText = (blocks: AnyBlock[]) => JSON.stringify(blocks);

/** Every text in the rendered blocks, to check escaping and limits. */
function texts(blocks: AnyBlock[]): Array<{ where: string; text: string }> {
  const out: Array<{ where: string; text: string }> = [];
  for (const b of blocks) {
    if (b.text) out.push({ where: b.type, text: b.text.text });
    for (const f of b.fields ?? []) out.push({ where: 'field', text: f.text });
    for (const e of b.elements ?? []) if (e.text) out.push({ where: `${b.type}-element`, text: typeof e.text === 'string' ? e.text : e.text.text });
  }
  return out;
}

const limits: Record<string, number> = { header: 150, section: 3000, field: 2000, 'context-element': 2000, 'actions-element': 75 };

const decisions = { by: 'Jane Approver' };
const statuses: Record<ApprovalCardStatus['kind'], ApprovalCardStatus> = {
  pending: { kind: 'pending' },
  queued: { kind: 'queued', decision: 'approve', ...decisions },
  retrying: { kind: 'retrying', decision: 'approve', attempt: 2, reason: 'Odoo did not answer in 10 s', ...decisions },
  written: { kind: 'written', decision: 'approve', at: '2026-02-27T14:02:00Z', ...decisions },
  failed: { kind: 'failed', decision: 'approve', reason: 'Odoo refused: the order is locked', retryableBy: { platform: 'slack', userId: 'U0JANE', displayName: 'Jane' }, ...decisions },
  decided_elsewhere: { kind: 'decided_elsewhere', outcome: 'approved', by: 'Mitchell Admin', at: '2026-02-27T13:00:00Z' },
};

describe('renderApprovalCard', () => {
  it('renders a hostile vendor name, description and reason inert', () => {
    const hostile = 'ACME <!channel> & <http://x|y>';
    const card = renderApprovalCard(cardView({ vendorName: hostile, reason: `because <@U999> said so ${hostile}`, lines: [line(1, `Bolts <!here> ${hostile}`)] }));
    for (const { where, text } of texts(card.blocks)) {
      if (where === 'header' || where === 'actions-element') continue; // plain_text: Slack shows it literally
      expect(text).not.toMatch(/<!channel>|<!here>|<@U999>|<http/);
    }
    expect(card.text).not.toMatch(/<!channel>|<http/);
    expect(allText(card.blocks)).toContain('ACME &lt;!channel&gt; &amp; &lt;http://x|y&gt;');
  });

  it('shows the header, amount, buyer, company, planned date, age, lines, rule and version', () => {
    const card = renderApprovalCard(cardView());
    expect(card.blocks[0]).toMatchObject({ type: 'header', text: { text: 'P00042 · Acme Industrial Supply' } });
    const all = allText(card.blocks);
    for (const part of ['€12,500.00', 'Bob Buyer', 'Distri NL', '2026-03-02', '2 business hours', 'Steel bolts M1', '10 Units', '€1.25', '€12.50', 'nl-over-10k', 'v7a1b2c3d4', 'Amount above €10,000']) {
      expect(all).toContain(part);
    }
    expect(card.text).toContain('P00042');
    expect(card.text).toContain('€12,500.00');
  });

  it('offers Approve, Reject and Details only while pending, with compact values', () => {
    for (const [kind, status] of Object.entries(statuses)) {
      const ids = actionIds(renderApprovalCard(cardView({ status })).blocks);
      const decisionButtons = ids.filter((id) => id === 'approval_approve' || id === 'approval_reject');
      expect(decisionButtons, kind).toEqual(kind === 'pending' ? ['approval_approve', 'approval_reject'] : []);
      expect(ids.includes('approval_retry'), kind).toBe(kind === 'failed');
    }
    const buttons = buttonsOf(renderApprovalCard(cardView()).blocks);
    const approve = buttons.find((b) => b.action_id === 'approval_approve')!;
    expect(approve.style).toBe('primary');
    expect(buttons.find((b) => b.action_id === 'approval_reject')!.style).toBe('danger');
    expect(decodeCardButtonValue(approve.value)).toEqual({ r: 'req-po-42', v: 'v7a1b2c3d4' });
    expect(buttons.find((b) => b.action_id === 'approval_open_odoo')!.url).toBe(cardView().odooUrl);
  });

  it('asks for confirmation only when the view says so', () => {
    const approveOf = (confirmApprove: boolean) => buttonsOf(renderApprovalCard(cardView({ confirmApprove })).blocks).find((b) => b.action_id === 'approval_approve')!;
    expect(approveOf(false).confirm).toBeUndefined();
    const confirm = approveOf(true).confirm;
    expect(confirm.title.text).toBe('Approve this order?');
    expect(confirm.text.text).toContain('€12,500.00');
  });

  it('says where the decision stands for each status', () => {
    const status = (kind: ApprovalCardStatus['kind']) => allText(renderApprovalCard(cardView({ status: statuses[kind] })).blocks);
    expect(status('queued')).toContain('Recording the approval…');
    expect(allText(renderApprovalCard(cardView({ status: { kind: 'queued', decision: 'reject', by: 'Jane' } })).blocks)).toContain('Recording the rejection…');
    const waiting = allText(renderApprovalCard(cardView({ status: { kind: 'retrying', decision: 'approve', by: 'Jane', attempt: 1, reason: 'connection refused', waitingForOdoo: true } })).blocks);
    expect(waiting).toContain('Waiting for Odoo (retrying)');
    expect(waiting).not.toContain('attempt');
    expect(status('retrying')).toContain('Retrying write to Odoo (attempt 2)');
    expect(status('retrying')).toContain('Odoo did not answer in 10 s');
    expect(status('written')).toMatch(/Approved by Jane Approver at <!date\^\d+\^\{time\}\|14:02 UTC>\*, written to Odoo/);
    const rejected = allText(renderApprovalCard(cardView({ status: { kind: 'written', decision: 'reject', by: 'Jane', at: '2026-02-27T14:02:00Z', reason: 'Too <!channel> expensive' } })).blocks);
    expect(rejected).toContain('Rejected by Jane');
    expect(rejected).toContain('Too &lt;!channel&gt; expensive');
    expect(status('failed')).toContain('the order is locked');
    expect(status('failed')).toContain('Only <@U0JANE> can retry');
    expect(status('decided_elsewhere')).toContain('Approved in Odoo by Mitchell Admin');
    const retry = buttonsOf(renderApprovalCard(cardView({ status: statuses.failed })).blocks).find((b) => b.action_id === 'approval_retry')!;
    expect(decodeCardButtonValue(retry.value)).toEqual({ r: 'req-po-42', v: 'v7a1b2c3d4', u: 'U0JANE' });
    expect(actionIds(renderApprovalCard(cardView({ status: statuses.decided_elsewhere })).blocks)).toEqual(['approval_open_odoo']);
  });

  it('lists what changed on a stale card', () => {
    const card = renderApprovalCard(cardView({ changes: ['Amount: €12,000.00 → €12,500.00', 'Line added: <b>Nuts</b>'] }));
    const all = allText(card.blocks);
    expect(all).toContain('Changed since you looked:');
    expect(all).toContain('€12,000.00 → €12,500.00');
    expect(all).toContain('&lt;b&gt;Nuts&lt;/b&gt;');
  });

  it('stays within Block Kit limits with 50 lines, a 5,000-char description and long names', () => {
    const long = 'Ω'.repeat(5000);
    const lines = Array.from({ length: 50 }, (_, i) => line(i + 1, i === 0 ? long : `Item ${i} ${'<&>'.repeat(300)}`));
    const card = renderApprovalCard(cardView({ lines, moreLines: 12, vendorName: 'V'.repeat(400), reason: 'R&'.repeat(3000), orderName: 'P'.repeat(100), confirmApprove: true, changes: Array.from({ length: 200 }, () => 'changed '.repeat(10)) }));
    expect(card.blocks.length).toBeLessThanOrEqual(50);
    for (const { where, text } of texts(card.blocks)) expect(text.length, where).toBeLessThanOrEqual(limits[where] ?? 3000);
    for (const b of card.blocks as AnyBlock[]) if (b.fields) expect(b.fields.length).toBeLessThanOrEqual(10);
    for (const b of buttonsOf(card.blocks)) expect((b.value ?? '').length).toBeLessThanOrEqual(2000);
    const confirm = buttonsOf(card.blocks).find((b) => b.action_id === 'approval_approve')!.confirm;
    expect(confirm.text.text.length).toBeLessThanOrEqual(300);
    expect(allText(card.blocks)).toMatch(/and 57 more lines/);
    expect(card.text.length).toBeLessThanOrEqual(3000);
  });
});

describe('renderApprovalDetails', () => {
  it('puts every line in the thread, chunked under the limits', () => {
    const lines = Array.from({ length: 500 }, (_, i) => line(i + 1, `Item ${i} ${'x'.repeat(400)}`));
    const parts = renderApprovalDetails(cardView({ lines }));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.blocks.length).toBeLessThanOrEqual(50);
      for (const { text } of texts(p.blocks)) expect(text.length).toBeLessThanOrEqual(3000);
    }
    const all = parts.map((p) => allText(p.blocks)).join('');
    for (const i of [0, 250, 499]) expect(all).toContain(`Item ${i} `);
    expect(parts[1]!.text).toContain('part 2 of');
  });
});

describe('buildRejectModal', () => {
  it('is a modal with a required multiline reason and the click in its metadata', () => {
    const modal = buildRejectModal({ requestId: 'req-po-42', version: 'v7a1b2c3d4', channel: 'C0APPROVALS', messageTs: '1700000000.000100', orderName: 'P00042 <!channel>' });
    expect(modal.callback_id).toBe('approval_reject_modal');
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    const input = modal.blocks.find((b) => b.type === 'input') as AnyBlock;
    expect(input.block_id).toBe('reason_block');
    expect(input.optional).toBeUndefined();
    expect(input.element).toMatchObject({ type: 'plain_text_input', action_id: 'reason_input', multiline: true, min_length: 3, max_length: 2000 });
    expect(allText(modal.blocks)).not.toContain('<!channel>');
    expect(readRejectModalMetadata(modal.private_metadata)).toEqual({ r: 'req-po-42', v: 'v7a1b2c3d4', c: 'C0APPROVALS', m: '1700000000.000100' });
    expect(modal.private_metadata!.length).toBeLessThanOrEqual(3000);
    expect(readRejectModalMetadata('{"r":"x"}')).toBeNull();
    expect(readRejectModalMetadata('not json')).toBeNull();
  });
});
