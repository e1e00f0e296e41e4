import { beforeEach, describe, expect, it } from 'vitest';
import { call, type TestOrg, testOrg } from './api-helpers.js';

// Okta's listUsers `q` (management OpenAPI spec, GET /api/v1/users): "matched against firstName,
// lastName, or email", a startsWith match; `limit` "Defaults to 10 if q is provided"; q "doesn't
// support pagination, but you can use limit".

let org: TestOrg;
const logins = (body: { profile: { login: string } }[]) => body.map((u) => u.profile.login);

async function create(login: string, email: string, firstName: string, lastName = 'Tester') {
  const res = await call(org.app, 'post', '/api/v1/users', {
    body: { profile: { login, email, firstName, lastName } },
  });
  expect(res.status).toBe(200);
}

beforeEach(() => {
  org = testOrg();
});

describe('GET /api/v1/users?q=', () => {
  it('matches the start of firstName, lastName or email, whatever the case', async () => {
    await create('ann@org2.example', 'ann@org2.example', 'Ann', 'Zed');
    await create('bob@org2.example', 'robert@mail.example', 'Robert');
    expect(logins((await call(org.app, 'get', '/api/v1/users?q=ann')).body)).toEqual(['ann@org2.example']);
    expect(logins((await call(org.app, 'get', '/api/v1/users?q=rob')).body)).toEqual(['bob@org2.example']);
    expect(logins((await call(org.app, 'get', '/api/v1/users?q=zE')).body)).toEqual(['ann@org2.example']);
  });

  it('does not match the login', async () => {
    await create('bob@org2.example', 'robert@mail.example', 'Robert');
    expect((await call(org.app, 'get', '/api/v1/users?q=bob')).body).toEqual([]);
  });

  it('returns 10 users when no limit is given, without a next link', async () => {
    for (let i = 0; i < 12; i += 1) await create(`u${i}@org2.example`, `u${i}@org2.example`, `Sam${i}`);
    const res = await call(org.app, 'get', '/api/v1/users?q=sam');
    expect(res.body).toHaveLength(10);
    expect(res.headers.link).toBe('<http://127.0.0.1:4567/api/v1/users?q=sam>; rel="self"');
    const all = await call(org.app, 'get', '/api/v1/users?q=sam&limit=12');
    expect(all.body).toHaveLength(12);
  });

  it('leaves the default limit of the plain list at 200', async () => {
    for (let i = 0; i < 12; i += 1) await create(`u${i}@org2.example`, `u${i}@org2.example`, `Sam${i}`);
    expect((await call(org.app, 'get', '/api/v1/users')).body).toHaveLength(12);
  });
});
