import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import sparticuz from '@sparticuz/chromium';

/*
 * Which chromium the browser tests drive, and the unpacking of the npm one: apart from chromium.ts,
 * which imports playwright-core (~0.8 s of CPU), so test/global-setup.ts stays light for every run.
 */

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
export function npmChromiumEnv(): NodeJS.ProcessEnv {
  return { ...process.env, FONTCONFIG_PATH: process.env.FONTCONFIG_PATH ?? FONTS };
}
