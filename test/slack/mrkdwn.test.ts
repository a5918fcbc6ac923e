import { describe, expect, it } from 'vitest';
import { chunkLines, cutWithoutSplittingEntities, escapeMrkdwn, mrkdwnText, mrkdwnTextWithin, plainTextWithin, truncate, typedText } from '../../adapters/slack/mrkdwn.ts';

describe('escaping for mrkdwn', () => {
  it('turns &, < and > into entities so mentions and links stay text', () => {
    expect(escapeMrkdwn('ACME <!channel> & <http://x|y>')).toBe('ACME &lt;!channel&gt; &amp; &lt;http://x|y&gt;');
    expect(escapeMrkdwn('<@U123> <!here> <#C1>')).not.toMatch(/[<>]/);
  });

  it('leaves no control sequence Slack would parse in a hostile vendor name', () => {
    const out = mrkdwnText('ACME <!channel> & <http://x|y>', { singleLine: true });
    expect(out).not.toMatch(/<|>/);
    expect(out).toContain('&amp;');
  });

  it('neutralises a leading quote, a code fence and leading styles, line by line', () => {
    const out = mrkdwnText('> quoted\n*bold* start\n```code```');
    const lines = out.split('\n');
    expect(lines[0]!.startsWith('\u200b&gt;')).toBe(true);
    expect(lines[1]!.startsWith('\u200b*')).toBe(true);
    expect(out).not.toContain('```');
  });

  it('joins lines for single-line fields and drops control characters', () => {
    expect(mrkdwnText('Acme\r\n  Corp\u0007', { singleLine: true })).toBe('Acme Corp');
  });
});

describe('truncation', () => {
  it('cuts with an ellipsis and never exceeds the limit', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
    expect(plainTextWithin('x'.repeat(200), 150)).toHaveLength(150);
  });

  it('never splits an entity', () => {
    const escaped = escapeMrkdwn('a&b&c&d');
    for (let max = 2; max < escaped.length; max++) {
      const cut = cutWithoutSplittingEntities(escaped, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
    }
    expect(mrkdwnTextWithin('<'.repeat(1000), 3000).length).toBeLessThanOrEqual(3000);
  });

  it('chunks lines under the limit', () => {
    const chunks = chunkLines(Array.from({ length: 100 }, (_, i) => `line ${i} ${'x'.repeat(90)}`), 3000);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(3000);
    expect(chunks.join('\n').split('\n')).toHaveLength(100);
  });
});

describe('typedText: what a person typed, from a Slack message event', () => {
  it("drops the bot's mention, decodes Slack's entities, and reduces links and channels to their label", () => {
    expect(typedText("<@U0BOT> what's late from A&amp;B Supply?", 'U0BOT')).toBe("what's late from A&B Supply?");
    expect(typedText('see <https://odoo.example/po?id=1&amp;x=2|the PO> in <#C0X|po-approvals>, 3 &lt; 4')).toBe('see the PO in #po-approvals, 3 < 4');
    expect(typedText('<https://odoo.example/po> <!here> now')).toBe('https://odoo.example/po now');
  });

  it("keeps other people's mentions as Slack links them: `delegate @name` reads the account", () => {
    expect(typedText('<@U0BOT> delegate <@U0DANIEL|daniel> until 2026-12-24', 'U0BOT')).toBe('delegate <@U0DANIEL|daniel> until 2026-12-24');
  });
});
