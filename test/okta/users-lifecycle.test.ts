import { beforeEach, describe, expect, it } from 'vitest';
import { BASE, call, expectOktaError, profile, type TestOrg, testOrg } from './api-helpers.js';

// Lifecycle rules of Okta's Users API, each from the management OpenAPI spec
// (okta/okta-management-openapi-spec, dist/current/management-oneOfInheritance.yaml) unless noted.

let org: TestOrg;
const withPassword = { password: { value: 'Corr3ct-Horse' } };

async function create(name: string, query = '', credentials?: unknown): Promise<string> {
  const res = await call(org.app, 'post', `/api/v1/users${query}`, {
    body: { profile: profile(name), credentials },
  });
  expect(res.status).toBe(200);
  return res.body.id as string;
}

beforeEach(() => {
  org = testOrg();
});

describe('suspend (spec: "only on users with an ACTIVE status"; error-code reference: E0000001)', () => {
  it.each([
    ['PROVISIONED', ''],
    ['STAGED', '?activate=false'],
  ])('refuses to suspend a %s user with 400 E0000001', async (status, query) => {
    const id = await create('sam', query);
    expect(org.directory.get(id).status).toBe(status);
    const res = await call(org.app, 'post', `/api/v1/users/${id}/lifecycle/suspend`);
    expectOktaError(res, 400, 'E0000001', 'Api validation failed: suspend', [
      'Cannot suspend a user that is not active',
    ]);
    expect(org.directory.get(id).status).toBe(status);
  });
});

describe('profile updates of a DEPROVISIONED user (updateUser notes; support.okta.com E0000038)', () => {
  const update = (id: string, method: 'post' | 'put') =>
    call(org.app, method, `/api/v1/users/${id}`, {
      body: { profile: { ...profile('dan'), lastName: 'New' } },
    });

  it('refuses POST and PUT with 403 E0000038 by default', async () => {
    const id = await create('dan', '', withPassword);
    org.directory.deactivate(id);
    for (const method of ['post', 'put'] as const) {
      expectOktaError(
        await update(id, method),
        403,
        'E0000038',
        "This operation is not allowed in the user's current status",
      );
    }
    expect(org.directory.get(id).profile.lastName).toBe('Tester');
  });

  it('accepts them when the org allows Edit Deactivated User Profile Updates', async () => {
    const id = await create('dan', '', withPassword);
    org.directory.deactivate(id);
    org.directory.editDeprovisionedProfiles = true;
    expect((await update(id, 'post')).body.profile.lastName).toBe('New');
  });
});

describe('nextLogin=changePassword on create', () => {
  it('creates an activated user with a password as PASSWORD_EXPIRED', async () => {
    const id = await create('pat', '?activate=true&nextLogin=changePassword', withPassword);
    expect(org.directory.get(id).status).toBe('PASSWORD_EXPIRED');
  });

  it('refuses it without a password (E0000124) or with activate=false (E0000125)', async () => {
    const post = (query: string, credentials?: unknown) =>
      call(org.app, 'post', `/api/v1/users${query}`, { body: { profile: profile('pat'), credentials } });
    const noPassword = await post('?nextLogin=changePassword');
    expect([noPassword.status, noPassword.body.errorCode]).toEqual([400, 'E0000124']);
    const staged = await post('?activate=false&nextLogin=changePassword', withPassword);
    expect([staged.status, staged.body.errorCode]).toEqual([400, 'E0000125']);
    expect(org.directory.all()).toEqual([]);
  });
});

describe('activate with sendEmail=false (spec: UserActivationToken)', () => {
  it('returns the activation link and token', async () => {
    const id = await create('sue', '?activate=false');
    const res = await call(org.app, 'post', `/api/v1/users/${id}/lifecycle/activate?sendEmail=false`);
    expect(res.status).toBe(200);
    const { activationToken, activationUrl } = res.body;
    expect(activationToken).toMatch(/^[0-9A-Za-z_-]{20}$/);
    expect(activationUrl).toBe(`${BASE}/tokens/${activationToken}/verify`);
    expect(org.directory.get(id).status).toBe('PROVISIONED');
  });

  it('returns an empty object when Okta sends the email (the default)', async () => {
    const id = await create('sue', '?activate=false');
    expect((await call(org.app, 'post', `/api/v1/users/${id}/lifecycle/activate`)).body).toEqual({});
  });
});
