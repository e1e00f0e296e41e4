import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumSource, npmChromium } from './e2e/chromium-source.js';

/** Newest modification time of the TypeScript sources under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Tests that spawn the `fedsim` CLI run the compiled dist/ (tsc, then the worker bundles of
 * rolldown.config.mjs). `npm ci` builds it (prepare); rebuild here only when a source is newer, so
 * a fresh checkout pays nothing and a stale dist is never used.
 */
export default async function setup(): Promise<void> {
  // The npm browser is unpacked here, once, so browser test files in parallel workers never race to.
  if (chromiumSource().kind === 'npm') await npmChromium();
  // The last step's output: a build cut short between the two is redone.
  const built = 'dist/harness/bundle/fedsim.js';
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource('harness')) return;
  for (const step of [
    ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'],
    ['node_modules/rolldown/bin/cli.mjs', '-c', 'rolldown.config.mjs', '--logLevel', 'warn'],
  ])
    execFileSync(process.execPath, step, { stdio: 'inherit' });
}
