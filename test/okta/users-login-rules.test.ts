import { beforeEach, describe, expect, it } from 'vitest';
import { call, expectOktaError, type TestOrg, testOrg } from './api-helpers.js';

// Okta management OpenAPI spec (okta/okta-management-openapi-spec,
// dist/current/management-oneOfInheritance.yaml): `UserProfile.login` ("By default, usernames must
// be formatted as email addresses"; "Logins are not considered unique if they differ only in case
// and/or diacritical marks") and the `pathId` parameter ("An ID, login, or login shortname (as
// long as the shortname is unambiguous)").

let org: TestOrg;
const TAKEN = 'login: An object with this field already exists in the current organization';

function post(login: string) {
  const profile = { login, email: 'isaac@example.com', firstName: 'Isaac', lastName: 'Brock' };
  return call(org.app, 'post', '/api/v1/users', { body: { profile } });
}

beforeEach(() => {
  org = testOrg();
});

describe('the default username policy', () => {
  it('refuses a login that is not an email address with E0000001', async () => {
    expectOktaError(await post('isaac.brock'), 400, 'E0000001', 'Api validation failed: login', [
      'login: Username must be in the form of an email address',
    ]);
    expectOktaError(await post(' isaac@example.com'), 400, 'E0000001', 'Api validation failed: login', [
      'login: Username must be in the form of an email address',
    ]);
  });

  it('accepts it once the org has removed the email-format restriction', async () => {
    org.directory.loginsAreEmails = false;
    expect((await post('isaac.brock')).status).toBe(200);
  });
});

describe('login uniqueness', () => {
  it.each(['isaac.brock@example.com', 'ISAAC.BROCK@EXAMPLE.COM', 'isáàc.bröck@example.com'])(
    'treats %s as a duplicate of Isaac.Brock@example.com (E0000001)',
    async (login) => {
      expect((await post('Isaac.Brock@example.com')).status).toBe(200);
      expectOktaError(await post(login), 400, 'E0000001', 'Api validation failed: login', [TAKEN]);
    },
  );

  it('refuses renaming a user to a login that differs from another only in diacritics', async () => {
    await post('Isaac.Brock@example.com');
    const other = await post('modest.mouse@example.com');
    const res = await call(org.app, 'post', `/api/v1/users/${other.body.id}`, {
      body: { profile: { login: 'isáàc.bröck@example.com' } },
    });
    expectOktaError(res, 400, 'E0000001', 'Api validation failed: login', [TAKEN]);
  });
});

describe('GET /api/v1/users/{shortName}', () => {
  it('finds the user whose login starts with the short name and an @', async () => {
    const id = (await post('isaac.brock@example.com')).body.id;
    const res = await call(org.app, 'get', '/api/v1/users/Isaac.Brock');
    expect([res.status, res.body.id]).toEqual([200, id]);
  });

  it('answers 404 E0000007 when two logins share the short name', async () => {
    await post('isaac.brock@example.com');
    await post('isaac.brock@other.example');
    const res = await call(org.app, 'get', '/api/v1/users/isaac.brock');
    expectOktaError(res, 404, 'E0000007', 'Not found: Resource not found: isaac.brock (User)');
  });

  it('resolves the short name again once the other user is deleted', async () => {
    const id = (await post('isaac.brock@example.com')).body.id;
    const other = (await post('isaac.brock@other.example')).body.id;
    org.directory.deactivate(other);
    org.directory.delete(other);
    expect((await call(org.app, 'get', '/api/v1/users/isaac.brock')).body.id).toBe(id);
  });
});
