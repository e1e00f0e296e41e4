import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TraceDocument } from '../../harness/trace/document.js';
import { traceHtml } from '../../harness/trace/html.js';
import { normalizeTrace } from '../../harness/trace/normalize.js';
import { loadFixture, manyHops } from '../trace/page-fixtures.js';
import { sharedChromium } from './chromium.js';
import { keepScreenshot } from './screens.js';

/**
 * The trace page in a real browser, opened from file:// with the network off. Screenshots are kept
 * in test-results/trace-page/ (git-ignored) for people to look at (`npm run screenshots`).
 */
const OUT = path.resolve('test-results/trace-page');
const JSON_FILE = 'traces/sarah journey.json';

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await sharedChromium();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

/** Writes the page for `doc` and opens it offline; `requests` lists everything the page loaded. */
async function open(doc: TraceDocument, name: string, beforeScripts?: () => void) {
  const file = path.join(OUT, `${name}.html`);
  writeFileSync(file, traceHtml(doc, JSON_FILE));
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, offline: true });
  contexts.push(context);
  if (beforeScripts) await context.addInitScript(beforeScripts);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`file://${file}`);
  return { page, file, requests };
}

/**
 * Presses a hop's copy button from the keyboard, as a person tabbing to it would. A mouse click
 * aims at coordinates: three full suites on a loaded machine saw a click's copy never start (the
 * status empty for 10 s, whatever the clipboard did), once with a clipboard that refuses at once.
 */
async function pressCopy(page: Page, hop: Locator): Promise<void> {
  await hop.locator('button[data-copy]').focus();
  await page.keyboard.press('Enter');
}

const shot = (page: Page, name: string, fullPage = false) =>
  keepScreenshot(page, path.join(OUT, `${name}.png`), { fullPage });

describe('the trace page of a run that ends at a refused ACS', () => {
  it('opens offline and shows the refused ACS with its failed check rows, expanded', async () => {
    const doc = loadFixture();
    const { page, file, requests } = await open(doc, 'refused-acs');
    expect(await page.title()).toBe(`fedsim trace: ${doc.scenario.name}`);
    expect(await page.locator('details.hop').count()).toBe(doc.hops.length);
    const refused = page.locator('details.hop.refused');
    expect(await refused.getAttribute('open')).toBe('');
    const rows = refused.locator('table.failed-checks tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await rows.first().scrollIntoViewIfNeeded();
    expect(await rows.first().isVisible()).toBe(true);
    expect(await rows.allTextContents()).toEqual([
      expect.stringMatching(/recipient.*SAML_RECIPIENT_MISMATCH.*sso\/saml2\/0oa.*Recipient/),
      expect.stringMatching(/audience.*SAML_AUDIENCE_MISMATCH.*spayBs.*spwrongaudience.*Audience URI/),
    ]);
    expect(await refused.locator('.decision').textContent()).toMatch(/refused SAML_RECIPIENT_MISMATCH/);
    // Its arrow is red end to end, head included.
    const head = await refused
      .locator('.line')
      .evaluate((el) => getComputedStyle(el, '::after').borderLeftColor);
    expect(head).toBe('rgb(179, 38, 30)');
    await shot(page, 'refused-acs');
    await page.locator('h1').scrollIntoViewIfNeeded();
    await shot(page, 'overview');
    // Self-contained: the only thing the page loaded is itself.
    expect(requests).toEqual([`file://${file}`]);
  });

  it('draws API calls dashed and labelled, browser requests solid, in the lanes of their actors', async () => {
    const { page } = await open(loadFixture(), 'lanes');
    const lanes = await page.locator('.lanes .who').allTextContents();
    expect(lanes).toEqual(['sarah', 'org1', 'org2', 'dropbox']);
    const api = page.locator('details.hop.api .line').first();
    const browserLine = page.locator('details.hop.browser .line').first();
    expect(await api.evaluate((el) => getComputedStyle(el).borderBottomStyle)).toBe('dashed');
    expect(await browserLine.evaluate((el) => getComputedStyle(el).borderBottomStyle)).toBe('solid');
    expect(await page.locator('details.hop.api .badge.api').allTextContents()).toContain('SCIM');
    // The SCIM push goes from org2's lane to dropbox's: its arrow starts at the 3rd lane.
    const scim = page.locator('details.hop', { hasText: 'POST/scim/v2/Users' }).locator('.arrow');
    expect(await scim.getAttribute('style')).toMatch(/grid-column:4\/6/);
  });

  it('is driven by keyboard: Tab reaches a hop, Enter opens it and its pretty XML', async () => {
    const { page } = await open(loadFixture(), 'keyboard');
    const samlHop = page.locator('details.hop', { has: page.locator('.badge.saml') }).first();
    await samlHop.locator('summary.row').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => samlHop.getAttribute('open')).toBe('');
    const decoded = samlHop.locator('.saml table.fields');
    expect(await decoded.textContent()).toContain('sarah@org1.example');
    expect(await decoded.textContent()).toMatch(/Response: valid .*rsa-sha256/);
    // Tab walks the hop's own controls in reading order: check table, SP profile, SAML, its copy button…
    const focused: string[] = [];
    while (focused.at(-1) !== 'Copy explain command' && focused.length < 8) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => document.activeElement?.textContent ?? ''));
    }
    expect(focused.at(-1)).toBe('Copy explain command');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Pretty XML');
    await page.keyboard.press('Enter');
    expect(await samlHop.locator('pre.xml').isVisible()).toBe(true);
    expect(await samlHop.locator('pre.xml').textContent()).toContain('\n  <saml2:Issuer');
    await samlHop.locator('pre.xml').scrollIntoViewIfNeeded();
    await shot(page, 'expanded-saml');
  });

  it('copies the explain command of a hop to the clipboard', async () => {
    // The browser's clipboard is recorded, not the machine's: headless chromium's own sometimes
    // never answered in a full suite (1 run in 4), whatever the page did.
    const { page } = await open(loadFixture(), 'copy', () => {
      navigator.clipboard.writeText = async (text) => {
        (window as unknown as { copied: string }).copied = text;
      };
    });
    const hop = page.locator('details.hop.refused');
    await pressCopy(page, hop);
    await expect.poll(() => hop.locator('.copy-status').textContent()).toBe('Copied.');
    const n = await hop.getAttribute('data-hop');
    expect(await page.evaluate(() => (window as unknown as { copied: string }).copied)).toBe(
      `fedsim explain 'traces/sarah journey.json' --hop ${n}`,
    );
  });

  it('selects the command and says so where the clipboard does not answer', async () => {
    const { page } = await open(loadFixture(), 'copy-silent', () => {
      navigator.clipboard.writeText = () => new Promise(() => {});
    });
    const hop = page.locator('details.hop.refused');
    await pressCopy(page, hop);
    await expect.poll(() => hop.locator('.copy-status').textContent()).toMatch(/blocked/);
    expect(await page.evaluate(() => getSelection()?.toString())).toMatch(/^fedsim explain .* --hop \d+$/);
  });

  it('selects the command and says so where the clipboard is refused', async () => {
    // Refused before the page's own script runs, as a browser that denies clipboard access does.
    const { page } = await open(loadFixture(), 'copy-refused', () => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    const hop = page.locator('details.hop.refused');
    await pressCopy(page, hop);
    await expect.poll(() => hop.locator('.copy-status').textContent()).toMatch(/blocked/);
    expect(await page.evaluate(() => getSelection()?.toString())).toMatch(/^fedsim explain .* --hop \d+$/);
  });

  it('shows a normalised trace with {party} placeholders and the parties table', async () => {
    const { page } = await open(normalizeTrace(loadFixture()), 'normalised');
    expect(await page.locator('table.fields').first().textContent()).toMatch(
      /\{org1\}http:\/\/127\.0\.0\.1:\d+/,
    );
    const hop = page.locator('details.hop').nth(4);
    await hop.locator('summary.row').click();
    expect(await hop.locator('.url .ph').first().textContent()).toBe('{org1}');
    expect(await hop.locator('summary.row').getAttribute('title')).toMatch(
      /^GET \{org1\}\/app\/UserHome → 302$/,
    );
    await shot(page, 'normalised');
  });
});

it('renders a trace of 500 hops whole', async () => {
  const { page } = await open(manyHops(loadFixture(), 500), 'five-hundred');
  const timing = await page.evaluate(async () => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    // Waits for the first contentful paint: with no screenshot taken, it may come after load.
    const paint = await new Promise<number>((resolve) =>
      new PerformanceObserver((list) => {
        const first = list.getEntriesByName('first-contentful-paint')[0];
        if (first) resolve(first.startTime);
      }).observe({ type: 'paint', buffered: true }),
    );
    return { load: nav.loadEventEnd, paint };
  });
  // Printed for the reader, not asserted: timings are for `npm run bench`, never for tests.
  console.log(
    `trace page, 500 hops: first paint ${timing.paint.toFixed(0)} ms, load ${timing.load.toFixed(0)} ms`,
  );
  expect(await page.locator('details.hop').count()).toBe(500);
  expect(Number.isFinite(timing.paint)).toBe(true);
  await shot(page, 'five-hundred');
});
