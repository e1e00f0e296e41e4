import { describe, expect, it } from 'vitest';
import { LOCKDOWN_FLAGS, launchChromium, npmChromiumFlags } from './chromium.js';
import { chromiumSource } from './chromium-source.js';

describe('which chromium the browser tests drive', () => {
  it('FEDSIM_CHROMIUM, then Debian’s chromium, then the one from npm', () => {
    expect(chromiumSource('/opt/chrome/chrome', true)).toMatchObject({
      kind: 'path',
      path: '/opt/chrome/chrome',
    });
    expect(chromiumSource('npm', true)).toMatchObject({ kind: 'npm' });
    expect(chromiumSource(undefined, true)).toMatchObject({ kind: 'path', path: '/usr/bin/chromium' });
    expect(chromiumSource('', true)).toMatchObject({ kind: 'path', path: '/usr/bin/chromium' });
    expect(chromiumSource(undefined, false)).toMatchObject({ kind: 'npm' });
  });

  it('the npm browser keeps every lockdown flag and none of sparticuz’s that weaken or break it', () => {
    const flags = npmChromiumFlags();
    expect(flags).toEqual(expect.arrayContaining(LOCKDOWN_FLAGS));
    expect(new Set(flags).size).toBe(flags.length);
    for (const weakening of [
      '--single-process',
      '--disable-web-security',
      '--disable-features=',
      '--headless=',
    ])
      expect(flags.filter((f) => f.startsWith(weakening))).toEqual([]);
  });

  it('a browser that cannot start fails loudly, naming it', async () => {
    const source = { kind: 'path', path: '/nonexistent/chromium', why: 'FEDSIM_CHROMIUM' } as const;
    await expect(launchChromium(source)).rejects.toThrow('/nonexistent/chromium');
  });
});
