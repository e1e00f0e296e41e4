import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SystemClock } from '../../harness/core/clock.js';
import { randomSecrets } from '../../harness/core/secrets.js';
import { loadScenarioFile, scenarioSeed } from '../../harness/scenario/load.js';
import { runServeSteps } from '../../harness/scenario/serve-steps.js';
import { addConsoleAdmins, type ConsoleAdmin } from '../../harness/world/console-admins.js';
import { WORLD_DEFAULTS } from '../../harness/world/defaults.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { closeContexts, sharedChromium } from './chromium.js';
import { consolePage, oktaSignIn } from './console-pages.js';
import { keepScreenshot } from './screens.js';

/**
 * Issue #14, browser test: the world `fedsim serve` makes of a scenario (in process, as serve builds
 * it: real time, live trace, its setup steps, console admins) where Sarah is assigned to Org2Org with
 * org1's provisioning off (so she has no org2 account). org2's admin turns JIT off on the Org1
 * IDP page; Sarah's sign-in then fails (User Not Found) and org2's System Log shows the failed
 * event with its check table. Every org2 console page and Dropbox admin page is kept as a
 * screenshot in tmp/screens/console-org2/ and tmp/screens/dropbox-admin/ (`npm run screenshots`).
 */
const SCREENS = path.resolve('tmp/screens');
const SARAH = 'sarah@org1.example';

let world: World;
let admins: ConsoleAdmin[];
let browser: Browser;
beforeAll(async () => {
  const scenario = loadScenarioFile('scenarios/jit-creates-unprovisioned-user.yaml');
  const build = async () => {
    const w = await createWorld(
      { ...scenario.world, seed: scenarioSeed(scenario) },
      { clock: new SystemClock(), liveTrace: true, baseDir: 'scenarios' },
    );
    await runServeSteps(scenario, w, 'setup');
    return w;
  };
  [world, browser] = await Promise.all([build(), sharedChromium()]);
  admins = addConsoleAdmins(world, randomSecrets);
});
afterAll(async () => {
  await closeContexts(browser);
  await world?.close();
});

const newPage = () => consolePage(browser);

const shot = (page: Page, dir: string, name: string) =>
  keepScreenshot(page, path.join(SCREENS, dir, `${name}.png`), { fullPage: true });

it('org2 admin turns JIT off; an unprovisioned user is refused; the System Log shows why', async () => {
  const org2 = world.org2.url;
  const admin = admins.find((a) => a.org === 'org2');
  if (!admin) throw new Error('serve printed no org2 admin');
  const page = await newPage();
  const idpPage = `${org2}/admin/idps/${world.org2.idp.id}`;
  await page.goto(idpPage);
  await oktaSignIn(page, admin.login, admin.password);
  await page.waitForURL(idpPage);
  await page.getByLabel('If no match is found').selectOption('DISABLED');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/notice=/);
  expect(await page.getByRole('status').textContent()).toContain('Org1 IDP was saved.');
  await shot(page, 'console-org2', 'idp');

  const sarah = await newPage();
  const password = WORLD_DEFAULTS.org1Users.find((u) => u.login === SARAH)?.password ?? '';
  await sarah.goto(`${world.org1.url}/app/UserHome`);
  await oktaSignIn(sarah, SARAH, password);
  await sarah.getByRole('link', { name: 'Org2Org' }).click();
  await sarah.waitForURL(`${org2}/login`);
  await shot(sarah, 'console-org2', 'refused-sign-in');

  await page.goto(`${org2}/admin/reports/syslog?result=FAILURE`);
  const failed = page.locator('tr', { hasText: 'user.authentication.auth_via_IDP' }).first();
  expect(await failed.textContent()).toContain('FAILURE');
  await page.getByText('Why it failed').first().click();
  expect(await page.locator('.why').first().textContent()).toContain('IDP_USER_NOT_FOUND');
  await shot(page, 'console-org2', 'system-log-failure');

  // Dropbox Business through the console's Assignments tab: the SCIM push makes a member.
  const app = `${org2}/admin/apps/${world.org2.options.dropbox.id}`;
  await page.goto(`${app}/assignments`);
  await page.getByLabel('Person (username or id)').fill(admin.login);
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await page.waitForURL(/saved=1/);
  expect(
    await page.locator('tbody tr', { hasText: admin.login }).locator('.status').first().textContent(),
  ).toBe('PROVISIONED');
  const pages: [string, string][] = [
    ['dashboard', '/admin/dashboard'],
    ['people', '/admin/people'],
    ['groups', '/admin/groups'],
    ['apps', '/admin/apps'],
    ['app-general', `/admin/apps/${world.org2.options.dropbox.id}/general`],
    ['app-sign-on', `/admin/apps/${world.org2.options.dropbox.id}/signon`],
    ['app-provisioning', `/admin/apps/${world.org2.options.dropbox.id}/provisioning`],
    ['app-assignments', `/admin/apps/${world.org2.options.dropbox.id}/assignments`],
    ['idps', '/admin/idps'],
    ['api-tokens', '/admin/api-tokens'],
    ['system-log', '/admin/reports/syslog'],
    ['tasks', '/admin/tasks'],
  ];
  for (const [name, where] of pages) {
    const answer = await page.goto(`${org2}${where}`);
    expect(answer?.status(), where).toBe(200);
    await shot(page, 'console-org2', name);
  }

  const dbx = admins.find((a) => a.org === 'dropbox');
  if (!dbx) throw new Error('serve printed no Dropbox admin');
  await page.goto(`${world.dropbox.url}/admin`);
  await shot(page, 'dropbox-admin', 'sign-in');
  await page.getByLabel('Email').fill(dbx.login);
  await page.getByLabel('Password').fill(dbx.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${world.dropbox.url}/admin/members`);
  expect(await page.locator('tbody').textContent()).toContain(admin.login);
  await shot(page, 'dropbox-admin', 'members');
  for (const name of ['sso', 'provisioning']) {
    await page.goto(`${world.dropbox.url}/admin/${name}`);
    await shot(page, 'dropbox-admin', name);
  }
}, 120_000);
