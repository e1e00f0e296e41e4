import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runScenario } from '../../harness/scenario/runner.js';
import { traceHtml } from '../../harness/trace/html.js';
import { pageRun } from '../../harness/trace/legacy-page.js';
import { launchChromium } from './chromium.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

it('the --trace page opens offline in chromium and shows Sarah’s journey', async () => {
  const result = await runScenario('scenarios/sarah-end-to-end.yaml', { trace: true });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fedsim-trace-'));
  const file = path.join(dir, 'sarah-end-to-end.html');
  writeFileSync(file, traceHtml(pageRun(result)));

  const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, offline: true });
  const requests: string[] = [];
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`file://${file}`);

  expect(await page.title()).toBe("fedsim trace: Sarah's journey end to end");
  const hops = page.locator('details.hop');
  expect(await hops.count()).toBe(result.trace?.hops.length);
  expect(await page.locator('.arrow strong').allTextContents()).toEqual(['Response', 'Response']);

  // Open the org1 → org2 response: its decoded summary names the NameID and both signatures.
  const samlHop = page
    .locator('details.hop', { has: page.locator('strong', { hasText: 'Response' }) })
    .first();
  await samlHop.locator('summary.row').click();
  await expect.poll(() => samlHop.locator('.saml table').textContent()).toContain('sarah@org1.example');
  expect(await samlHop.locator('.saml table').textContent()).toMatch(/Response: valid .*rsa-sha256/);

  const shot = path.join(dir, 'trace.png');
  await page.screenshot({ path: shot, fullPage: true });
  expect(statSync(shot).size).toBeGreaterThan(10_000);
  // Self-contained: the only thing the page loaded is itself.
  expect(requests).toEqual([`file://${file}`]);
  await context.close();
});
