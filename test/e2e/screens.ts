import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * Screenshots kept for people to look at (tmp/screens/, test-results/): taken by
 * `npm run screenshots` (FEDSIM_SCREENSHOTS=1), not by `npm test`, where encoding full pages to PNG
 * was about a third of the browser tests' CPU. A test that asserts on a screenshot takes its own.
 */
export const SCREENSHOTS = process.env.FEDSIM_SCREENSHOTS === '1';

/** Saves `target` as the PNG `file` when screenshots are asked for. */
export async function keepScreenshot(
  target: Page | Locator,
  file: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(path.dirname(file), { recursive: true });
  await target.screenshot({ path: file, ...options });
}
