import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SystemClock } from '../../harness/core/clock.js';
import { page as layout } from '../../harness/core/html.js';
import { systemLogReportHtml } from '../../harness/okta/syslog/report-page.js';
import { WORLD_DEFAULTS } from '../../harness/world/defaults.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { closeContexts, loopbackContext, sharedChromium } from './chromium.js';
import { keepScreenshot } from './screens.js';

/**
 * The live trace page of a served world, in chromium: one tab keeps `/_fedsim/trace` open while
 * another signs Sarah in; her hops stream in without a reload. Screenshots go to tmp/screens/
 * (the live trace's always: its size is asserted; the others with `npm run screenshots`).
 */
const [SARAH] = WORLD_DEFAULTS.org1Users;
const SCREENS = path.resolve('tmp/screens');
let world: World;
let browser: Browser;

async function newPage(): Promise<Page> {
  const context = await loopbackContext(browser, { width: 1280, height: 900 }, 10_000);
  return context.newPage();
}

/** org1 sign-in, then the Org2Org tile: org1's auto-post form reaches org2's ACS. */
async function signInToOrg2(page: Page): Promise<void> {
  await page.goto(`${world.org1.url}/app/UserHome`);
  await page.locator('#username').fill(SARAH.login);
  await page.locator('#password').fill(SARAH.password);
  await page.getByRole('button', { name: 'Sign In' }).click();
  await page.waitForURL(`${world.org1.url}/app/UserHome`);
  await page.getByRole('link', { name: 'Org2Org' }).click();
  await page.waitForURL((url) => url.href.startsWith(world.org2.url));
}

const hopCount = (page: Page) => page.locator('#hops > details.hop').count();

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  world = await createWorld({}, { clock: new SystemClock(), liveTrace: true });
  await world.org1.assign(SARAH.login);
  await world.org2.assignDropbox(SARAH.login);
  await world.settle();
  browser = await sharedChromium();
});

afterAll(async () => {
  await closeContexts(browser);
  await world?.close();
});

describe('the live trace page in a real browser', () => {
  it("streams Sarah's sign-ins (org1 → org2 → Dropbox) as they happen, newest first", async () => {
    const trace = await newPage();
    await trace.goto(`${world.dropbox.url}/_fedsim/trace`);
    await expect.poll(() => trace.locator('#live-status').textContent()).toContain('Live');
    const before = await hopCount(trace);
    await trace.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    const sarah = await newPage();
    await signInToOrg2(sarah);
    await sarah.getByRole('button', { name: 'Set up' }).click();
    await sarah.waitForURL(`${world.org2.url}/app/UserHome`);
    await sarah.getByRole('link', { name: 'Dropbox Business' }).click();
    await sarah.getByRole('button', { name: 'Join team' }).click();
    await sarah.waitForURL(`${world.dropbox.url}/home`);

    const acs = trace.locator('details.hop', { hasText: 'SAML Response' });
    await expect.poll(() => acs.count()).toBe(2);
    const first = await hopCount(trace);
    expect(first).toBeGreaterThan(before + 8);
    // Newest first: the first row is the last hop (Dropbox's home page after "Join team").
    const numbers = await trace
      .locator('#hops > details.hop')
      .evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.hop)));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(await trace.locator('#hops > details.hop').first().getAttribute('id')).toBe(`hop-${numbers[0]}`);

    // The ACS at org2: its check table and decoded SAML message open from the row.
    const org2Acs = acs.last();
    await org2Acs.locator('summary.row').click();
    await expect
      .poll(() => org2Acs.locator('.passed-checks summary').textContent())
      .toMatch(/Check table: all \d+ checks passed/);
    expect(await org2Acs.locator('.decision').textContent()).toContain('linked the account');
    expect(await org2Acs.locator('details.saml summary').first().textContent()).toContain('SAML Response');
    await trace.screenshot({ path: path.join(SCREENS, 'live-trace.png'), fullPage: false });
    expect(statSync(path.join(SCREENS, 'live-trace.png')).size).toBeGreaterThan(10_000);

    // A second sign-in appears on the open page, without a reload.
    const again = await newPage();
    await signInToOrg2(again);
    await expect.poll(() => acs.count()).toBe(3);
    expect(await hopCount(trace)).toBeGreaterThan(first);
    expect(await trace.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    expect(await trace.locator('#hop-count').textContent()).toBe(`${await hopCount(trace)} exchanges`);

    // The download link serves the document the page shows.
    const json = await trace.evaluate(async () => (await fetch('/_fedsim/trace.json')).json());
    expect(json.fedsimTrace).toBe(1);
    expect(json.hops.length).toBe(await hopCount(trace));

    // A link to one hop opens it.
    const target = numbers[numbers.length - 1];
    await trace.goto(`${world.org1.url}/_fedsim/trace#hop-${target}`);
    expect(await trace.locator(`#hop-${target}`).getAttribute('open')).toBe('');
  });

  it('a refused sign-in links to its System Log entry, which opens to the check table and the trace', async () => {
    const page = await newPage();
    const acs = world.trace?.hops.find((h) => h.to === 'org2' && h.checks);
    // The browser posts org1's response a second time, as a back button and resubmit would.
    await page.goto(`${world.org2.url}/login`);
    await page.setContent(
      `<form id="f" method="POST" action="${acs?.url}"><input name="SAMLResponse" value="${acs?.formFields?.SAMLResponse}"></form>`,
    );
    const [response] = await Promise.all([
      page.waitForNavigation(),
      page.locator('#f').evaluate((f) => (f as HTMLFormElement).submit()),
    ]);
    expect(response?.status()).toBe(400);
    const link = page.getByRole('link', { name: 'See the System Log entry' });
    const id = response?.headers()['x-okta-request-id'] as string;
    expect(await link.getAttribute('href')).toBe(`/admin/reports/syslog?transaction=${id}`);
    await keepScreenshot(page, path.join(SCREENS, 'refused-sign-in.png'));

    // The console mounts the report at that URL; here it is shown in the parties' own layout.
    const body = systemLogReportHtml(world.org2.log.events, { transaction: id }, world.org2.log.exchangeOf);
    await page.goto(`${world.org2.url}/login`);
    await page.setContent(layout({ title: 'System Log', party: 'org2 admin', color: '#00297a', body }));
    expect(await page.locator('details[open] summary').first().textContent()).toBe('Why it failed');
    expect(await page.locator('.failed-checks caption').textContent()).toBe('Failed checks (1)');
    await keepScreenshot(page, path.join(SCREENS, 'system-log-report.png'), { fullPage: true });
    await page.getByRole('link', { name: /Open in trace/ }).click();
    await page.waitForURL(`${world.org2.url}/_fedsim/trace#hop-${world.trace?.hopOf(id)?.n}`);
    expect(await page.locator(`#hop-${world.trace?.hopOf(id)?.n}`).getAttribute('open')).toBe('');
  });
});
