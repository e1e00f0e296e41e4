import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import sparticuz from '@sparticuz/chromium';
import { type Browser, type BrowserContext, chromium, type LaunchOptions } from 'playwright-core';

export const LOOPBACK = '127.0.0.1';
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Which chromium the browser tests drive, and why that one. */
export type ChromiumSource = { kind: 'path'; path: string; why: string } | { kind: 'npm'; why: string };

/**
 * FEDSIM_CHROMIUM=/path/to/chromium wins; FEDSIM_CHROMIUM=npm forces the npm browser (CI proves that
 * path even where Debian's chromium is installed); else Debian's when present; else the npm one.
 */
export function chromiumSource(
  setting = process.env.FEDSIM_CHROMIUM,
  debianInstalled = existsSync(DEBIAN_CHROMIUM),
): ChromiumSource {
  if (setting === 'npm') return { kind: 'npm', why: 'FEDSIM_CHROMIUM=npm' };
  if (setting) return { kind: 'path', path: setting, why: 'FEDSIM_CHROMIUM' };
  if (debianInstalled) return { kind: 'path', path: DEBIAN_CHROMIUM, why: "Debian's chromium" };
  return { kind: 'npm', why: `no ${DEBIAN_CHROMIUM}` };
}

/** Flags for every browser: headless, and nothing leaves 127.0.0.1. */
export const LOCKDOWN_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--disable-sync',
  '--no-pings',
  // Nothing but 127.0.0.1 resolves, and anything that would still go out meets a dead proxy.
  `--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE ${LOOPBACK}`,
  '--proxy-server=http://127.0.0.1:9',
  `--proxy-bypass-list=${LOOPBACK}`,
];

/** sparticuz's flags suit a Lambda; these would make the browser unlike a user's or fight playwright. */
const UNWANTED_SPARTICUZ_FLAGS = [
  '--single-process', // closing one context would end the whole browser
  '--disable-web-security', // same-origin, site isolation and mixed content stay as a user has them
  '--disable-site-isolation-trials',
  '--allow-running-insecure-content',
  '--disable-features=', // a second list replaces playwright's own
  '--enable-features=',
  '--headless=', // playwright asks for headless itself
  '--use-gl=', // GPU emulation; LOCKDOWN_FLAGS disable the GPU
  '--use-angle=',
  '--enable-unsafe-swiftshader',
  '--in-process-gpu',
  '--ignore-gpu-blocklist',
];

export function npmChromiumFlags(): string[] {
  const wanted = sparticuz.args.filter((flag) => !UNWANTED_SPARTICUZ_FLAGS.some((u) => flag.startsWith(u)));
  return [...LOCKDOWN_FLAGS, ...wanted.filter((flag) => !LOCKDOWN_FLAGS.includes(flag))];
}

/** Where sparticuz unpacks its fonts and their fontconfig file. */
const FONTS = path.join(os.tmpdir(), 'fonts');

/** The installed @sparticuz/chromium, e.g. `143.0.4` (its package.json is not in its exports). */
function sparticuzVersion(): string {
  const main = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  return JSON.parse(readFileSync(path.join(path.dirname(main), '../../package.json'), 'utf8')).version;
}

/**
 * sparticuz reuses any binary at its unpack path, even one half-written by a killed run or left by
 * another version of the package; a marker written after a complete unpack tells ours apart.
 */
async function unpackNpmChromium(): Promise<string> {
  const binary = path.join(os.tmpdir(), 'chromium');
  const marker = `${binary}.fedsim-unpacked`;
  const version = sparticuzVersion();
  const complete =
    existsSync(binary) && existsSync(FONTS) && existsSync(marker) && readFileSync(marker, 'utf8') === version;
  if (!complete) {
    rmSync(marker, { force: true });
    rmSync(binary, { force: true });
  }
  const executable = await sparticuz.executablePath();
  if (!complete) writeFileSync(marker, version);
  return executable;
}

let npmExecutable: Promise<string> | undefined;

/**
 * @sparticuz/chromium's binary ships inside its npm tarball; the first call on a machine unpacks it
 * to the temp dir (test/global-setup.ts does, before workers could race), later ones find it there.
 */
export function npmChromium(): Promise<string> {
  npmExecutable ??= unpackNpmChromium();
  return npmExecutable;
}

/** The npm browser is given the fonts sparticuz unpacks beside it: text renders on a machine without any. */
function npmChromiumEnv(): NodeJS.ProcessEnv {
  return { ...process.env, FONTCONFIG_PATH: process.env.FONTCONFIG_PATH ?? FONTS };
}

/** Launches the chosen chromium; a browser that cannot start fails the test, never skips it. */
export async function launchChromium(source = chromiumSource()): Promise<Browser> {
  const executablePath = source.kind === 'npm' ? await npmChromium() : source.path;
  const fix =
    source.kind === 'npm'
      ? `remove ${executablePath} to unpack it again`
      : 'FEDSIM_CHROMIUM=npm uses the browser from npm';
  // Checked first: playwright would leave a profile folder behind for a binary that is not there.
  if (!existsSync(executablePath))
    throw new Error(`No chromium at ${executablePath} (${source.why}); ${fix}`);
  const options: LaunchOptions =
    source.kind === 'npm'
      ? { executablePath, args: npmChromiumFlags(), env: npmChromiumEnv() }
      : { executablePath, args: LOCKDOWN_FLAGS };
  try {
    return await chromium.launch(options);
  } catch (err) {
    const reason = (err as Error).message;
    throw new Error(`chromium ${executablePath} (${source.why}) did not start; ${fix}: ${reason}`, {
      cause: err,
    });
  }
}

let shared: Promise<Browser> | undefined;

/**
 * The test worker's one chromium, shared by the browser test files it runs (isolate: false keeps
 * this module across files): each launch costs ~0.5 s of CPU and seconds of wall time on a loaded
 * machine. A file closes the contexts it opened (closeContexts), never the browser; playwright
 * kills the browser when the worker exits. A browser that died is launched again.
 */
export async function sharedChromium(): Promise<Browser> {
  const browser = await shared?.catch(() => undefined);
  if (browser?.isConnected()) return browser;
  shared = launchChromium();
  return shared;
}

/** Closes every context of the shared browser: a worker runs its files one at a time. */
export async function closeContexts(browser: Browser | undefined): Promise<void> {
  await Promise.all(browser?.contexts().map((c) => c.close()) ?? []);
}

/**
 * A browser context that reaches loopback only: a guard besides the launch flags, whatever is not
 * 127.0.0.1 is refused before it leaves. `timeoutMs` bounds every wait (actions and navigations).
 */
export async function loopbackContext(
  browser: Browser,
  viewport: { width: number; height: number },
  timeoutMs: number,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  context.setDefaultTimeout(timeoutMs);
  await context.route('**/*', (route) =>
    new URL(route.request().url()).hostname === LOOPBACK ? route.continue() : route.abort('blockedbyclient'),
  );
  return context;
}
