import { beforeEach, describe, expect, it } from 'vitest';
import { call, expectOktaError, profile, type TestOrg, testOrg } from './api-helpers.js';

// After a JIT sign-in through an IdP with profileMaster, the IdP owns the user's profile.
const MASTERED = 'Operation failed because user profile is mastered under another system';

let org: TestOrg;
let sarah: string;

beforeEach(() => {
  org = testOrg();
  const user = org.directory.create(profile('sarah'), { provider: 'FEDERATION' });
  user.profileMasteredBy = '0oaORG1IDP0000000001';
  sarah = user.id;
});

describe('a profile mastered by an IdP', () => {
  it('refuses a partial update (POST) with 403 E0000023 and leaves the profile alone', async () => {
    const res = await call(org.app, 'post', `/api/v1/users/${sarah}`, {
      body: { profile: { lastName: 'New' } },
    });
    expectOktaError(res, 403, 'E0000023', MASTERED);
    expect(org.directory.get(sarah).profile.lastName).toBe('Tester');
  });

  it('refuses a full replace (PUT) too, also when the user is named by login', async () => {
    const body = { profile: { ...profile('sarah'), lastName: 'New' } };
    expectOktaError(
      await call(org.app, 'put', `/api/v1/users/${sarah}`, { body }),
      403,
      'E0000023',
      MASTERED,
    );
    const byLogin = await call(org.app, 'post', '/api/v1/users/sarah@org2.example', { body });
    expectOktaError(byLogin, 403, 'E0000023', MASTERED);
  });

  it('still lets the API read the user and change its status', async () => {
    expect((await call(org.app, 'get', `/api/v1/users/${sarah}`)).status).toBe(200);
    expect((await call(org.app, 'post', `/api/v1/users/${sarah}/lifecycle/deactivate`)).status).toBe(200);
    expect(org.directory.get(sarah).status).toBe('DEPROVISIONED');
  });

  it('is updatable again once the master lets go', async () => {
    org.directory.get(sarah).profileMasteredBy = undefined;
    const res = await call(org.app, 'post', `/api/v1/users/${sarah}`, {
      body: { profile: { lastName: 'New' } },
    });
    expect(res.status).toBe(200);
    expect(res.body.profile.lastName).toBe('New');
  });
});
