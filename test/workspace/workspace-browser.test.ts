import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/paths.ts';
import { waitFor } from '../support/spawn-bot.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { launchChromium } from './browser.ts';
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
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  // Demo mode as `npm start` runs it: no SLACK_BOT_TOKEN, no ODOO_URL (embedded Odoo, example policy).
  bot = await startTestBot();
  odoo = await demoOdoo(bot);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (err) => pageErrors.push(err.message));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bot?.close();
});

const card = (orderName: string) => page.locator('article.msg', { has: page.locator('h3', { hasText: orderName }) });

describe('the local workspace in a browser', () => {
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

    await expect.poll(() => card(po.name).textContent(), { timeout: 20_000 }).toMatch(/Approved by Avery Quinn at \d{2}:\d{2} UTC, written to Odoo/);
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
    expect(html).toContain('>22:13 UTC</time>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript');
    expect(pageErrors).toEqual([]);
  });
});
