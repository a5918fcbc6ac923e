import { describe, expect, it } from 'vitest';
import { renderAppHome } from '../../adapters/slack/blocks/app-home.ts';
import { renderApprovalCard } from '../../adapters/slack/blocks/approval-card.ts';
import { renderApprovalDetails } from '../../adapters/slack/blocks/approval-details.ts';
import { renderDigestMessage } from '../../adapters/slack/blocks/digest-message.ts';
import { renderExceptionMessage } from '../../adapters/slack/blocks/exception-message.ts';
import { buildRejectModal } from '../../adapters/slack/blocks/reject-modal.ts';
import { renderStatusAnswer } from '../../adapters/slack/blocks/status-answer.ts';
import { renderTriageCard } from '../../adapters/slack/blocks/triage-card.ts';
import { allAppHomes, allApprovalViews, allExceptionViews, allStatusAnswers, allTriageViews, digestView, longViewAllLines } from './card-views.ts';
import { blockKitViolations } from './walk-card.ts';
import type { SlackSurface } from './slack-block-kit-allowlist.ts';

type Surface = { surface: SlackSurface; blocks: unknown[]; root?: Record<string, unknown> };

/** Every Slack message, modal and home tab the bot can produce, by name. */
function everySlackSurface(): Array<[string, Surface]> {
  const out: Array<[string, Surface]> = [];
  for (const [name, view] of Object.entries(allApprovalViews())) out.push([`approval ${name}`, { surface: 'message', blocks: renderApprovalCard(view).blocks }]);
  renderApprovalDetails(longViewAllLines()).forEach((m, i) => out.push([`details part ${i + 1}`, { surface: 'message', blocks: m.blocks }]));
  const modal = buildRejectModal({ requestId: 'req-po-42', version: 'v7a1b2c3d4', channel: 'C1', messageTs: '1.2', orderName: 'P00042 *x*' });
  out.push(['reject modal', { surface: 'modal', blocks: modal.blocks, root: modal as unknown as Record<string, unknown> }]);
  for (const [name, view] of Object.entries(allExceptionViews())) out.push([`exception ${name}`, { surface: 'message', blocks: renderExceptionMessage(view).blocks }]);
  out.push(['digest', { surface: 'message', blocks: renderDigestMessage(digestView()).blocks }]);
  for (const [name, view] of Object.entries(allTriageViews())) out.push([`triage ${name}`, { surface: 'message', blocks: renderTriageCard(view).blocks }]);
  for (const [name, answer] of Object.entries(allStatusAnswers())) out.push([`status ${name}`, { surface: 'message', blocks: renderStatusAnswer(answer).blocks }]);
  for (const [name, home] of Object.entries(allAppHomes())) {
    const view = renderAppHome(home);
    out.push([`home ${name}`, { surface: 'home', blocks: view.blocks, root: view as unknown as Record<string, unknown> }]);
  }
  return out;
}

describe('Slack surfaces use only what Slack mobile renders', () => {
  it.each(everySlackSurface())('%s: every block, element and property is on the allowlist', (_name, s) => {
    expect(blockKitViolations(s.surface, s.blocks, s.root)).toEqual([]);
  });

  it('the reject modal asks for a required, bounded, multiline reason', () => {
    const modal = buildRejectModal({ requestId: 'req-po-42', version: 'v7a1b2c3d4', channel: 'C1' });
    const input = modal.blocks.find((b) => b.type === 'input') as unknown as { optional?: boolean; element: Record<string, unknown> };
    expect(input.optional).not.toBe(true);
    expect(input.element).toMatchObject({ type: 'plain_text_input', multiline: true, min_length: 3, max_length: 2_000 });
  });

  it('the walker catches what mobile drops (so the tests above can fail)', () => {
    const blocks = [
      { type: 'rich_text', elements: [] },
      { type: 'section', text: { type: 'mrkdwn', text: 'x' }, accessory: { type: 'overflow', options: [] } },
      { type: 'actions', elements: [{ type: 'datepicker', action_id: 'd' }, { type: 'static_select', action_id: 's', options: [{ text: { type: 'plain_text', text: 'a' }, value: 'a', description: 'x' }] }] },
      { type: 'input', label: { type: 'plain_text', text: 'x' }, element: { type: 'rich_text_input', action_id: 'r' } },
    ];
    const violations = blockKitViolations('message', blocks).join('\n');
    expect(violations).toContain('rich_text is not allowed in a message');
    expect(violations).toContain('overflow is forbidden');
    expect(violations).toContain('datepicker is forbidden');
    expect(violations).toContain('static_select may not sit in actions.elements');
    expect(violations).toContain('options.description is not on the allowlist');
    expect(violations).toContain('input is not allowed in a message');
    expect(violations).toContain('rich_text_input is forbidden');
  });
});
