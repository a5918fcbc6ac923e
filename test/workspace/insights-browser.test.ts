import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/paths.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';
import { launchChromium, newPageWithErrors } from './browser.ts';

// The control tower as people see it in the demo: the bot with the embedded Odoo's seeded orders
// and the measures' real reader (read_group in Odoo, facts in Redis). The README's picture is
// refreshed only on request (UPDATE_DOCS_SCREENSHOTS=1), like docs/workspace.png.
const SCREENSHOT = process.env.UPDATE_DOCS_SCREENSHOTS === '1' ? resolve(PROJECT_ROOT, 'docs/insights.png') : resolve(tmpdir(), `insights-${process.pid}.png`);

let bot: TestBot;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  bot = await startTestBot({ EMBEDDED_ODOO_SCALE: '200' });
  ({ page, pageErrors } = await newPageWithErrors(browser, { width: 1360, height: 1000 }));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await bot?.close();
});

interface FigureSeen {
  chart: string;
  series: number;
  names: string[];
  svgs: number;
  texts: string[];
  pngHref: string;
}

async function figures(): Promise<FigureSeen[]> {
  return page.locator('figure.chart').evaluateAll((els) =>
    els.map((el) => ({
      chart: el.getAttribute('data-chart') ?? '',
      series: Number(el.getAttribute('data-series')),
      names: JSON.parse(el.getAttribute('data-series-names') ?? '[]') as string[],
      svgs: el.querySelectorAll('svg').length,
      texts: [...el.querySelectorAll('svg text')].map((t) => t.textContent ?? ''),
      pngHref: el.querySelector('figcaption a')?.getAttribute('href') ?? '',
    })),
  );
}

/** Every chart is drawn, titled, with both axes named and one legend entry per series. */
function expectDrawn(f: FigureSeen, title: string, axes: string[], series: number | null): void {
  expect(f.svgs).toBe(1);
  expect(f.texts).toContain(title);
  for (const axis of axes) expect(f.texts).toContain(axis);
  if (series !== null) expect(f.series).toBe(series);
  expect(f.names).toHaveLength(f.series);
  for (const name of f.names) expect(f.texts).toContain(name);
}

describe('the Insights page and a vendor scorecard in a browser', () => {
  it('is linked from the workspace and the ops page, and shows the headline numbers and four charts drawn on the server', async () => {
    await page.goto(`${bot.url}/workspace/ops`);
    await page.getByRole('link', { name: 'Insights' }).click();
    await page.waitForURL(/\/workspace\/insights$/);
    await expect.poll(() => page.locator('.tile').count()).toBe(7);
    expect(await page.locator('.tiles').textContent()).toMatch(/Approval cycle, median/);
    const seen = await figures();
    expect(seen.map((f) => f.chart)).toEqual(['approval-cycle', 'exception-resolution', 'open-exceptions', 'triage-outcomes']);
    expectDrawn(seen[0]!, 'Approval cycle time', ['Week of', 'Hours'], 2);
    expectDrawn(seen[1]!, 'Exception resolution', ['Week of', 'Exceptions', 'Hours to clear (median)'], 3);
    expectDrawn(seen[2]!, 'Open exceptions by age', ['Open for', 'Exceptions'], null);
    expectDrawn(seen[3]!, 'Triage outcomes', ['Week of', 'Proposals'], 3);
    // Twelve weeks on the x axis of the trends.
    expect(await page.locator('#chart-approval-cycle svg text').filter({ hasText: /^[A-Z][a-z]{2} \d{1,2}$/ }).count()).toBeGreaterThanOrEqual(6);
    // Each chart's PNG is a signed link that works without a login, and only for a while.
    const png = await page.request.get(seen[0]!.pngHref);
    expect(png.status()).toBe(200);
    expect(png.headers()['content-type']).toBe('image/png');
    expect((await page.request.get(seen[0]!.pngHref.replace(/\.[A-Za-z0-9_-]{43}\.png$/, '.png'))).status()).toBe(403);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.goto(`${bot.url}/workspace`);
    await expect.poll(() => page.locator('a.insights-link').getAttribute('href')).toBe('/workspace/insights');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it("opens a vendor's scorecard with its trend chart: three series, both axes named", async () => {
    await page.goto(`${bot.url}/workspace/insights`);
    const vendor = page.locator('table a[href^="/workspace/insights/vendors/"]').first();
    const name = (await vendor.textContent()) ?? '';
    expect(name.length).toBeGreaterThan(0);
    await vendor.click();
    await page.waitForURL(/\/workspace\/insights\/vendors\/\d+$/);
    expect(await page.locator('h1').textContent()).toBe(`Supplier scorecard: ${name}`);
    const [trend] = await figures();
    expectDrawn(trend!, `Supplier scorecard: ${name}`, ['Week of', 'On time in full (%)', 'Days'], 3);
    expect(trend!.names).toEqual(['OTIF %', 'Average slip (days)', 'Confirmation latency p50 (days)']);
    expect(await page.locator('table tbody td').count()).toBe(7);
    expect(pageErrors).toEqual([]);
  }, 30_000);

  it('answers /po vendor in the workspace with the scorecard and the trend chart, a signed PNG the client loads', async () => {
    await page.goto(`${bot.url}/workspace?as=U0JORDAN&c=D0JORDAN`);
    await expect.poll(() => page.locator('#as').inputValue()).toBe('U0JORDAN');
    await page.locator('#text').fill('/po vendor Sunvale');
    await page.locator('#composer button[type=submit]').click();
    const answer = page.locator('article.msg').filter({ hasText: 'Scorecard, last 12 weeks' }).last();
    await answer.waitFor({ timeout: 20_000 });
    expect(await answer.textContent()).toMatch(/On time in full[\s\S]*of \d+ receipts/);
    const image = answer.locator('img.bk-image');
    expect(await image.getAttribute('src')).toMatch(new RegExp(`^${bot.url.replace(/[.]/g, '\\.')}/charts/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}\\.png$`));
    await expect.poll(() => image.evaluate((img) => { const i = img as unknown as { complete: boolean; naturalWidth: number }; return i.complete && i.naturalWidth; }), { timeout: 15_000 }).toBe(1440);
    expect(pageErrors).toEqual([]);
  }, 40_000);

  it('refuses a bad period and an unknown vendor with a clear answer', async () => {
    const bad = await page.request.get(`${bot.url}/workspace/insights?weeks=500`);
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toContain('weeks must be a whole number from 1 to 104');
    const unknown = await page.request.get(`${bot.url}/workspace/insights/vendors/999999`);
    expect(unknown.status()).toBe(404);
    expect(await unknown.text()).toContain('no vendor with id 999999');
  });
});
