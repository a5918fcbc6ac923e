import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../../src/delegation/delegation-days.ts';
import { dayText } from '../../src/delegation/delegation-texts.ts';
import { startDelegationHarness, USERS, type DelegationHarness } from './delegation-harness.ts';

let h: DelegationHarness;
const today = () => dayIn(new Date(), 'America/Chicago');
const mention = (k: keyof typeof USERS) => `<@${USERS[k].id}|${USERS[k].name.split(' ')[0]!.toLowerCase()}>`;
const AVERY = 'approver@northgate-supply.example';
const DANIEL = 'dokafor@northgate-supply.example';

beforeAll(async () => {
  h = await startDelegationHarness();
}, 60_000);

afterAll(async () => {
  await h?.close();
});

afterEach(async () => {
  // Each test starts with no chat delegation (the file's Marco -> Helen stays).
  for (const d of await h.delegation.store.list()) await h.delegation.store.clear(d.from, { platform: 'slack', userId: 'U0TEST' }, new Date());
});

describe('/po delegate over signed Slack requests', () => {
  it('sets a delegation with a Slack mention, answers privately, and routing sees it at once', async () => {
    const until = addDays(today(), 10);
    const { status, ms, answer, text } = await h.slash('avery', `delegate ${mention('daniel')} until ${until}`);
    expect(status).toBe(200);
    expect(ms).toBeLessThan(3_000);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(text).toContain(`your approvals go to *Daniel Okafor* from today until ${dayText(until)} (inclusive)`);
    const stored = await h.delegation.store.get(AVERY);
    expect(stored).toMatchObject({ from: AVERY, to: DANIEL, fromName: 'Avery Quinn', toName: 'Daniel Okafor', startsOn: today(), until, source: 'chat', createdBy: { platform: 'slack', userId: USERS.avery.id } });
    expect((await h.delegation.delegateOf(AVERY))?.login).toBe(DANIEL);
    const events = await h.delegation.store.events(5);
    expect(events[0]).toMatchObject({ action: 'set', by: { userId: USERS.avery.id }, delegation: { to: DANIEL } });
  });

  it('takes the same command written in the bot DM, and still answers other DMs as questions', async () => {
    const until = addDays(today(), 5);
    expect(await h.dm('avery', `delegate ${mention('daniel')} until ${until}`)).toContain('your approvals go to *Daniel Okafor*');
    expect((await h.delegation.delegateOf(AVERY))?.login).toBe(DANIEL);
    expect(await h.dm('avery', 'delegate off')).toMatch(/your delegation to Daniel Okafor .* is off/);
    expect(await h.delegation.store.get(AVERY)).toBeNull();
    // Not a delegate command: the DM is a question as before (help, here).
    expect(await h.delegation.store.get(AVERY)).toBeNull();
    expect(await h.dm('avery', 'help')).toMatch(/P00042|how to ask|ask me/i);
  });

  it('shows yours and who delegated to you, with the policy file one marked as such', async () => {
    await h.slash('avery', `delegate ${mention('helen')} until ${addDays(today(), 3)}`);
    const helen = (await h.slash('helen', 'delegate')).text;
    expect(helen).toContain('*Your approvals:* they come to you');
    expect(helen).toContain("*Delegated to you:* Avery Quinn's approvals from today until");
    expect(helen).toContain('set by Avery Quinn');
    expect(helen).toContain("*Delegated to you:* Marco Rossi's approvals from today until Thu, Dec 31, 2099 (inclusive), set in the policy file");
    const avery = (await h.slash('avery', 'delegate')).text;
    expect(avery).toContain('*Your approvals* go to Helen Vargas from today');
    expect(avery).toContain('set by you');
  });

  it('reads the other date forms, a later start, and replaces the earlier chat delegation', async () => {
    const start = addDays(today(), 2);
    const end = addDays(today(), 9);
    const dotted = `${end.slice(8, 10)}.${end.slice(5, 7)}.${end.slice(0, 4)}`;
    await h.slash('avery', `delegate ${mention('daniel')} until ${addDays(today(), 1)}`);
    const { text } = await h.slash('avery', `delegate ${mention('helen')} from ${start} until ${dotted}`);
    expect(text).toContain(`go to *Helen Vargas* from ${dayText(start)} until ${dayText(end)}`);
    expect(text).toContain('This replaces your delegation to Daniel Okafor');
    expect(await h.delegation.store.list()).toHaveLength(1);
    // Not yet in force today: requests still go to Avery.
    expect(await h.delegation.delegateOf(AVERY)).toBeNull();
  });

  it('turns it off, and then says there is nothing to turn off', async () => {
    await h.slash('avery', `delegate ${mention('daniel')} until ${addDays(today(), 5)}`);
    const off = await h.slash('avery', 'delegate off');
    expect(off.answer.body.response_type).toBe('ephemeral');
    expect(off.text).toContain('your delegation to Daniel Okafor');
    expect(off.text).toContain('is off');
    expect(await h.delegation.store.get(AVERY)).toBeNull();
    expect((await h.delegation.store.events(1))[0]).toMatchObject({ action: 'clear', delegation: { to: DANIEL } });
    expect((await h.slash('avery', 'delegate off')).text).toContain('You have no delegation to turn off');
  });

  it('says a policy-file delegation cannot be turned off from chat, and keeps it', async () => {
    const { text } = await h.slash('marco', 'delegate off');
    expect(text).toContain('You have no delegation made in chat');
    expect(text).toContain('The policy file (delegation-policy.yaml) also sends your approvals to Helen Vargas');
    expect((await h.delegation.delegateOf('mrossi@northgate-supply.example'))?.login).toBe('hvargas@northgate-supply.example');
  });

  it('accepts a delegate named in words (the approver name, or a login)', async () => {
    expect((await h.slash('avery', `delegate @Daniel Okafor until ${addDays(today(), 2)}`)).text).toContain('go to *Daniel Okafor*');
    expect((await h.slash('avery', `delegate hvargas@northgate-supply.example until ${addDays(today(), 2)}`)).text).toContain('go to *Helen Vargas*');
  });

  it('lets a status question through untouched', async () => {
    expect((await h.slash('avery', 'help')).text).not.toContain('delegate');
  });
});

describe('/po delegate refusals: a clear message, nothing stored', () => {
  const refusals: Array<[string, keyof typeof USERS, () => string, RegExp]> = [
    ['an unknown Slack user', 'avery', () => `delegate <@U0NOBODY|ghost> until ${addDays(today(), 3)}`, /I can't find @ghost in Slack/],
    ['an unknown name', 'avery', () => `delegate @Nobody Atall until ${addDays(today(), 3)}`, /I can't find anyone called "Nobody Atall"/],
    ['a user with no Odoo account', 'avery', () => `delegate ${mention('stranger')} until ${addDays(today(), 3)}`, /@sam has no Odoo account I can match \(no Odoo user has the login or email stranger@elsewhere.example\)/],
    ['oneself', 'avery', () => `delegate ${mention('avery')} until ${addDays(today(), 3)}`, /That is you/],
    ['an end day in the past', 'avery', () => `delegate ${mention('daniel')} until ${addDays(today(), -1)}`, /is in the past \(today is /],
    ['not a date', 'avery', () => `delegate ${mention('daniel')} until someday`, /"someday" is not a date I can read: write it as 2026-12-24, 24.12.2026/],
    ['an ambiguous date', 'avery', () => `delegate ${mention('daniel')} until 12/11/2027`, /reads differently in the US and in Europe/],
    ['no end day', 'avery', () => `delegate ${mention('daniel')}`, /Say until when/],
    ['an end before the start', 'avery', () => `delegate ${mention('daniel')} from ${addDays(today(), 5)} until ${addDays(today(), 2)}`, /is before the start day/],
    ['more than a year ahead', 'avery', () => `delegate ${mention('daniel')} until ${addDays(today(), 400)}`, /more than a year away/],
    ['an issuer who approves nothing', 'megan', () => `delegate ${mention('daniel')} until ${addDays(today(), 3)}`, /does not ask you to approve anything/],
    ['an issuer Odoo does not know', 'stranger', () => `delegate ${mention('daniel')} until ${addDays(today(), 3)}`, /I don't know who you are in Odoo/],
  ];
  for (const [what, user, command, expected] of refusals) {
    it(`refuses ${what}`, async () => {
      const before = await h.delegation.store.events(1000);
      const { status, answer, text } = await h.slash(user, command());
      expect(status).toBe(200);
      expect(answer.body.response_type).toBe('ephemeral');
      expect(text).toMatch(expected);
      expect(await h.delegation.store.list()).toEqual([]);
      expect(await h.delegation.store.events(1000)).toHaveLength(before.length);
    });
  }

  it('refuses a direct loop (A -> B while B -> A)', async () => {
    await h.slash('avery', `delegate ${mention('daniel')} until ${addDays(today(), 5)}`);
    const { text } = await h.slash('daniel', `delegate ${mention('avery')} until ${addDays(today(), 3)}`);
    expect(text).toContain('That would make a loop: Daniel Okafor → Avery Quinn → Daniel Okafor');
    expect((await h.delegation.store.list()).map((d) => d.from)).toEqual([AVERY]);
  });

  it('refuses a longer loop (A -> B -> C -> A), through a policy-file delegation too', async () => {
    await h.slash('avery', `delegate ${mention('daniel')} until ${addDays(today(), 5)}`);
    await h.slash('daniel', `delegate ${mention('helen')} until ${addDays(today(), 5)}`);
    expect((await h.slash('helen', `delegate ${mention('avery')} until ${addDays(today(), 5)}`)).text).toContain('Helen Vargas → Avery Quinn → Daniel Okafor → Helen Vargas');
    // Marco -> Helen is in the file: Helen -> Marco would close it.
    expect((await h.slash('helen', `delegate ${mention('marco')} until ${addDays(today(), 5)}`)).text).toContain('Helen Vargas → Marco Rossi → Helen Vargas');
    expect(await h.delegation.store.list()).toHaveLength(2);
  });

  it('lets a delegate who is away pass on when that makes no loop, and says where requests end up', async () => {
    await h.slash('avery', `delegate ${mention('daniel')} until ${addDays(today(), 5)}`);
    const { text } = await h.slash('daniel', `delegate ${mention('helen')} until ${addDays(today(), 5)}`);
    expect(text).toContain('go to *Helen Vargas*');
    expect((await h.delegation.delegateOf(AVERY))?.chain).toEqual([AVERY, DANIEL, 'hvargas@northgate-supply.example']);
    expect((await h.slash('avery', 'delegate')).text).toContain('Today they reach *Helen Vargas* (Avery Quinn → Daniel Okafor → Helen Vargas)');
  });

  it('stores exactly one of two opposite delegations sent at once', async () => {
    const until = addDays(today(), 4);
    const texts = await h.slashAtOnce([['avery', `delegate ${mention('daniel')} until ${until}`], ['daniel', `delegate ${mention('avery')} until ${until}`]]);
    expect(texts.filter((t) => t.startsWith('Done:'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('That would make a loop'))).toHaveLength(1);
    expect(await h.delegation.store.list()).toHaveLength(1);
  });

  it('accepts a loop-shaped pair whose days do not overlap', async () => {
    await h.slash('avery', `delegate ${mention('daniel')} until ${addDays(today(), 3)}`);
    const { text } = await h.slash('daniel', `delegate ${mention('avery')} from ${addDays(today(), 4)} until ${addDays(today(), 8)}`);
    expect(text).toContain('go to *Avery Quinn*');
  });
});
