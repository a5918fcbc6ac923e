import { describe, expect, it } from 'vitest';
import { buildRejectModal } from '../../adapters/slack/blocks/reject-modal.ts';
import { everySlackSurface as everyVariant } from '../card-validation/every-card.ts';
import { blockKitViolations } from './walk-card.ts';
import type { SlackSurface } from './slack-block-kit-allowlist.ts';

type Surface = { surface: SlackSurface; blocks: unknown[]; root?: Record<string, unknown> };

/** Every Slack message, modal and home tab the bot can produce (the same list the limits test reads), by name. */
function everySlackSurface(): Array<[string, Surface]> {
  return everyVariant().map((v) => [
    v.name,
    v.kind === 'message' ? { surface: 'message', blocks: v.message.blocks } : { surface: v.kind, blocks: v.view.blocks, root: v.view as unknown as Record<string, unknown> },
  ]);
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
