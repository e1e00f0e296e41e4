import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ServeFacts } from './serve-process.js';

/**
 * Issue #14 §6: `npx fedsim serve` stops on `kill` (SIGTERM) to the npx process, which does not
 * reach serve itself, and on Ctrl-C (SIGINT to the terminal's process group); decision:
 * docs/decisions/serve-stops-with-npx.md. `npm exec -c` starts the CLI the way `npx fedsim serve`
 * does (npm → sh → node), without installing the package into npx's cache.
 */
async function startThroughNpm(): Promise<{ npm: ReturnType<typeof spawn>; facts: ServeFacts }> {
  const npm = spawn('npm', ['exec', '--offline', '-c', 'node dist/harness/bundle/fedsim.js serve --json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    // Its own process group, as a terminal gives a foreground command.
    detached: true,
  });
  let out = '';
  for await (const chunk of npm.stdout as NodeJS.ReadableStream) {
    out += chunk.toString();
    if (out.includes('\n')) break;
  }
  return { npm, facts: JSON.parse(out.split('\n')[0] ?? '') };
}

/** True while something accepts connections on the URL's port. */
function listening(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls until no party listens any more, for at most `ms`; resolves to whether they all stopped. */
async function portsFreeWithin(facts: ServeFacts, ms: number): Promise<boolean> {
  const urls = [facts.org1.url, facts.org2.url, facts.dropbox.url];
  for (const start = performance.now(); performance.now() - start < ms; ) {
    const open = await Promise.all(urls.map(listening));
    if (!open.includes(true)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe('serve started through npm stops with it', () => {
  it('kill (SIGTERM) to the npm process frees the three ports within 2 s', async () => {
    const { npm, facts } = await startThroughNpm();
    expect(await listening(facts.org1.url)).toBe(true);
    const exited = once(npm, 'exit');
    npm.kill('SIGTERM');
    await exited;
    expect(await portsFreeWithin(facts, 2_000)).toBe(true);
  });

  it("Ctrl-C (SIGINT to the command's process group) frees the three ports within 2 s", async () => {
    const { npm, facts } = await startThroughNpm();
    expect(await listening(facts.org1.url)).toBe(true);
    const exited = once(npm, 'exit');
    process.kill(-(npm.pid as number), 'SIGINT');
    await exited;
    expect(await portsFreeWithin(facts, 2_000)).toBe(true);
  });
});
