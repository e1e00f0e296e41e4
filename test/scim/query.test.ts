import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { LIST_SCHEMA, USER_SCHEMA } from '../../harness/scim/resource.js';
import { AUTH, BASE_URL, createUser, EMPTY_LIST, type ScimFixture, scimFixture } from './fixture.js';

let fx: ScimFixture;
const api = () => request(fx.app);

beforeEach(() => {
  fx = scimFixture();
});

describe('filters', () => {
  beforeEach(async () => {
    await createUser(fx.app, 'ada@example.com', 'Ada', 'Lovelace');
    await createUser(fx.app, 'grace@navy.mil', 'Grace', 'Hopper');
    fx.clock.advance(60_000);
    await createUser(fx.app, 'alan@example.com', 'Alan', 'Turing');
  });

  const userNames = async (filter: string): Promise<string[]> => {
    const res = await api().get('/scim/v2/Users').query({ filter }).set(AUTH);
    expect(res.status).toBe(200);
    return (res.body.Resources as { userName: string }[]).map((u) => u.userName);
  };

  it.each([
    ['userName eq "ADA@EXAMPLE.COM"', ['ada@example.com']],
    ['userName eq "nobody@example.com"', []],
    ['userName sw "a"', ['ada@example.com', 'alan@example.com']],
    ['name.familyName co "OP"', ['grace@navy.mil']],
    ['emails.value ew "@EXAMPLE.com"', ['ada@example.com', 'alan@example.com']],
    ['emails[type eq "work" and value ew ".mil"]', ['grace@navy.mil']],
    ['name.givenName eq "Ada" or name.givenName eq "Alan"', ['ada@example.com', 'alan@example.com']],
    ['not (userName sw "a") and active eq true', ['grace@navy.mil']],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName eq "alan@example.com"', ['alan@example.com']],
    ['meta.created gt "2026-01-15T09:00:30.000Z"', ['alan@example.com']],
    ['externalId eq "00U1A2B3C4D5E6F7G8H9"', []],
    ['externalId pr', ['ada@example.com', 'grace@navy.mil', 'alan@example.com']],
    // Each User is tested on the attributes the filter names only: names fold case, an
    // extension's attribute (none served) matches nobody, meta is built when named.
    ['USERNAME eq "alan@example.com" or Name.GivenName eq "Ada"', ['ada@example.com', 'alan@example.com']],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department pr', []],
    [
      'meta.resourceType eq "User" and displayName pr',
      ['ada@example.com', 'grace@navy.mil', 'alan@example.com'],
    ],
  ])('%s', async (filter, expected) => {
    expect(await userNames(filter)).toEqual(expected);
  });

  it('tests a string operator on a User without externalId as no match, not a 500', async () => {
    const res = await api()
      .post('/scim/v2/Users')
      .set(AUTH)
      .send({
        schemas: [USER_SCHEMA],
        userName: 'kay@example.com',
        name: { givenName: 'Kay', familyName: 'Nobody' },
      });
    expect(res.status).toBe(201);
    // The three Users above carry an externalId ("00u…"); Kay has none.
    expect(await userNames('externalId sw "00u"')).toHaveLength(3);
    expect(await userNames('externalId co "u" and userName sw "kay"')).toEqual([]);
    expect(await userNames('not (externalId ew "x")')).toContain('kay@example.com');
  });

  it('answers an unparsable filter with 400 invalidFilter', async () => {
    const res = await api().get('/scim/v2/Users').query({ filter: 'userName eq' }).set(AUTH);
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe('invalidFilter');
    expect(res.body.detail).toMatch(/^Invalid filter "userName eq": /);
  });
});

describe('paging', () => {
  beforeEach(async () => {
    for (const n of [1, 2, 3, 4, 5]) await createUser(fx.app, `user${n}@example.com`);
  });

  const page = (query: Record<string, string>) => api().get('/scim/v2/Users').query(query).set(AUTH);

  it('pages by 1-based startIndex and count', async () => {
    const res = await page({ startIndex: '2', count: '2' });
    expect(res.body.totalResults).toBe(5);
    expect(res.body.startIndex).toBe(2);
    expect(res.body.itemsPerPage).toBe(2);
    expect(res.body.Resources.map((u: { userName: string }) => u.userName)).toEqual([
      'user2@example.com',
      'user3@example.com',
    ]);
  });

  it('reads startIndex below 1 as 1 and a negative count as 0', async () => {
    const first = await page({ startIndex: '0', count: '1' });
    expect(first.body.startIndex).toBe(1);
    expect(first.body.Resources[0].userName).toBe('user1@example.com');
    const none = await page({ count: '-3' });
    expect(none.body).toMatchObject({ totalResults: 5, itemsPerPage: 0, Resources: [] });
  });

  it('returns an empty page past the end', async () => {
    const res = await page({ startIndex: '6', count: '100' });
    expect(res.body).toMatchObject({ totalResults: 5, startIndex: 6, itemsPerPage: 0, Resources: [] });
  });

  it('rejects a non-integer count with 400 invalidValue', async () => {
    const res = await page({ count: 'ten' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ scimType: 'invalidValue', detail: 'count must be an integer' });
  });
});

describe('Groups and discovery', () => {
  it('lists no groups', async () => {
    const res = await api().get('/scim/v2/Groups').query({ startIndex: '1', count: '100' }).set(AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(EMPTY_LIST);
  });

  it('states what the server supports in ServiceProviderConfig', async () => {
    const res = await api().get('/scim/v2/ServiceProviderConfig').set(AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 100 },
      sort: { supported: false },
      authenticationSchemes: [{ type: 'oauthbearertoken' }],
      meta: { location: `${BASE_URL}/ServiceProviderConfig` },
    });
  });

  it('lists the User resource type and its schema', async () => {
    const types = await api().get('/scim/v2/ResourceTypes').set(AUTH);
    expect(types.body).toMatchObject({ schemas: [LIST_SCHEMA], totalResults: 1 });
    expect(types.body.Resources[0]).toMatchObject({ id: 'User', endpoint: '/Users', schema: USER_SCHEMA });
    const schemas = await api().get('/scim/v2/Schemas').set(AUTH);
    const user = schemas.body.Resources[0];
    expect(user.id).toBe(USER_SCHEMA);
    expect(user.attributes.map((a: { name: string }) => a.name)).toEqual([
      'userName',
      'externalId',
      'name',
      'displayName',
      'emails',
      'active',
    ]);
    expect(user.attributes[0]).toMatchObject({ required: true, caseExact: false, uniqueness: 'server' });
  });
});

describe('lookups and pages by index', () => {
  const names = (res: request.Response) =>
    (res.body.Resources as { userName: string }[]).map((u) => u.userName);

  it('finds externalId case-exactly, in join order, and pages past removed members', async () => {
    for (const n of [1, 2, 3, 4])
      fx.team.create({
        userName: `u${n}@example.com`,
        externalId: n % 2 ? 'odd' : 'even',
        givenName: 'U',
        familyName: `${n}`,
        email: `u${n}@example.com`,
      });
    const odd = await api().get('/scim/v2/Users').query({ filter: 'externalId eq "odd"' }).set(AUTH);
    expect(names(odd)).toEqual(['u1@example.com', 'u3@example.com']);
    const oddCase = await api().get('/scim/v2/Users').query({ filter: 'externalId eq "ODD"' }).set(AUTH);
    expect(names(oddCase)).toEqual([]);
    fx.team.remove((fx.team.findByUserName('U2@example.com') as { id: string }).id);
    const page = await api().get('/scim/v2/Users').query({ startIndex: 2, count: 2 }).set(AUTH);
    expect(names(page)).toEqual(['u3@example.com', 'u4@example.com']);
    expect(page.body.totalResults).toBe(3);
  });
});
