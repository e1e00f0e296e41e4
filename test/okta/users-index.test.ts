import { beforeEach, describe, expect, it } from 'vitest';
import { SortedKeys } from '../../harness/core/sorted-keys.js';
import { UserIndex } from '../../harness/okta/user-index.js';
import { call, type TestOrg, testOrg } from './api-helpers.js';

// The Users API answers from the directory's indexes (issue 16); these check the answers stay
// Okta's: the same users, in creation order, with the same case rules as the scan they replace.

describe('SortedKeys', () => {
  it('finds keys by prefix and equality across merges, skipping entries whose key moved on', () => {
    const current = new Map<string, string>();
    const keys = new SortedKeys((id) => current.get(id));
    for (let n = 0; n < 3000; n++) {
      current.set(`id${n}`, `user${n}`);
      keys.add(`user${n}`, `id${n}`);
    }
    expect(keys.withPrefix('user299').sort()).toEqual([
      'id299',
      'id2990',
      'id2991',
      'id2992',
      'id2993',
      'id2994',
      'id2995',
      'id2996',
      'id2997',
      'id2998',
      'id2999',
    ]);
    expect(keys.countPrefix('user299')).toBe(11);
    expect(keys.countPrefix('nobody')).toBe(0);
    current.set('id5', 'renamed');
    keys.add('renamed', 'id5');
    // Counted without reading: the stale entry still counts, so the count bounds what is found.
    expect([keys.countPrefix('user5'), keys.withPrefix('user5').length]).toEqual([111, 110]);
    current.delete('id7');
    expect(keys.equal('user5')).toEqual([]);
    expect(keys.equal('renamed')).toEqual(['id5']);
    expect(keys.equal('user7')).toEqual([]);
    expect(keys.containing('er123').sort()).toEqual([
      'id123',
      'id1230',
      'id1231',
      'id1232',
      'id1233',
      'id1234',
      'id1235',
      'id1236',
      'id1237',
      'id1238',
      'id1239',
    ]);
  });
});

describe('UserIndex.pick', () => {
  const user = (n: number) => ({
    id: `u${n}`,
    status: n % 3 === 0 ? 'SUSPENDED' : 'ACTIVE',
    profile: {
      login: `user${n}@example.com`,
      email: `user${n}@example.com`,
      firstName: 'U',
      lastName: `${n}`,
    },
  });
  const index = new UserIndex<ReturnType<typeof user>>();
  for (let n = 1; n <= 10; n++) index.added(user(n));
  index.removed(user(5));
  const ids = (users: { id: string }[]) => users.map((u) => u.id);
  const active = (u: { status: string }) => u.status === 'ACTIVE';

  it('reads creation order past deleted users, from a cursor, skipping and stopping at the page', () => {
    expect(ids(index.pick(active, { wanted: 3 }))).toEqual(['u1', 'u2', 'u4']);
    expect(ids(index.pick(active, { wanted: 3, after: 'u4' }))).toEqual(['u7', 'u8', 'u10']);
    expect(ids(index.pick(active, { wanted: 2, skip: 3 }))).toEqual(['u7', 'u8']);
    expect(ids(index.pick(() => true, { wanted: 100, after: 'u8' }))).toEqual(['u9', 'u10']);
    expect(index.pick(active, { wanted: 0 })).toEqual([]);
  });

  it('reads newest first, from a cursor too', () => {
    expect(ids(index.pick(active, { wanted: 3, newestFirst: true }))).toEqual(['u10', 'u8', 'u7']);
    expect(ids(index.pick(() => true, { wanted: 3, newestFirst: true, after: 'u6' }))).toEqual([
      'u4',
      'u3',
      'u2',
    ]);
  });
});

describe('GET /api/v1/users by index', () => {
  let org: TestOrg;
  const logins = (res: { body: { profile: { login: string } }[] }) => res.body.map((u) => u.profile.login);
  const get = (query: string) => call(org.app, 'get', `/api/v1/users?${query}`);

  beforeEach(() => {
    org = testOrg();
    for (let n = 0; n < 1500; n++) {
      const login = `user${n}@org2.example`;
      org.directory.create({ login, email: login, firstName: `First${n}`, lastName: n % 2 ? 'Odd' : 'Even' });
    }
  });

  it('follows a renamed user to the new login and email, and not the old ones', async () => {
    org.directory.update('user42@org2.example', { login: 'ada@org2.example', email: 'ada@mail.example' });
    expect(logins(await get('search=profile.login eq "user42@org2.example"'))).toEqual([]);
    expect(logins(await get('search=profile.email eq "ADA@mail.example"'))).toEqual(['ada@org2.example']);
    expect(logins(await get('q=ada'))).toEqual(['ada@org2.example']);
  });

  it('keeps filter eq case-sensitive and search eq case-insensitive', async () => {
    expect(logins(await get('filter=profile.login eq "USER7@org2.example"'))).toEqual([]);
    expect(logins(await get('search=profile.login eq "USER7@org2.example"'))).toEqual(['user7@org2.example']);
  });

  it('lists indexed matches in creation order, page by page with the after cursor', async () => {
    const first = await get('search=profile.firstName sw "first14"&limit=5');
    expect(logins(first)).toEqual([
      'user14@org2.example',
      ...[140, 141, 142, 143].map((n) => `user${n}@org2.example`),
    ]);
    const next = /<[^>]*after=([^&>]+)[^>]*>; rel="next"/.exec(first.headers.link)?.[1];
    const second = await get(`search=profile.firstName sw "first14"&limit=5&after=${next}`);
    expect(logins(second)).toEqual([144, 145, 146, 147, 148].map((n) => `user${n}@org2.example`));
  });

  it('answers or, and and a status by index alike', async () => {
    org.directory.deactivate('user4@org2.example');
    const found = await get(
      'search=(profile.login eq "user4@org2.example" or profile.login eq "user3@org2.example") and profile.lastName eq "odd"',
    );
    expect(logins(found)).toEqual(['user3@org2.example']);
    expect(logins(await get('filter=status eq "DEPROVISIONED"'))).toEqual(['user4@org2.example']);
    expect(logins(await get('search=profile.login co "R4@"'))).toEqual(['user4@org2.example']);
  });

  it('answers a query most users match by reading the list in order, not by gathering them', async () => {
    const { index } = org.directory;
    expect(index.candidates('firstName', 'sw', 'First')).toBeUndefined();
    expect(index.statusCandidates('PROVISIONED')).toBeUndefined();
    expect(index.candidates('firstName', 'sw', 'First149')?.length).toBe(11);
    expect(logins(await get('q=first&limit=3'))).toEqual([0, 1, 2].map((n) => `user${n}@org2.example`));
    const odd = await get('search=profile.lastName eq "odd" and status eq "PROVISIONED"&limit=2');
    expect(logins(odd)).toEqual(['user1@org2.example', 'user3@org2.example']);
    const next = /<[^>]*after=([^&>]+)[^>]*>; rel="next"/.exec(odd.headers.link)?.[1];
    const more = await get(
      `search=profile.lastName eq "odd" and status eq "PROVISIONED"&limit=2&after=${next}`,
    );
    expect(logins(more)).toEqual(['user5@org2.example', 'user7@org2.example']);
  });

  it('pages the plain list from the cursor and refuses a cursor of a deleted user', async () => {
    const middle = org.directory.get('user700@org2.example');
    const page = await get(`limit=2&after=${middle.id}`);
    expect(logins(page)).toEqual(['user701@org2.example', 'user702@org2.example']);
    org.directory.deactivate(middle.id);
    org.directory.delete(middle.id);
    const refused = await get(`limit=2&after=${middle.id}`);
    expect(refused.status).toBe(400);
    expect(refused.body.errorCauses[0].errorSummary).toContain(`after: No user with id ${middle.id}`);
  });
});
