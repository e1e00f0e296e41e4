import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type Served, startServe } from '../serve/serve-process.js';
import { closeContexts, loopbackContext, sharedChromium } from './chromium.js';

/** A new page in a fresh loopback context, sized for an admin console (full-page screenshots). */
export async function consolePage(browser: Browser): Promise<Page> {
  const context = await loopbackContext(browser, { width: 1280, height: 860 }, 10_000);
  return context.newPage();
}

/** Okta's sign-in form, filled and submitted (the caller waits for where it should land). */
export async function oktaSignIn(page: Page, login: string, password: string): Promise<void> {
  await page.locator('#username').fill(login);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Sign In' }).click();
}

/**
 * A real `fedsim serve` and the shared chromium for the file's tests, started together before them
 * and stopped after; read `served()` and `browser()` inside the tests.
 */
export function servedChromium(): { served: () => Served; browser: () => Browser } {
  let served: Served | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [served, browser] = await Promise.all([startServe(), sharedChromium()]);
  });
  afterAll(async () => {
    await closeContexts(browser);
    await served?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('servedChromium: read before beforeAll ran');
    return value;
  };
  return { served: () => started(served), browser: () => started(browser) };
}
