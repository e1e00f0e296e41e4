import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { send } from '../serve/serve-process.js';
import { consolePage, oktaSignIn, servedChromium } from './console-pages.js';
import { keepScreenshot } from './screens.js';

/**
 * What an admin trips on in the consoles, in a real browser from a fresh `fedsim serve`: a refused
 * form shown again with the error at its field; an API token created (shown once), used and
 * revoked; "Reset password" and "Expire password" and the user's way back through org1's pages;
 * Dropbox groups and the SSO certificate upload after org2 rolled its signing certificate over.
 * `npm run screenshots` keeps each changed page in tmp/screens/console-gaps/.
 */
const OUT = path.resolve('tmp/screens/console-gaps');
const SARAH = 'sarah@org1.example';
const DAVID = 'david@org1.example';
const NEW_PASSWORD = 'Fresh-Start-42';

const env = servedChromium();
const facts = () => env.served().facts;
const newPage = () => consolePage(env.browser());

const shot = (page: Page, name: string) =>
  keepScreenshot(page, path.join(OUT, `${name}.png`), { fullPage: true });

const adminOf = (org: 'org1' | 'org2' | 'dropbox') => {
  const admin = facts().admins.find((a) => a.org === org);
  if (!admin) throw new Error(`serve printed no ${org} admin`);
  return admin;
};

it('org1: a refused form, an API token, a password reset and an expired password', async () => {
  const org1 = facts().org1.url;
  const admin = adminOf('org1');
  const page = await newPage();
  await page.goto(`${org1}/admin/people/new`);
  await oktaSignIn(page, admin.login, admin.password);
  await page.waitForURL(`${org1}/admin/people/new`);

  // A taken login: the form again, values kept, the error at the Username field.
  await page.getByLabel('First name').fill('Sara');
  await page.getByLabel('Last name').fill('Twin');
  await page.getByLabel('Username (an email address)').fill(SARAH);
  await page.getByLabel('Primary email').fill('twin@org1.example');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForSelector('#f-login-error');
  expect(await page.getByLabel('First name').inputValue()).toBe('Sara');
  expect(await page.locator('#f-login-error').textContent()).toContain('OKTA_E0000001');
  await shot(page, 'person-add-refused');

  // An API token: its value once, then it works on the API until revoked.
  await page.goto(`${org1}/admin/api-tokens`);
  await page.getByLabel('What do you want your token to be named?').fill('CI pipeline');
  await page.getByRole('button', { name: 'Create token' }).click();
  const value = await page.locator('#token-value').inputValue();
  await shot(page, 'api-token-created');
  const users = () =>
    send('GET', `${org1}/api/v1/users?limit=1`, { headers: { authorization: `SSWS ${value}` } });
  expect((await users()).status).toBe(200);
  await page.getByRole('link', { name: 'OK, I have copied it' }).click();
  expect(await page.locator('tbody tr', { hasText: 'CI pipeline' }).textContent()).toContain(value.slice(-4));
  await shot(page, 'api-tokens');
  await page.getByRole('button', { name: 'Revoke CI pipeline' }).click();
  await page.waitForURL(/done=revoke/);
  const revoked = await users();
  expect([revoked.status, JSON.parse(revoked.text).errorCode]).toEqual([401, 'E0000011']);

  // Reset password: Sarah gets a one-time link; her old password no longer signs her in.
  await page.goto(`${org1}/admin/people?q=sarah`);
  await page.getByRole('link', { name: 'Sarah' }).first().click();
  await page.getByRole('button', { name: 'Reset password' }).click();
  const link = await page.locator('#reset-link').inputValue();
  await shot(page, 'person-reset-password');
  const sarah = await newPage();
  const oldPassword = facts().users.find((u) => u.login === SARAH)?.password ?? '';
  await sarah.goto(`${org1}/login`);
  await oktaSignIn(sarah, SARAH, oldPassword);
  expect(await sarah.locator('[data-error-code]').getAttribute('data-error-code')).toBe('AUTH_USER_INACTIVE');
  await sarah.goto(link);
  await sarah.getByLabel('New password').fill('short');
  await sarah.getByLabel('Repeat password').fill('short');
  await sarah.getByRole('button', { name: 'Reset Password' }).click();
  expect(await sarah.getByRole('alert').textContent()).toContain('AUTH_PASSWORD_POLICY');
  await shot(sarah, 'reset-password-refused');
  await sarah.getByLabel('New password').fill(NEW_PASSWORD);
  await sarah.getByLabel('Repeat password').fill(NEW_PASSWORD);
  await sarah.getByRole('button', { name: 'Reset Password' }).click();
  await sarah.waitForURL(`${org1}/app/UserHome`);
  expect(await sarah.locator('p.user').textContent()).toContain(SARAH);

  // Expire password: David's next sign-in asks for a new one, then lets him in.
  await page.goto(`${org1}/admin/people?q=david`);
  await page.getByRole('link', { name: 'David' }).first().click();
  await page.getByRole('button', { name: 'Expire password' }).click();
  await page.waitForURL(/done=expire_password/);
  const david = await newPage();
  const davidPassword = facts().users.find((u) => u.login === DAVID)?.password ?? '';
  await david.goto(`${org1}/app/UserHome`);
  await oktaSignIn(david, DAVID, davidPassword);
  await david.getByRole('heading', { name: 'Your password has expired' }).waitFor();
  await shot(david, 'password-expired');
  await david.getByLabel('Old password').fill(davidPassword);
  await david.getByLabel('New password').fill(NEW_PASSWORD);
  await david.getByLabel('Repeat password').fill(NEW_PASSWORD);
  await david.getByRole('button', { name: 'Change Password' }).click();
  await david.waitForURL(`${org1}/app/UserHome`);
}, 120_000);

it('Dropbox: a group with a member; the new certificate uploaded after org2 rolled it over', async () => {
  const org2 = facts().org2.url;
  const dropbox = facts().dropbox.url;
  const page = await newPage();
  const signOn = `${org2}/admin/apps/${facts().org2.dropboxAppId}/signon`;
  await page.goto(signOn);
  await oktaSignIn(page, adminOf('org2').login, adminOf('org2').password);
  await page.waitForURL(signOn);
  await page.getByRole('button', { name: 'Generate new certificate' }).click();
  await page.getByRole('button', { name: 'Activate' }).click();
  await page.waitForURL(/signon/);
  const pem = (await page.request.get(`${signOn}/cert.pem`)).text();

  const dbx = adminOf('dropbox');
  await page.goto(`${dropbox}/admin`);
  await page.getByLabel('Email').fill(dbx.login);
  await page.getByLabel('Password').fill(dbx.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${dropbox}/admin/members`);

  await page.goto(`${dropbox}/admin/groups`);
  await page.getByLabel('Group name').fill('Design');
  await page.getByRole('button', { name: 'Create group' }).click();
  await page.waitForURL(/done=create/);
  await page.getByRole('button', { name: 'Add to group' }).click();
  await page.waitForURL(/done=add/);
  expect(await page.locator('tbody tr').count()).toBe(1);
  await shot(page, 'dropbox-group');
  await page.goto(`${dropbox}/admin/groups`);
  await page.getByLabel('Group name').fill('design');
  await page.getByRole('button', { name: 'Create group' }).click();
  expect(await page.locator('#group-name-error').textContent()).toContain('DROPBOX_GROUP_INVALID');
  await shot(page, 'dropbox-groups-refused');

  await page.goto(`${dropbox}/admin/sso`);
  await page.getByLabel('Upload a new certificate (X.509, PEM)').fill(await pem);
  await page.getByRole('button', { name: 'Upload certificate' }).click();
  await page.waitForURL(/done=certificate/);
  expect(await page.getByRole('status').textContent()).toContain('uploaded');
  await shot(page, 'dropbox-sso-uploaded');
}, 120_000);
