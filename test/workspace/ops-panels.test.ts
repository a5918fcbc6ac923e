import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/spawn-bot.ts';
import { startTestBot, type TestBot } from '../support/start-test-bot.ts';

// The demo bot with its workers: the alert scans run on the seeded data, so the operations page
// has open exceptions to show, read from the same gauges as /metrics.
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ EMBEDDED_ODOO_SCALE: '120' });
}, 60_000);
afterAll(async () => bot?.close());

interface OpsData {
  exceptions: Array<{ type: string; state: string; age: string; count: number }>;
  agreement: unknown[];
  dependencies: Array<{ name: string; up: boolean; required: boolean }>;
}

describe('the operations page panels', () => {
  it('shows open exceptions by type, state and age, and the triage agreement section', async () => {
    const read = async () => (await (await fetch(`${bot.url}/workspace/ops/data`)).json()) as OpsData;
    await waitFor(async () => (await read()).exceptions.length > 0, 30_000, 'the first scan to find exceptions');
    const data = await read();
    expect(data.exceptions.map((e) => e.type)).toContain('late-receipt');
    expect(data.exceptions.every((e) => e.count > 0 && e.state && e.age)).toBe(true);
    const metrics = await (await fetch(`${bot.url}/metrics`)).text();
    expect(metrics).toMatch(/chatops_alert_open\{type="late-receipt",state="[a-z]+",age="[^"]+"\} \d+/);
    const page = await (await fetch(`${bot.url}/workspace/ops`)).text();
    expect(page).toMatch(/<h2>Open exceptions \(\d+\)<\/h2>/);
    expect(page).toContain('<h2>Triage agreement</h2>');
    // Redis and Odoo as /readyz sees them; Odoo is reported, not needed to take work.
    expect(data.dependencies).toEqual(expect.arrayContaining([{ name: 'redis', up: true, required: true }, { name: 'odoo', up: true, required: false }]));
    expect(page).toContain('<h2>Dependencies</h2>');
  }, 45_000);
});
