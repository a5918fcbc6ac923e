import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/paths.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { launchChromium, newPageWithErrors, workspaceActor } from './browser.ts';
import { demoOdoo } from './demo-odoo.ts';

// The README's picture is refreshed only on request (UPDATE_DOCS_SCREENSHOTS=1 npm test), so that
// a plain `npm test` leaves the work tree as it found it.
const SCREENSHOT = process.env.UPDATE_DOCS_SCREENSHOTS === '1'
  ? resolve(PROJECT_ROOT, 'docs/workspace.png')
  : resolve(tmpdir(), `workspace-${process.pid}.png`);

let bot: TestBot;
let browser: Browser;
let page: Page;
let odoo: Awaited<ReturnType<typeof demoOdoo>>;
let pageErrors: string[] = [];
let startedAt: number;

beforeAll(async () => {
  browser = await launchChromium();
  startedAt = Date.now();
  // Demo mode as `npm start` runs it: no SLACK_BOT_TOKEN, no ODOO_URL (embedded Odoo, example
  // policy), and the demo mail gateway with its own timing (emails 3, 15 and 27 s after the server is up).
  bot = await startTestBot({}, { demoInbox: {} });
  odoo = await demoOdoo(bot);
  ({ page, pageErrors } = await newPageWithErrors(browser, { width: 1280, height: 800 }));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bot?.close();
});

const card = (orderName: string) => page.locator('article.msg', { has: page.locator('h3', { hasText: orderName }) });
const openAs = (user: string, conversation: string) => workspaceActor(page, () => bot.url).openAs(user, conversation);
const say = (text: string) => workspaceActor(page, () => bot.url).say(text);

describe('the local workspace in a browser', () => {
  it("shows the demo buyer a supplier-email triage card within 60 s of start, rendered as Slack renders it", async () => {
    await openAs('U0JORDAN', 'D0JORDAN');
    const triage = page.locator('article.msg', { has: page.getByRole('button', { name: 'Dismiss' }) });
    await triage.first().waitFor({ timeout: Math.max(1_000, 60_000 - (Date.now() - startedAt)) });
    expect(Date.now() - startedAt).toBeLessThan(60_000);
    // By its ts: once dismissed it has no Dismiss button, and `triage.first()` would be the next card.
    const first = page.locator(`article.msg[data-ts="${await triage.first().getAttribute('data-ts')}"]`);
    // Evidence is a block quote, as in Slack: no literal ">" before it.
    await expect.poll(() => first.locator('blockquote').count()).toBeGreaterThan(0);
    expect(await first.textContent()).not.toMatch(/Evidence\s*>/);
    await first.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => first.textContent(), { timeout: 20_000 }).toMatch(/Dismissed by Jordan Blake/);
    // The status line's :heavy_multiplication_x: is the emoji, as Slack shows it.
    expect(await first.textContent()).toContain('\u2716');
    expect(await first.textContent()).not.toContain(':heavy_multiplication_x:');
  }, 90_000);

  it("answers a question in plain words in the bot's DM", async () => {
    await openAs('U0JORDAN', 'D0JORDAN');
    await say("what's late from Sunvale?");
    const answer = page.locator('article.msg', { has: page.locator('.msg-author', { hasText: 'Procurement Bot' }) }).filter({ hasText: 'Sunvale Foods Distribution' });
    await answer.last().waitFor({ timeout: 20_000 });
    expect(await answer.last().textContent()).not.toMatch(/Try one of these|did not understand/i);
  }, 40_000);

  it('answers an @mention in a channel, in the thread of the mention', async () => {
    await openAs('U0CASEY', 'C0POAPPROVALS');
    await say('@procurebot anything stuck at Joliet DC?');
    const mention = page.locator('article.msg', { has: page.locator('.mention', { hasText: '@Procurement Bot' }) }).filter({ hasText: 'anything stuck at Joliet DC?' }).last();
    await mention.waitFor({ timeout: 10_000 });
    await expect.poll(() => mention.locator('.thread').textContent(), { timeout: 20_000 }).toContain('Joliet DC');
  }, 40_000);

  it('approves a PO from its card as the seeded approver: confirm dialog, card written, PO purchase in Odoo', async () => {
    // 21,000: rule us-supervisor (Avery Quinn, limit 25,000) asks for confirmation above 20,000.
    const po = await odoo.createWaitingPo(21_000);
    await page.goto(`${bot.url}/workspace?as=U0JORDAN`);
    await expect.poll(() => page.locator('#as').inputValue()).toBe('U0JORDAN');
    await page.locator('#as').selectOption('U0AVERY');
    await expect.poll(() => page.locator('#me').textContent()).toContain('approver@northgate-supply.example');
    await page.getByRole('link', { name: '# po-approvals', exact: true }).click();

    const approve = card(po.name).getByRole('button', { name: 'Approve', exact: true });
    await approve.waitFor({ timeout: 30_000 });
    await expect.poll(() => card(po.name).textContent()).toContain('$21,000.00');
    await approve.click();
    const confirm = page.getByRole('dialog', { name: 'Approve this order?' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(`Approve ${po.name}`);
    await confirm.getByRole('button', { name: 'Approve' }).click();

    // Slack's <!date^…^{time}> in the viewer's zone and locale ("8:26 PM"), the UTC fallback as its tooltip.
    await expect.poll(() => card(po.name).textContent(), { timeout: 20_000 }).toMatch(/Approved by Avery Quinn at \d{1,2}:\d{2}(\s?[AP]M)?, written to Odoo/);
    expect(await card(po.name).locator('time', { hasText: /\d:\d{2}/ }).first().getAttribute('title')).toMatch(/^\d{2}:\d{2} UTC$/);
    expect(await card(po.name).getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);
    await waitFor(async () => (await odoo.state(po.id)) === 'purchase', 10_000, `${po.name} to be purchase in Odoo`);

    // Details: the lines arrive in the card's thread.
    await card(po.name).getByRole('button', { name: 'Details' }).click();
    await expect.poll(() => card(po.name).locator('.thread').textContent(), { timeout: 15_000 }).toContain('1 line, total $21,000.00');

    await card(po.name).scrollIntoViewIfNeeded();
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  }, 90_000);

  it('rejects another PO through the modal: the bot refuses a blank reason, then the PO goes back to draft', async () => {
    const po = await odoo.createWaitingPo(12_000);
    const reject = card(po.name).getByRole('button', { name: 'Reject…' });
    await reject.waitFor({ timeout: 30_000 });
    await reject.click();

    const modal = page.getByRole('dialog', { name: 'Reject order' });
    await modal.waitFor({ timeout: 10_000 });
    const reason = modal.getByLabel('Reason');
    // Three characters pass Slack's min_length; the bot trims and answers response_action: errors.
    await reason.fill('x  ');
    await modal.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => modal.locator('.bk-field-error').textContent()).toContain('Please say why');

    await reason.fill('Price is 20% above the framework agreement <b>&</b>');
    await modal.getByRole('button', { name: 'Reject' }).click();
    await modal.waitFor({ state: 'detached', timeout: 10_000 });

    await expect.poll(() => card(po.name).textContent(), { timeout: 20_000 }).toMatch(/Rejected by Avery Quinn.*written to Odoo/s);
    expect(await card(po.name).textContent()).toContain('Reason: Price is 20% above the framework agreement <b>&</b>');
    // The demo policy's rule us-supervisor sends rejected orders back to the buyer (reject_action: draft).
    await waitFor(async () => (await odoo.state(po.id)) === 'draft', 10_000, `${po.name} to be draft in Odoo`);
    // The buyer learns it in their DM with the bot.
    await page.locator('#as').selectOption('U0JORDAN');
    await page.getByRole('link', { name: 'Procurement Bot' }).click();
    await expect.poll(() => page.locator('#messages').textContent(), { timeout: 15_000 }).toContain(po.name);
  }, 90_000);

  it('answers a refused click privately right under the card clicked, even far up a long channel', async () => {
    const po = await odoo.createWaitingPo(9_000);
    await openAs('U0RILEY', 'C0POAPPROVALS');
    const approve = card(po.name).getByRole('button', { name: 'Approve', exact: true });
    await approve.waitFor({ timeout: 30_000 });
    // A busy channel: thirty messages after the card.
    const token = (await bot.redis.hget(`${bot.prefix}:workspace:credentials`, 'botToken'))!;
    for (let i = 0; i < 30; i++) {
      await fetch(`${bot.url}/workspace/api/chat.postMessage`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ channel: '#po-approvals', text: `Filler message ${i}` }) });
    }
    await page.getByText('Filler message 29').waitFor();
    await card(po.name).scrollIntoViewIfNeeded();
    await approve.click();
    // Riley Chen (finance) approves nothing: the bot's refusal is for Riley only, under the card.
    const answer = page.locator('article.msg.ephemeral.near').filter({ hasText: `not an approver of ${po.name}` });
    await answer.waitFor({ timeout: 20_000 });
    const cardTs = await card(po.name).getAttribute('data-ts');
    expect(await answer.getAttribute('data-near-ts')).toBe(cardTs);
    // The next element after the card (a string, so the test runner does not rewrite the browser's code).
    expect(await page.evaluate(`document.querySelector('article.msg[data-ts="${cardTs}"]').nextElementSibling.dataset.nearTs`)).toBe(cardTs);
    expect(await answer.textContent()).toContain('Only visible to you');
    const [box, list] = await Promise.all([answer.boundingBox(), page.locator('#messages').boundingBox()]);
    expect(box && list && box.y >= list.y && box.y + box.height <= list.y + list.height + 1).toBe(true);
    // Nobody else sees it.
    await openAs('U0AVERY', 'C0POAPPROVALS');
    await card(po.name).waitFor();
    expect(await page.locator('article.msg').filter({ hasText: `not an approver of ${po.name}` }).count()).toBe(0);
  }, 90_000);

  it('renders mrkdwn as text: entities, links, mentions and dates, never markup from the message', async () => {
    const sample = '*bold* _it_ ~gone~ `x &lt; y` <https://odoo.example/po?id=1&amp;a=2|Open &amp; see> <@U0AVERY> <!date^1700000000^{time}|22:13 UTC> &lt;img src=x onerror=alert(1)&gt; <javascript:alert(1)|bad>';
    // A string, so the test runner does not rewrite the browser's import().
    const html = await page.evaluate(`(async () => {
      const { mrkdwn } = await import('/workspace/static/mrkdwn.js');
      const div = document.createElement('div');
      div.append(mrkdwn(${JSON.stringify(sample)}, (id) => (id === 'U0AVERY' ? 'Avery Quinn' : null)));
      return div.innerHTML;
    })()`) as string;
    expect(html).toContain('<strong>bold</strong> <em>it</em> <s>gone</s> <code>x &lt; y</code>');
    expect(html).toContain('<a href="https://odoo.example/po?id=1&amp;a=2" target="_blank" rel="noopener noreferrer">Open &amp; see</a>');
    expect(html).toContain('@Avery Quinn');
    expect(html).toMatch(/<time class="date" datetime="2023-11-14T22:13:20.000Z" title="22:13 UTC">\d{1,2}:\d{2}(\s?[AP]M)?<\/time>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript');
    expect(pageErrors).toEqual([]);
  });

  it('renders emoji shortcodes, block quotes and date tokens as Slack does', async () => {
    const render = (source: string) => page.evaluate(`(async () => {
      const { mrkdwn } = await import('/workspace/static/mrkdwn.js');
      const div = document.createElement('div');
      div.append(mrkdwn(${JSON.stringify(source)}));
      return div.innerHTML;
    })()`) as Promise<string>;
    await openAs('U0AVERY', 'C0POAPPROVALS');
    await page.locator('#messages article.msg').first().waitFor();
    expect(await render(':heavy_multiplication_x: :white_check_mark: :not_an_emoji: 10:30:00')).toBe('\u2716\ufe0f \u2705\ufe0f :not_an_emoji: 10:30:00');
    expect(await render('*Evidence*\n>The new delivery date is\n>December 17, 2026.\nafter')).toBe('<strong>Evidence</strong><blockquote>The new delivery date is<br>December 17, 2026.</blockquote>after');
    // What a person typed arrives escaped, and a neutralised line (zero-width space first) is no quote.
    expect(await render('&gt; typed quote\n\u200b&gt; not a quote')).toBe('<blockquote>typed quote</blockquote>\u200b&gt; not a quote');
    expect(await render('>>>all\nof it')).toBe('<blockquote>all<br>of it</blockquote>');
    expect(await render('<!date^1700000000^{date_num} {date_short}|fallback>')).toContain('>2023-11-14 Nov 14, 2023</time>');
  });
});
