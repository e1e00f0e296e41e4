import { parse } from 'node-html-parser';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixedClock } from '../../../harness/core/clock.js';
import { RECOVERY_TOKEN_LIFETIME_MS } from '../../../harness/okta/password-recovery.js';
import { WORLD_DEFAULTS } from '../../../harness/world/defaults.js';
import { cookieFrom, errorCodeOf } from '../../routes-helpers.js';
import { api, type ConsoleWorld, comparable, consoleWorld, lastEvent, post } from './console-helpers.js';

/**
 * An admin's "Reset password" and "Expire password" (Okta's User Credentials API: reset_password
 * puts the user in RECOVERY with a one-time link, expire_password in PASSWORD_EXPIRED; see
 * developer.okta.com/docs/api/openapi/okta-management/management/tag/UserCred), and the user's
 * way back: the reset link's form, or the expired-password form at sign-in. Either ends ACTIVE
 * and signed in; the default password policy's complexity applies.
 */
const [SARAH, DAVID] = WORLD_DEFAULTS.org1Users;
const NEW_PASSWORD = 'Brand-new-Pass9';
let cw: ConsoleWorld;
beforeAll(async () => {
  cw = await consoleWorld();
});
afterAll(() => cw?.world.close());

const org1 = () => request(cw.world.org1.url);
const form = (path: string, fields: Record<string, string>) =>
  org1().post(path).set('origin', cw.world.org1.url).type('form').send(fields);
const signIn = (username: string, password: string) => form('/login', { username, password });
const status = (login: string) => cw.world.org1.directory.get(login).status;

describe('reset password', () => {
  it('through the API: RECOVERY, the old password refused, the link sets a new one once', async () => {
    const id = cw.world.org1.directory.get(SARAH.login).id;
    const reset = await api(cw, 'org1', 'post', `/users/${id}/lifecycle/reset_password?sendEmail=false`);
    expect(reset.status).toBe(200);
    const link = new URL(reset.body.resetPasswordUrl);
    expect(link.pathname).toMatch(/^\/reset_password\/[\w-]{20}$/);
    expect(status(SARAH.login)).toBe('RECOVERY');
    expect(lastEvent(cw, 'org1')?.eventType).toBe('user.account.reset_password');

    const refused = await signIn(SARAH.login, SARAH.password);
    expect([refused.status, errorCodeOf(refused)]).toEqual([403, 'AUTH_USER_INACTIVE']);

    const shown = await org1().get(link.pathname);
    expect(parse(shown.text).querySelector('h1')?.text).toBe('Reset your password');
    const weak = await form(link.pathname, { newPassword: 'sarah123', confirmPassword: 'sarah123' });
    expect([weak.status, errorCodeOf(weak)]).toEqual([400, 'AUTH_PASSWORD_POLICY']);
    expect(parse(weak.text).querySelector('[role=alert]')?.text).toContain('no uppercase letter');
    expect(weak.text).toContain('part of the username');

    const done = await form(link.pathname, { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect([done.status, done.headers.location]).toEqual([303, '/app/UserHome']);
    const session = cookieFrom(done, cw.world.org1.sessions.cookieName) as string;
    expect((await org1().get('/app/UserHome').set('cookie', session)).text).toContain(SARAH.login);
    expect(status(SARAH.login)).toBe('ACTIVE');
    expect(lastEvent(cw, 'org1')?.eventType).toBe('user.account.update_password');

    const again = await org1().get(link.pathname);
    expect([again.status, errorCodeOf(again)]).toEqual([401, 'AUTH_RECOVERY_TOKEN_INVALID']);
    expect((await signIn(SARAH.login, NEW_PASSWORD)).status).toBe(303);
  });

  it('in the console: the link is shown once, the same event as the API; a newer reset voids the older link', async () => {
    const id = cw.world.org1.directory.get(DAVID.login).id;
    const first = await post(cw, 'org1', `/admin/people/${id}/reset-password`);
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    const firstLink = parse(first.text).querySelector('#reset-link')?.getAttribute('value') ?? '';
    expect(firstLink).toContain(`${cw.world.org1.url}/reset_password/`);
    const fromConsole = comparable(lastEvent(cw, 'org1'));
    const second = await post(cw, 'org1', `/admin/people/${id}/reset-password`);
    const secondLink = parse(second.text).querySelector('#reset-link')?.getAttribute('value') ?? '';
    expect(comparable(lastEvent(cw, 'org1'))).toEqual(fromConsole);
    expect((await org1().get(new URL(firstLink).pathname)).status).toBe(401);
    expect((await org1().get(new URL(secondLink).pathname)).status).toBe(200);
  });

  it('a link stops working after an hour, and when the user is deactivated', async () => {
    const { org1: org } = cw.world;
    const user = org.directory.get(DAVID.login);
    const { token } = await org.users.resetPassword(user.id);
    (cw.world.clock as FixedClock).advance(RECOVERY_TOKEN_LIFETIME_MS);
    const late = await org1().get(`/reset_password/${token}`);
    expect([late.status, errorCodeOf(late)]).toEqual([401, 'AUTH_RECOVERY_TOKEN_INVALID']);
    const { token: fresh } = await org.users.resetPassword(user.id);
    await org.users.lifecycle('deactivate', user.id);
    expect(errorCodeOf(await org1().get(`/reset_password/${fresh}`))).toBe('AUTH_RECOVERY_TOKEN_INVALID');
  });
});

describe('expire password', () => {
  it('the right password leads to "Your password has expired"; the change signs the user in', async () => {
    const { org1: org } = cw.world;
    const user = org.users.directory.create(
      { login: 'eve@org1.example', email: 'eve@org1.example', firstName: 'Eve', lastName: 'Adams' },
      { password: 'Eve-Passw0rd!' },
    );
    expect((await post(cw, 'org1', `/admin/people/${user.id}/lifecycle/expire_password`)).status).toBe(303);
    const first = await signIn('eve@org1.example', 'Eve-Passw0rd!');
    expect(first.status).toBe(200);
    expect(parse(first.text).querySelector('h1')?.text).toBe('Your password has expired');
    const change = { username: 'eve@org1.example', fromURI: '/app/UserHome' };
    const wrongOld = await form('/login/password-expired', {
      ...change,
      oldPassword: 'nope',
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect([wrongOld.status, errorCodeOf(wrongOld)]).toEqual([401, 'AUTH_INVALID_CREDENTIALS']);
    const mismatch = await form('/login/password-expired', {
      ...change,
      oldPassword: 'Eve-Passw0rd!',
      newPassword: NEW_PASSWORD,
      confirmPassword: 'Other-Pass9x',
    });
    expect([mismatch.status, errorCodeOf(mismatch)]).toEqual([400, 'AUTH_PASSWORD_POLICY']);
    const done = await form('/login/password-expired', {
      ...change,
      oldPassword: 'Eve-Passw0rd!',
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect([done.status, done.headers.location]).toEqual([303, '/app/UserHome']);
    expect(status('eve@org1.example')).toBe('ACTIVE');
    // Only the expired user's own form: an ACTIVE user cannot be "changed" through it.
    const replay = await form('/login/password-expired', {
      ...change,
      oldPassword: NEW_PASSWORD,
      newPassword: 'Third-Passw0rd',
      confirmPassword: 'Third-Passw0rd',
    });
    expect(replay.status).toBe(401);
  });
});
