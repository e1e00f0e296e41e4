import { beforeEach, describe, expect, it } from 'vitest';
import { call, profile, type TestOrg, testOrg } from './api-helpers.js';

// Okta's listUsers (management OpenAPI spec, GET /api/v1/users): the plain list and `q` omit
// DEPROVISIONED users; `filter` and `search` return them.

let org: TestOrg;
const logins = (body: { profile: { login: string } }[]) => body.map((u) => u.profile.login);
const list = async (query: string) => logins((await call(org.app, 'get', `/api/v1/users${query}`)).body);

beforeEach(async () => {
  org = testOrg();
  for (const name of ['ann', 'dan']) {
    await call(org.app, 'post', '/api/v1/users', { body: { profile: profile(name) } });
  }
  org.directory.deactivate('dan@org2.example');
});

describe('DEPROVISIONED users in GET /api/v1/users', () => {
  it('are left out of the plain list and of q', async () => {
    expect(await list('')).toEqual(['ann@org2.example']);
    expect(await list('?q=Dan')).toEqual([]);
  });

  it('are returned by a filter that does not name the status', async () => {
    const expr = encodeURIComponent('profile.lastName eq "Tester"');
    expect(await list(`?filter=${expr}`)).toEqual(['ann@org2.example', 'dan@org2.example']);
  });

  it('are returned by a search that does not name the status', async () => {
    const expr = encodeURIComponent('profile.firstName sw "D"');
    expect(await list(`?search=${expr}`)).toEqual(['dan@org2.example']);
  });
});
