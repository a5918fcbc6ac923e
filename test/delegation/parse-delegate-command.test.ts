import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/delegation/parse-day.ts';
import { parseDelegateCommand } from '../../src/delegation/parse-delegate-command.ts';

describe('parseDelegateCommand', () => {
  it('is null for other /po texts', () => {
    expect(parseDelegateCommand('P00042')).toBeNull();
    expect(parseDelegateCommand('delegated approvals')).toBeNull();
  });

  it('reads show, off and help', () => {
    expect(parseDelegateCommand('delegate')).toEqual({ kind: 'show' });
    expect(parseDelegateCommand('  Delegate  status ')).toEqual({ kind: 'show' });
    expect(parseDelegateCommand('delegate off')).toEqual({ kind: 'off' });
    expect(parseDelegateCommand('delegate OFF')).toEqual({ kind: 'off' });
    expect(parseDelegateCommand('delegate help')).toEqual({ kind: 'help' });
  });

  it('reads a Slack mention, escaped with or without the name', () => {
    expect(parseDelegateCommand('delegate <@U123ABC|dana> until 2026-12-24')).toEqual({ kind: 'set', target: { kind: 'chat', chat: { platform: 'slack', userId: 'U123ABC' }, label: 'dana' }, until: '2026-12-24', from: null });
    expect(parseDelegateCommand('delegate <@W9> from Dec 18 until Dec 24')).toEqual({ kind: 'set', target: { kind: 'chat', chat: { platform: 'slack', userId: 'W9' }, label: null }, until: 'Dec 24', from: 'Dec 18' });
  });

  it('reads a name in words and a mention another adapter already resolved', () => {
    expect(parseDelegateCommand('delegate @Dana Okafor until 24.12.2026')).toMatchObject({ target: { kind: 'name', text: 'Dana Okafor' }, until: '24.12.2026' });
    const teams = { text: '<at>Dana Okafor</at>', chat: { platform: 'teams' as const, userId: '29:abc' } };
    expect(parseDelegateCommand('delegate <at>Dana Okafor</at> until 2026-12-24', [teams])).toMatchObject({ target: { kind: 'chat', chat: teams.chat } });
  });

  it('refuses what it cannot read, saying how to write it', () => {
    expect(parseDelegateCommand('delegate <@U1> until')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('Say until when') });
    expect(parseDelegateCommand('delegate until 2026-12-24')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('Say who') });
    expect(parseDelegateCommand('delegate <@U1> <@U2> until 2026-12-24')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('one person') });
  });
});

describe('parseDay', () => {
  const today = '2026-11-27';
  it.each([
    ['2026-12-24', '2026-12-24'],
    ['24.12.2026', '2026-12-24'],
    ['Dec 24', '2026-12-24'],
    ['December 24, 2026', '2026-12-24'],
    ['24 Dec', '2026-12-24'],
    ['24th december 2027', '2027-12-24'],
    ['Sept 3', '2027-09-03'],
    ['Nov 27', '2026-11-27'],
    ['Nov 26', '2027-11-26'],
  ])('reads %s', (text, day) => {
    expect(parseDay(text, today)).toEqual({ ok: true, day });
  });

  it.each(['2026-02-30', '31.04.2027', '12/24/2026', '24/12', 'someday', 'Ju 4', 'Foo 12'])('refuses %s', (text) => {
    expect(parseDay(text, today).ok).toBe(false);
  });
});
