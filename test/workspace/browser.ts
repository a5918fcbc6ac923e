import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's chromium, headless. A missing browser is a failure with the fix in the message, never
 * a skip: CI requires this test (.ci/run installs chromium when it is missing).
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`chromium is missing at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH; .ci/run installs it`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page with its uncaught errors collected (a test fails when the workspace's script throws). */
export async function newPageWithErrors(browser: Browser, viewport: { width: number; height: number }): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await browser.newPage({ viewport });
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  return { page, pageErrors };
}

/** Acting in the workspace as a person: open a conversation as them, write in its composer. */
export function workspaceActor(page: Page, baseUrl: () => string) {
  return {
    async openAs(user: string, conversation: string): Promise<void> {
      await page.goto(`${baseUrl()}/workspace?as=${user}&c=${conversation}`);
      await expect.poll(() => page.locator('#as').inputValue()).toBe(user);
    },
    async say(text: string): Promise<void> {
      await page.locator('#text').fill(text);
      await page.locator('#composer button[type=submit]').click();
    },
  };
}
