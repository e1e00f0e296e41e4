import { existsSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SystemClock } from '../../harness/core/clock.js';
import { WORLD_DEFAULTS } from '../../harness/world/defaults.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { LOOPBACK, loopbackContext, sharedChromium } from './chromium.js';

/**
 * Sarah's journey in a real browser: chromium (chromium.ts says which) driven by playwright-core,
 * against a world on real time. Every party listens on 127.0.0.1; the browser is kept from reaching
 * anything else.
 */
const [SARAH, DAVID] = WORLD_DEFAULTS.org1Users;
const SCREENSHOT = path.join(os.tmpdir(), 'fedsim-e2e-journey.png');
const REFUSAL_SCREENSHOT = path.join(os.tmpdir(), 'fedsim-e2e-inbound-refusal.png');

let world: World;
let browser: Browser;
/** Set when chromium is not installed: every test then fails with it (a missing browser is never a skip). */
let browserMissing: Error | undefined;

/** A fresh browser profile for one test, with every request and main-frame navigation recorded. */
interface Session {
  context: BrowserContext;
  page: Page;
  requests: string[];
  navigations: string[];
}

const sessions: Session[] = [];

async function openSession(): Promise<Session> {
  if (browserMissing) throw browserMissing;
  const context = await loopbackContext(browser, { width: 1000, height: 640 }, 5_000);
  const page = await context.newPage();
  const session: Session = { context, page, requests: [], navigations: [] };
  page.on('request', (r) => session.requests.push(r.url()));
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) session.navigations.push(f.url());
  });
  sessions.push(session);
  return session;
}

async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto(`${world.org1.url}/app/UserHome`);
  await page.waitForURL(`${world.org1.url}/login?fromURI=/app/UserHome`);
  expect(await page.title()).toBe('org1 - Sign In');
  expect(await page.locator('h1').textContent()).toBe('Sign In');
  await page.locator('#username').fill(login);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Sign In' }).click();
  await page.waitForURL(`${world.org1.url}/app/UserHome`);
  expect(await page.title()).toBe('org1 - My Apps');
  expect(await page.locator('p.user').textContent()).toBe(`Signed in as ${login}`);
}

function expectLoopbackOnly(requests: string[]): void {
  expect(requests.length).toBeGreaterThan(0);
  const outside = requests.filter((u) => new URL(u).hostname !== LOOPBACK);
  expect(outside, 'requests that left loopback').toEqual([]);
}

beforeAll(async () => {
  world = await createWorld({}, { clock: new SystemClock() });
  await world.org1.assign(SARAH.login);
  await world.org2.assignDropbox(SARAH.login);
  await world.settle();
  try {
    browser = await sharedChromium();
  } catch (err) {
    browserMissing = err as Error;
  }
});

afterEach(async () => {
  for (const s of sessions.splice(0)) await s.context.close();
});

afterAll(async () => {
  await world?.close();
});

describe('in a real browser (chromium)', () => {
  it('Sarah signs in at org1 and clicks through Org2Org and org2 to Dropbox', async () => {
    rmSync(SCREENSHOT, { force: true });
    const sarahInOrg2 = world.org2.directory.get(SARAH.login);
    expect(world.org2.links.get(sarahInOrg2.id)).toBeUndefined();
    expect(world.dropbox.team.findByUserName(SARAH.login)?.state).toBe('invited');

    const { page, requests, navigations } = await openSession();
    await signIn(page, SARAH.login, SARAH.password);
    const org2orgSso = `${world.org1.url}/app/okta_org2org/${world.org1.app.key}/sso/saml`;
    expect(await page.getByRole('link', { name: 'Org2Org' }).getAttribute('href')).toBe(
      `/app/okta_org2org/${world.org1.app.key}/sso/saml`,
    );

    // org1 answers with the auto-post form; the browser's own onload submit carries it to org2's ACS.
    await page.getByRole('link', { name: 'Org2Org' }).click();
    await page.waitForURL(world.org2.acsUrl);
    expect(navigations).toContain(org2orgSso);
    expect(await page.title()).toBe('org2 - Set up security methods');
    expect(await page.locator('h1').textContent()).toBe('Set up security methods');
    expect(await page.locator('main').textContent()).toContain(`Welcome, ${SARAH.login}.`);

    await page.getByRole('button', { name: 'Set up' }).click();
    await page.waitForURL(`${world.org2.url}/app/UserHome`);
    expect(await page.title()).toBe('org2 - My Apps');
    expect(await page.locator('p.user').textContent()).toBe(`Signed in as ${SARAH.login}`);

    await page.getByRole('link', { name: 'Dropbox Business' }).click();
    await page.waitForURL(world.dropbox.acsUrl);
    expect(navigations.some((u) => u.startsWith(`${world.org2.url}/app/dropbox_for_business/`))).toBe(true);
    expect(await page.title()).toBe('Dropbox - Join Acme Team');
    expect(await page.locator('h1').textContent()).toBe('Join Acme Team');

    await page.getByRole('button', { name: 'Join team' }).click();
    await page.waitForURL(`${world.dropbox.url}/home`);
    expect(page.url()).toBe(`${world.dropbox.url}/home`);
    expect(await page.title()).toBe('Dropbox - Home');
    expect(await page.locator('h1').textContent()).toBe('Home');
    expect(await page.locator('p.user').textContent()).toContain(`Signed in as ${SARAH.login}`);

    // The journey changed the world: org2 linked her to "Org1 IDP", Dropbox activated her.
    expect(world.org2.links.get(sarahInOrg2.id)).toBeDefined();
    expect(world.org2.enrolled.has(sarahInOrg2.id)).toBe(true);
    expect(world.dropbox.team.findByUserName(SARAH.login)?.state).toBe('active');
    expect(world.org2.signIns.filter((s) => s.ok && s.login === SARAH.login)).toHaveLength(1);

    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(5_000);

    // Each party's session cookie has its own name, so signing in at org2 kept her org1 session.
    await page.goto(`${world.org1.url}/app/UserHome`);
    expect(await page.title()).toBe('org1 - My Apps');
    await page.goto(`${world.org2.url}/app/UserHome`);
    expect(await page.title()).toBe('org2 - My Apps');

    // Both auto-post pages were rendered and submitted by the browser, not followed by the harness.
    expect(requests).toEqual(expect.arrayContaining([org2orgSso, world.org2.acsUrl, world.dropbox.acsUrl]));
    expectLoopbackOnly(requests);
  });

  it('David, not assigned, sees no tiles and is refused at the Org2Org SSO URL', async () => {
    const { page, requests } = await openSession();
    await signIn(page, DAVID.login, DAVID.password);
    expect(await page.locator('ul.tiles').textContent()).toContain('No apps are assigned');
    expect(await page.locator('a.tile').count()).toBe(0);

    const response = await page.goto(`${world.org1.url}/app/okta_org2org/${world.org1.app.key}/sso/saml`);
    expect(response?.status()).toBe(403);
    expect(await page.locator('meta[name=fedsim-error-code]').getAttribute('content')).toBe(
      'APP_NOT_ASSIGNED',
    );
    expect(await page.locator('h1').textContent()).toBe('Sign-in failed');
    expect(await page.title()).toBe('org1: APP_NOT_ASSIGNED');
    expect(world.org2.signIns.some((s) => s.login === DAVID.login)).toBe(false);
    expectLoopbackOnly(requests);
  });

  it("a refused inbound sign-in shows Okta's generic page; fedsim's code stays in its meta tags", async () => {
    const { page, requests } = await openSession();
    // A response org2 cannot parse, posted by the browser as an IdP's auto-post form would.
    await page.goto(`${world.org2.url}/login`);
    await page.setContent(
      `<form id="f" method="POST" action="${world.org2.acsUrl}"><input name="SAMLResponse" value="PHg+"></form>`,
    );
    const [response] = await Promise.all([
      page.waitForNavigation(),
      page.locator('#f').evaluate((f) => (f as HTMLFormElement).submit()),
    ]);
    expect(response?.status()).toBe(400);
    expect(await page.locator('h1').textContent()).toBe('400 Bad Request');
    expect(await page.locator('main').textContent()).toContain('GENERAL_NONSUCCESS');
    expect(await page.locator('meta[name=fedsim-error-code]').getAttribute('content')).toMatch(/^SAML_/);
    await page.screenshot({ path: REFUSAL_SCREENSHOT });
    expect(statSync(REFUSAL_SCREENSHOT).size).toBeGreaterThan(3_000);
    expectLoopbackOnly(requests);
  });
});
