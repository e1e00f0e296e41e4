import { existsSync } from 'node:fs';
import sparticuz from '@sparticuz/chromium';
import { type Browser, type BrowserContext, chromium, type LaunchOptions } from 'playwright-core';
import { chromiumSource, npmChromium, npmChromiumEnv } from './chromium-source.js';

export const LOOPBACK = '127.0.0.1';
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
