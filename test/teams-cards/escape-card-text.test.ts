import { describe, expect, it } from 'vitest';
import { cardTextWithin, escapeCardText, plainCardText } from '../../adapters/teams/cards/escape-card-text.ts';

// What a markdown renderer would still read as formatting after escaping: an unescaped marker.
const unescaped = (text: string, chars: string) => [...text].some((c, i) => chars.includes(c) && text[i - 1] !== '\\');

describe('escapeCardText: raw Odoo and email text is inert in Teams card markdown', () => {
  it.each([
    ['bold and italics', '**Acme** *x* __y__ _z_', '*_'],
    ['strike and code', '~~gone~~ `rm -rf`', '~`'],
    ['links and images', '[pay now](http://evil.example) ![x](http://evil.example/p.png)', '[]()!'],
    ['html and mention tags', '<at>everyone</at> <b>x</b> &amp; &lt;', '<>&'],
    ['headings and tables', '# Heading | a | b |', '#|'],
  ])('%s', (_name, raw, chars) => {
    const out = escapeCardText(raw);
    expect(unescaped(out, chars)).toBe(false);
    // Removing the escapes (and the invisible breaks) gives back the raw text: nothing is lost or reworded.
    expect(out.replace(/\\(.)/g, '$1').replace(/\u200b/g, '')).toBe(raw);
  });

  it('neutralizes list markers at the start of a line, not inside words', () => {
    const out = escapeCardText('- first\n+ second\n12. third\n3) fourth\nwell-known 4.5 kg');
    expect(out).toBe('\\- first\n\n\\+ second\n\n12\\. third\n\n3\\) fourth\n\nwell-known 4.5 kg');
  });

  it('breaks {{DATE()}} and {{TIME()}} so a vendor name never becomes a date', () => {
    const out = escapeCardText('Due {{DATE(2026-01-01T00:00:00Z, SHORT)}} at {{ TIME(2026-01-01T00:00:00Z) }}');
    expect(out).not.toContain('{{');
    expect(out).toContain('{\u200b{DATE');
  });

  it('stops bare URLs from being auto-linked', () => {
    expect(escapeCardText('see https://evil.example/login')).toBe('see https:\u200b//evil.example/login');
  });

  it('escapes the backslash itself, so a raw escape cannot un-escape the next character', () => {
    expect(escapeCardText('a\\*b*')).toBe('a\\\\\\*b\\*');
  });

  it('single-line fields collapse breaks; multi-line text gets markdown paragraph breaks', () => {
    expect(escapeCardText('Acme\r\nIndustrial\t Supply', { singleLine: true })).toBe('Acme Industrial Supply');
    expect(escapeCardText('line one\nline two')).toBe('line one\n\nline two');
  });

  it('drops control characters', () => {
    expect(escapeCardText('a\u0000b\u0007c')).toBe('abc');
  });

  it('cuts to the visible length before escaping, with an ellipsis, never splitting an escape', () => {
    const out = cardTextWithin('*'.repeat(50), 10);
    expect(out).toBe(`${'\\*'.repeat(9)}…`);
    expect(cardTextWithin('short', 10)).toBe('short');
    expect([...cardTextWithin('😀'.repeat(20), 5)]).toHaveLength(5);
  });

  it('plain text (button titles, labels) is cut but not escaped', () => {
    expect(plainCardText('Confirm: *delay*\n', 60)).toBe('Confirm: *delay*');
    expect(plainCardText('x'.repeat(100), 10)).toHaveLength(10);
  });
});
