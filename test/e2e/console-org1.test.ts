import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { send } from '../serve/serve-process.js';
import { consolePage, oktaSignIn, servedChromium } from './console-pages.js';
import { keepScreenshot } from './screens.js';

/**
 * Issue #14, browser test: from a fresh `fedsim serve`, org1's admin signs in to org1's Admin
 * Console and assigns David (the unassigned demo user) to Org2Org on the Assignments tab; org2's
 * admin assigns him to Dropbox Business with the printed org2 token (org2's Apps API); David then
 * signs in at org1 and reaches Dropbox. Every console page of org1 is kept as a screenshot in
 * tmp/screens/console-org1/ for people to look at (`npm run screenshots`).
 */
const OUT = path.resolve('tmp/screens/console-org1');
const DAVID = 'david@org1.example';

const env = servedChromium();
const facts = () => env.served().facts;
const newPage = () => consolePage(env.browser());

async function signIn(page: Page, url: string, login: string, password: string) {
  await oktaSignIn(page, login, password);
  await page.waitForURL(url);
}

const shot = (page: Page, name: string) =>
  keepScreenshot(page, path.join(OUT, `${name}.png`), { fullPage: true });

it('the org1 admin assigns David in the console; David signs in through org2 to Dropbox', async () => {
  const org1 = facts().org1.url;
  const admin = facts().admins.find((a) => a.org === 'org1');
  if (!admin) throw new Error('serve printed no org1 admin');
  const page = await newPage();
  await page.goto(`${org1}/admin/apps/org2org/assignments`);
  await signIn(page, `${org1}/admin/apps/org2org/assignments`, admin.login, admin.password);
  expect(await page.title()).toBe('Org2Org · org1 Admin Console');

  await page.getByLabel('Person').selectOption(DAVID);
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await page.waitForURL(`${org1}/admin/apps/org2org/assignments?done=assign`);
  expect(await page.getByRole('status').textContent()).toContain('pushed to org2');
  const row = page.locator('tbody tr', { hasText: DAVID });
  expect(await row.locator('.status').textContent()).toBe('PROVISIONED');
  await shot(page, 'app-assignments');

  // Every page of org1's console, as a person sees it.
  const pages: [string, string][] = [
    ['dashboard', '/admin/dashboard'],
    ['people', '/admin/people'],
    ['people-search', '/admin/people?q=david'],
    ['person-add', '/admin/people/new'],
    ['groups', '/admin/groups'],
    ['app-general', '/admin/apps/org2org/general'],
    ['app-sign-on', '/admin/apps/org2org/sign-on'],
    ['app-provisioning', '/admin/apps/org2org/provisioning'],
    ['api-tokens', '/admin/api-tokens'],
    ['system-log', '/admin/reports/syslog'],
    ['tasks', '/admin/tasks'],
  ];
  for (const [name, where] of pages) {
    const answer = await page.goto(`${org1}${where}`);
    expect(answer?.status(), where).toBe(200);
    await shot(page, name);
  }
  await page.goto(`${org1}/admin/people?q=david`);
  await page.getByRole('link', { name: 'David' }).first().click();
  expect(await page.locator('main').textContent()).toContain('Org2Org');
  await shot(page, 'person');
  await page.goto(`${org1}/admin/groups`);
  await page.getByLabel('Name').fill('Console Crew');
  await page.getByRole('button', { name: 'Add group' }).click();
  await page.getByLabel('Username of the person to add').fill(DAVID);
  await page.getByRole('button', { name: 'Add member' }).click();
  expect(await page.locator('tbody').textContent()).toContain(DAVID);
  await shot(page, 'group');
  await page.goto(`${org1}/admin/apps/org2org/assignments`);
  await page.getByLabel('Group').selectOption({ label: 'Console Crew (1)' });
  await page.getByRole('button', { name: 'Assign members' }).click();
  await page.waitForURL(`${org1}/admin/apps/org2org/assignments?done=group`);
  expect(await page.getByRole('button', { name: 'Unassign group Console Crew' }).count()).toBe(1);
  await shot(page, 'app-assignments-groups');

  // org2's admin gives David Dropbox Business through org2's Apps API with the printed token.
  const org2Api = (method: string, p: string, json?: unknown) =>
    send(method, `${facts().org2.url}/api/v1${p}`, {
      headers: { authorization: `SSWS ${facts().org2.apiToken}` },
      json,
    });
  const inOrg2 = JSON.parse((await org2Api('GET', `/users/${DAVID}`)).text);
  expect((await org2Api('POST', `/apps/${facts().org2.dropboxAppId}/users`, { id: inOrg2.id })).status).toBe(
    200,
  );

  const david = await newPage();
  const password = facts().users.find((u) => u.login === DAVID)?.password ?? '';
  await david.goto(`${org1}/app/UserHome`);
  await signIn(david, `${org1}/app/UserHome`, DAVID, password);
  await david.getByRole('link', { name: 'Org2Org' }).click();
  await david.getByRole('button', { name: 'Set up' }).click();
  await david.waitForURL(`${facts().org2.url}/app/UserHome`);
  await david.getByRole('link', { name: 'Dropbox Business' }).click();
  await david.getByRole('button', { name: 'Join team' }).click();
  await david.waitForURL(`${facts().dropbox.url}/home`);
  expect(await david.locator('p.user').textContent()).toContain(`Signed in as ${DAVID}`);

  // The live trace shows David's journey: his SAML responses to org2's ACS and to Dropbox's.
  await david.goto(`${org1}/_fedsim/trace`);
  const hops = david.locator('details.hop', { hasText: 'SAML Response' }).filter({ hasText: DAVID });
  const paths = await hops.locator('summary').allTextContents();
  expect(paths.some((p) => p.includes('/saml_login'))).toBe(true);
  expect(paths.some((p) => p.includes('/sso/saml2/'))).toBe(true);
  await shot(david, 'live-trace-david');
}, 120_000);
