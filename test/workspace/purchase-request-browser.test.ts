import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/spawn-bot.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { launchChromium, newPageWithErrors, workspaceActor } from './browser.ts';
import { raiseOverdueRequests } from '../../src/requests/raise-overdue-requests.ts';
import { receiveRequestDecision } from '../../src/requests/decide-request.ts';

let bot: TestBot;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  // Demo mode as `npm start` runs it: embedded Odoo, the example policy (its requests: section).
  bot = await startTestBot({});
  ({ page, pageErrors } = await newPageWithErrors(browser, { width: 1280, height: 900 }));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bot?.close();
});

const openAs = (user: string, conversation: string) => workspaceActor(page, () => bot.url).openAs(user, conversation);
const say = (text: string) => workspaceActor(page, () => bot.url).say(text);

describe('a purchase request in the local workspace', () => {
  it('the warehouse lead files it from plain words, the buyer sends the RFQ from the card, the lead sees it in the Home tab', async () => {
    // Casey Morgan, Receiving Lead (warehouse@): the example policy lets them request for WH and ATL.
    await openAs('U0CASEY', 'D0CASEY');
    await say('we need 40 cases of gloves for ATL by Friday');
    const offer = page.locator('article.msg', { has: page.getByRole('button', { name: 'Open the request form' }) }).last();
    await offer.waitFor({ timeout: 20_000 });
    await offer.getByRole('button', { name: 'Open the request form' }).click();

    const modal = page.getByRole('dialog', { name: 'Request purchase' });
    await modal.waitFor({ timeout: 15_000 });
    // Prefilled from the words: 40, Atlanta DC, a glove product; nothing is created yet.
    expect(await modal.getByLabel('Quantity').inputValue()).toBe('40');
    expect(await modal.locator('select[data-block-id="warehouseId"] option:checked').textContent()).toContain('Atlanta DC');
    expect(await modal.locator('select[data-block-id="productId"] option:checked').textContent()).toMatch(/glove/i);
    expect(await bot.requests.store.forRequester('warehouse@northgate-supply.example')).toHaveLength(0);

    // The product searched live in Odoo (external_select -> block_suggestion -> options).
    await modal.getByLabel('Product: search').fill('QG-N400-M');
    await expect.poll(() => modal.locator('select[data-block-id="productId"] option').allTextContents(), { timeout: 10_000 }).toContainEqual(expect.stringContaining('QG-N400-M'));
    const value = await modal.locator('select[data-block-id="productId"] option', { hasText: 'QG-N400-M' }).getAttribute('value');
    await modal.locator('select[data-block-id="productId"]').selectOption(value!);

    // The policy wants a reason: the bot refuses the form without one, and nothing is written.
    await modal.getByRole('button', { name: 'Submit request' }).click();
    await expect.poll(() => modal.locator('[data-error-for="reason"]').textContent(), { timeout: 10_000 }).toContain('Required');
    expect(await bot.requests.store.forRequester('warehouse@northgate-supply.example')).toHaveLength(0);

    await modal.getByLabel('Reason').fill('Flu season: glove use doubled on the night shift');
    await modal.getByRole('button', { name: 'Submit request' }).click();
    await modal.waitFor({ state: 'detached', timeout: 10_000 });

    await waitFor(async () => (await bot.requests.store.forRequester('warehouse@northgate-supply.example'))[0]?.state === 'requested', 20_000, 'the request to be on a draft RFQ');
    const [request] = await bot.requests.store.forRequester('warehouse@northgate-supply.example');
    expect(request!.request.quantity).toBe(40);
    expect(request!.request.warehouse.code).toBe('ATL');

    // The buyer of Safety & PPE (the demo buyer, Jordan Blake) has the card in their DM with the bot.
    await openAs('U0JORDAN', 'D0JORDAN');
    const card = page.locator('article.msg', { has: page.locator('h3', { hasText: request!.ref }) });
    await card.waitFor({ timeout: 20_000 });
    expect(await card.textContent()).toContain('Casey Morgan');
    expect(await card.textContent()).toContain(request!.order!.name);
    await card.getByRole('button', { name: 'Convert to RFQ sent' }).click();
    await expect.poll(() => card.textContent(), { timeout: 20_000 }).toContain('RFQ sent to');
    expect(await card.getByRole('button', { name: 'Reject' }).count()).toBe(0);

    // Back to the requester: the Home tab lists the request as RFQ sent, with its button to file another.
    await openAs('U0CASEY', 'home');
    const home = page.locator('[data-testid="home"]');
    await expect.poll(() => home.textContent(), { timeout: 20_000 }).toContain(request!.ref);
    expect(await home.textContent()).toContain('RFQ sent');
    await home.getByRole('button', { name: 'Request purchase' }).click();
    const again = page.getByRole('dialog', { name: 'Request purchase' });
    await again.waitFor({ timeout: 15_000 });
    await again.getByRole('button', { name: 'Cancel' }).click();
    await again.waitFor({ state: 'detached' });
    // And in the DM: told where the request went, and that the RFQ was sent.
    await openAs('U0CASEY', 'D0CASEY');
    await expect.poll(() => page.locator('#messages').textContent(), { timeout: 20_000 }).toContain(`sent RFQ ${request!.order!.name}`);
    // `/po mine` lists it too, with its state.
    await say('/po mine');
    await expect.poll(() => page.locator('article.msg', { hasText: 'Your purchase requests' }).last().textContent(), { timeout: 20_000 }).toMatch(new RegExp(`${request!.ref}.*RFQ sent`));
    expect(pageErrors).toEqual([]);
  }, 150_000);

  it('three identical submissions of one form (a double click, a retry) make one request and one RFQ line, through Bolt and the writeback queue', async () => {
    const ui = (path: string, body: unknown) => fetch(`${bot.url}/workspace/ui/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<Record<string, unknown>>);
    // Andre Mitchell, Atlanta's lead: the example policy's "*" lets him request for WH, ATL and RNO.
    expect(await ui('message', { user: 'U0ANDRE', channel: 'D0ANDRE', text: '/po request 12 gloves for RNO by Friday' })).toMatchObject({ ok: true });
    const store = bot.workspace!.store;
    await waitFor(async () => (await store.modalOf('U0ANDRE')) !== null, 15_000, 'the request form');
    const modal = (await store.modalOf('U0ANDRE'))!;
    const blocks = modal.view.blocks as Array<{ block_id: string; element: { initial_option?: { value: string }; initial_value?: string; options?: Array<{ value: string; text: { text: string } }> } }>;
    const product = blocks.find((b) => b.block_id === 'productId')!.element.initial_option!.value;
    const warehouse = blocks.find((b) => b.block_id === 'warehouseId')!.element.options!.find((o) => o.text.text.includes('RNO'))!.value;
    const values = { productId: product, quantity: '12', uomId: null, warehouseId: warehouse, neededBy: blocks.find((b) => b.block_id === 'neededBy')!.element.initial_value!, reason: 'Reno ran out after the audit', vendorId: null, attachment: null };
    const answers = await Promise.all([1, 2, 3].map(() => ui('submit', { user: 'U0ANDRE', viewId: modal.id, values })));
    expect(answers.every((a) => a.ok === true)).toBe(true);
    await waitFor(async () => (await bot.requests.store.forRequester('amitchell@northgate-supply.example'))[0]?.state === 'requested', 20_000, 'the request on an RFQ');
    const requests = await bot.requests.store.forRequester('amitchell@northgate-supply.example');
    expect(requests).toHaveLength(1);
    const lines = await bot.odoo.gateway.searchIds('purchase.order.line', [['name', 'ilike', requests[0]!.ref]]);
    expect(lines).toHaveLength(1);
    const notes = await bot.odoo.gateway.searchIds('mail.message', [['model', '=', 'purchase.order'], ['res_id', '=', requests[0]!.order!.id], ['body', 'ilike', `Purchase request ${requests[0]!.ref}`]]);
    expect(notes).toHaveLength(1);
  }, 60_000);

  it('a request no buyer acts on becomes an exception in the alerts lifecycle, and clears when the buyer acts', async () => {
    const [request] = await bot.requests.store.forRequester('amitchell@northgate-supply.example');
    expect(request?.state).toBe('requested');
    const sink = (run: Parameters<typeof bot.alerts.applyExceptions>[0]) => bot.alerts.applyExceptions(run);
    await bot.requests.store.update(request!.id, (r) => ({ ...r, buyerDueAt: new Date(Date.now() - 60_000).toISOString() }));
    expect(await raiseOverdueRequests(bot.requests.deps, sink)).toBe(1);
    const key = `request-unanswered:purchase.order.line:${request!.order!.lineId}`;
    expect(await bot.alerts.store.openKeys()).toContain(key);
    const tracked = (await bot.alerts.store.get(key))!;
    expect(tracked.exception.title).toContain(request!.ref);
    expect(tracked.clearedAt).toBeNull();
    // The buyer acts: the next run no longer finds it, and the lifecycle clears it.
    const answer = await receiveRequestDecision({ requestId: request!.id, action: 'send', by: { platform: 'slack', userId: 'U0JORDAN' }, text: null }, bot.requests.deps);
    expect(answer.ok).toBe(true);
    await waitFor(async () => (await bot.requests.store.get(request!.id))?.state === 'rfq_sent', 15_000, 'the RFQ sent');
    await raiseOverdueRequests(bot.requests.deps, sink);
    expect(await bot.alerts.store.openKeys()).not.toContain(key);
    expect((await bot.alerts.store.get(key))!.clearedAt).not.toBeNull();
  }, 60_000);
});
