import request from 'supertest';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { WORLD_DEFAULTS } from '../../harness/world/defaults.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { cookieFrom, errorCodeOf } from '../routes-helpers.js';

/**
 * org1's password policy lockout: Okta's default `lockout.maxAttempts` is 10 (management API spec,
 * PasswordPolicyPasswordSettingsLockout); unlock is `POST /api/v1/users/{id}/lifecycle/unlock`.
 */
const [SARAH] = WORLD_DEFAULTS.org1Users;
let world: World;

beforeEach(async () => {
  await world?.close();
  world = await createWorld();
});
afterAll(() => world?.close());

const signIn = (password: string) =>
  request(world.org1.url).post('/login').type('form').send({ username: SARAH.login, password });
const wrong = async (times: number) => {
  for (let i = 0; i < times; i++) expect((await signIn(`wrong-${i}`)).status).toBe(401);
};
const status = () => world.org1.directory.get(SARAH.login).status;
const api = () => ({ authorization: `SSWS ${world.tokens.superAdmin}` });

describe('org1 password lockout', () => {
  it('nine wrong passwords leave her ACTIVE; the tenth locks her out and logs user.account.lock', async () => {
    await wrong(9);
    expect(status()).toBe('ACTIVE');
    await wrong(1);
    expect(status()).toBe('LOCKED_OUT');
    const locks = world.org1.log.events.filter((e) => e.eventType === 'user.account.lock');
    expect(locks.map((e) => [e.displayMessage, e.outcome.reason, e.target[0]?.alternateId])).toEqual([
      ['Max sign in attempts exceeded', 'LOCKED_OUT', SARAH.login],
    ]);
  });

  it('a locked-out user is refused with the right password: 401, AUTH_USER_LOCKED_OUT, no session', async () => {
    await wrong(10);
    const res = await signIn(SARAH.password);
    expect([res.status, errorCodeOf(res)]).toEqual([401, 'AUTH_USER_LOCKED_OUT']);
    expect(res.text).toContain('Unable to sign in');
    expect(cookieFrom(res, world.org1.sessions.cookieName)).toBeUndefined();
  });

  it('a successful sign-in starts the count over', async () => {
    await wrong(9);
    expect((await signIn(SARAH.password)).status).toBe(303);
    await wrong(9);
    expect(status()).toBe('ACTIVE');
  });

  it('an admin unlocks her through the Users API; she signs in and has ten attempts again', async () => {
    await wrong(10);
    const id = world.org1.directory.get(SARAH.login).id;
    const none = await request(world.org1.url).post(`/api/v1/users/${id}/lifecycle/unlock`);
    expect([none.status, none.body.errorCode]).toEqual([403, 'E0000005']);
    const res = await request(world.org1.url).post(`/api/v1/users/${id}/lifecycle/unlock`).set(api());
    expect([res.status, status()]).toEqual([200, 'ACTIVE']);
    expect(world.org1.log.events.map((e) => e.eventType)).toContain('user.account.unlock_by_admin');
    await wrong(9);
    expect(status()).toBe('ACTIVE');
    expect((await signIn(SARAH.password)).status).toBe(303);
  });

  it('unlocking a user who is not locked out is refused as a wrong status (E0000038)', async () => {
    const id = world.org1.directory.get(SARAH.login).id;
    const res = await request(world.org1.url).post(`/api/v1/users/${id}/lifecycle/unlock`).set(api());
    expect([res.status, res.body.errorCode]).toEqual([403, 'E0000038']);
  });
});
