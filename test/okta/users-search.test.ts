import { beforeEach, describe, expect, it } from 'vitest';
import { call, expectOktaError, type TestOrg, testOrg } from './api-helpers.js';

// Okta's listUsers `search` and `filter` parameters (management OpenAPI spec,
// okta/okta-management-openapi-spec, dist/current/management-oneOfInheritance.yaml, GET /api/v1/users).

let org: TestOrg;
const logins = (body: { profile: { login: string } }[]) => body.map((u) => u.profile.login);
const list = async (param: 'search' | 'filter', expr: string, extra = '') =>
  call(org.app, 'get', `/api/v1/users?${param}=${encodeURIComponent(expr)}${extra}`);
const search = async (expr: string, extra = '') => logins((await list('search', expr, extra)).body);

async function create(first: string, last: string, extra: Record<string, unknown> = {}, query = '') {
  const login = `${first.toLowerCase()}@org2.example`;
  const profile = { login, email: login, firstName: first, lastName: last, ...extra };
  const res = await call(org.app, 'post', `/api/v1/users${query}`, { body: { profile } });
  expect(res.status).toBe(200);
  return res.body.id as string;
}

beforeEach(async () => {
  org = testOrg();
  await create('Isaac', 'Brock', { city: 'Issaquah', tags: ['band', 'indie'] });
  org.clock.advance(60_000);
  await create('Ann', 'Zed', { mobilePhone: '+1 555 0100' }, '?activate=false');
  org.clock.advance(60_000);
  await create('Bob', 'Brockman');
});

describe('search operators', () => {
  it('co matches inside firstName, lastName, email and login, ignoring case', async () => {
    expect(await search('profile.lastName co "ROCK"')).toEqual(['isaac@org2.example', 'bob@org2.example']);
    expect(await search('profile.login co "nn@"')).toEqual(['ann@org2.example']);
  });

  it('co is refused on other attributes (E0000031)', async () => {
    expectOktaError(
      await list('search', 'profile.city co "qua"'),
      400,
      'E0000031',
      'Invalid search criteria.',
      ["search: operator 'co' is not supported for 'profile.city'"],
    );
  });

  it('sw and eq compare any profile attribute case-insensitively, diacritics significant', async () => {
    expect(await search('profile.city sw "iss"')).toEqual(['isaac@org2.example']);
    expect(await search('profile.firstName eq "isaac"')).toEqual(['isaac@org2.example']);
    expect(await search('profile.firstName eq "isáàc"')).toEqual([]);
  });

  it('eq on an array attribute matches when one element does', async () => {
    expect(await search('profile.tags eq "indie"')).toEqual(['isaac@org2.example']);
  });

  it('pr finds users that have the attribute', async () => {
    expect(await search('profile.mobilePhone pr')).toEqual(['ann@org2.example']);
    expect(await search('activated pr')).toEqual(['isaac@org2.example', 'bob@org2.example']);
  });

  it('status lt/gt "STAGED" is every status but STAGED (Okta’s own example)', async () => {
    expect(await search('(status lt "STAGED" or status gt "STAGED")')).toEqual([
      'isaac@org2.example',
      'bob@org2.example',
    ]);
    expect(await search('status eq "staged"')).toEqual(['ann@org2.example']);
  });

  it('gt/ge/lt/le compare created dates', async () => {
    expect(await search('created gt "2026-01-15T09:00:00.000Z"')).toEqual([
      'ann@org2.example',
      'bob@org2.example',
    ]);
    expect(await search('created le "2026-01-15T09:01:00.000Z"')).toEqual([
      'isaac@org2.example',
      'ann@org2.example',
    ]);
  });

  it('type.id matches the org’s user type', async () => {
    const typeId = (await call(org.app, 'get', '/api/v1/users/isaac@org2.example')).body.type.id;
    expect(await search(`type.id eq "${typeId}"`)).toHaveLength(3);
    expect(await search('type.id eq "otyOTHER"')).toEqual([]);
  });

  it('property names are case-sensitive (E0000031)', async () => {
    expect((await list('search', 'profile.firstName EQ "Ann"')).body).toHaveLength(1);
    expect((await list('search', 'Status eq "ACTIVE"')).body.errorCode).toBe('E0000031');
  });
});

describe('sortBy and sortOrder (search only)', () => {
  it('sorts by a profile attribute, ascending by default, and descending on request', async () => {
    expect(await search('status pr', '&sortBy=profile.lastName')).toEqual([
      'isaac@org2.example',
      'bob@org2.example',
      'ann@org2.example',
    ]);
    expect(await search('status pr', '&sortBy=profile.lastName&sortOrder=desc')).toEqual([
      'ann@org2.example',
      'bob@org2.example',
      'isaac@org2.example',
    ]);
  });

  it('keeps the sort in the next link and pages through it', async () => {
    const first = await list('search', 'status pr', '&sortBy=profile.firstName&limit=2');
    expect(logins(first.body)).toEqual(['ann@org2.example', 'bob@org2.example']);
    const next = /<([^>]+)>; rel="next"/.exec(String(first.headers.link))?.[1] ?? '';
    expect(next).toContain('sortBy=profile.firstName');
    const second = await call(org.app, 'get', next.replace('http://127.0.0.1:4567', ''));
    expect(logins(second.body)).toEqual(['isaac@org2.example']);
  });

  it('refuses a sortOrder other than asc or desc', async () => {
    expect((await list('search', 'status pr', '&sortBy=id&sortOrder=up')).body.errorCode).toBe('E0000001');
  });
});

describe('filter compares values case-sensitively', () => {
  it('finds profile.login only with its exact case', async () => {
    expect(logins((await list('filter', 'profile.login eq "bob@org2.example"')).body)).toEqual([
      'bob@org2.example',
    ]);
    expect((await list('filter', 'profile.login eq "BOB@org2.example"')).body).toEqual([]);
    expect((await list('filter', 'profile.firstName eq "bob"')).body).toEqual([]);
  });

  it('refuses search-only operators and attributes', async () => {
    for (const expr of [
      'profile.firstName co "o"',
      'profile.mobilePhone pr',
      'created gt "2026-01-15T09:00:00Z"',
    ]) {
      expect((await list('filter', expr)).body.errorCode).toBe('E0000031');
    }
  });
});
