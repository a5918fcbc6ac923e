import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { blockKitLimitViolations, type SlackSurfaceToCheck } from './block-kit-limits.ts';
import { everySlackSurface, type SlackVariant } from './every-card.ts';

const variants = everySlackSurface();
const surfaceOf = (v: SlackVariant): SlackSurfaceToCheck => (v.kind === 'message' ? { kind: 'message', text: v.message.text, blocks: v.message.blocks } : { kind: v.kind, view: v.view } as SlackSurfaceToCheck);

describe('every Slack message, modal and home tab, within the limits Slack enforces', () => {
  it('covers every surface the bot sends, with the long and hostile ones', () => {
    expect(variants.length).toBeGreaterThanOrEqual(70);
    expect(variants.filter((v) => v.extreme).length).toBeGreaterThanOrEqual(25);
    expect(new Set(variants.map((v) => v.name)).size).toBe(variants.length);
    expect(new Set(variants.map((v) => v.kind))).toEqual(new Set(['message', 'modal', 'home']));
  });

  it.each(variants.map((v) => [v.name, v] as const))('%s: no Block Kit limit broken', (_name, v) => {
    expect(blockKitLimitViolations(surfaceOf(v))).toEqual([]);
  });

  it('the checker finds every limit it knows (so the tests above can fail)', () => {
    const long = (n: number) => 'x'.repeat(n);
    const button = { type: 'button', action_id: long(256), text: { type: 'plain_text', text: long(76) }, value: long(2_001), url: `https://x.example/${long(3_000)}`, confirm: { title: { type: 'plain_text', text: long(101) }, text: { type: 'plain_text', text: long(301) }, confirm: { type: 'plain_text', text: long(31) }, deny: { type: 'plain_text', text: ' ' } } };
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: long(151) } },
      { type: 'section', block_id: 'a', text: { type: 'mrkdwn', text: long(3_001) }, fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: long(2_001) })) },
      { type: 'section', block_id: 'a', text: { type: 'mrkdwn', text: 'x' }, accessory: { type: 'static_select', action_id: 's', placeholder: { type: 'plain_text', text: long(151) }, options: Array.from({ length: 101 }, (_, i) => ({ text: { type: 'plain_text', text: long(76) }, value: `${i}` })) } },
      { type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'x' })) },
      { type: 'actions', elements: [button, { ...button, text: { type: 'plain_text', text: 'ok' } }] },
      ...Array.from({ length: 46 }, () => ({ type: 'divider' })),
    ] as unknown as KnownBlock[];
    const found = blockKitLimitViolations({ kind: 'message', text: '', blocks }).join('\n');
    for (const expected of [
      '51 blocks in a message > 50', 'text: a message with blocks needs a text fallback', 'blocks[0].text.text: 151 characters > 150', 'blocks[1].text.text: 3001 characters > 3000',
      'blocks[1].fields: 11 > 10', 'blocks[1].fields[0].text: 2001 characters > 2000', 'blocks[2]: block_id "a" twice', 'blocks[2].accessory.options: 101 > 100',
      'blocks[2].accessory.options[0].text.text: 76 characters > 75', 'blocks[2].accessory.placeholder.text: 151 characters > 150', 'blocks[3].elements: 11 > 10',
      'blocks[4].elements[0].text.text: 76 characters > 75', 'blocks[4].elements[0].value: 2001 characters > 2000', 'blocks[4].elements[0].action_id: 256 characters > 255',
      'blocks[4].elements[0].url: 3018 characters > 3000', 'blocks[4].elements[0].confirm.title.text: 101 characters > 100', 'blocks[4].elements[0].confirm.text.text: 301 characters > 300',
      'blocks[4].elements[0].confirm.confirm.text: 31 characters > 30', 'blocks[4].elements[0].confirm.deny: empty text', 'blocks[4].elements[1]: action_id', 
    ]) expect(found).toContain(expected);
    const modal = blockKitLimitViolations({ kind: 'modal', view: { type: 'modal', title: { type: 'plain_text', text: long(25) }, private_metadata: long(3_001), blocks: [{ type: 'input', label: { type: 'plain_text', text: 'x' }, element: { type: 'plain_text_input', action_id: 'r' } }] } }).join('\n');
    expect(modal).toContain('view.title.text: 25 characters > 24');
    expect(modal).toContain('view.private_metadata: 3001 characters > 3000');
    expect(modal).toContain('a modal with an input needs submit');
    const home = blockKitLimitViolations({ kind: 'home', view: { type: 'home', blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) } });
    expect(home).toEqual(['101 blocks in a home > 100']);
  });
});
