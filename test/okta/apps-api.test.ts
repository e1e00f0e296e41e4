import { beforeEach, describe, expect, it } from 'vitest';
import { FedsimError } from '../../harness/core/errors.js';
import {
  BASE,
  call,
  DROPBOX,
  expectOktaError,
  profile,
  READ_ONLY,
  T0,
  type TestOrg,
  testOrg,
} from './api-helpers.js';

let org: TestOrg;
let sarah: string;
const appUsersPath = `/api/v1/apps/${DROPBOX.id}/users`;

beforeEach(() => {
  org = testOrg();
  sarah = org.directory.create(profile('sarah')).id;
});

describe('GET /api/v1/apps', () => {
  it('lists the org’s app instances with links to their users', async () => {
    const res = await call(org.app, 'get', '/api/v1/apps');
    expect(res.status).toBe(200);
    expect(res.body.map((a: { name: string }) => a.name)).toEqual(['dropbox_for_business', 'okta_org2org']);
    expect(res.body[0]).toEqual({
      ...DROPBOX,
      _links: {
        users: { href: `${BASE}${appUsersPath}` },
        groups: { href: `${BASE}/api/v1/apps/${DROPBOX.id}/groups` },
      },
    });
  });

  it('matches q against the start of the name or label, and finds one app by id', async () => {
    const byName = await call(org.app, 'get', '/api/v1/apps?q=okta_');
    expect(byName.body.map((a: { label: string }) => a.label)).toEqual(['Org2']);
    const byLabel = await call(org.app, 'get', '/api/v1/apps?q=dropbox%20b');
    expect(byLabel.body).toHaveLength(1);
    expect((await call(org.app, 'get', `/api/v1/apps/${DROPBOX.id}`)).body.id).toBe(DROPBOX.id);
  });
});

describe('assignments', () => {
  it('assigns a user: the org hears of it and the answer is an app user named after the login', async () => {
    const res = await call(org.app, 'post', appUsersPath, { body: { id: sarah, scope: 'USER' } });
    expect(res.status).toBe(200);
    expect(org.calls).toEqual([`assign ${DROPBOX.id} ${sarah}`]);
    expect(res.body).toEqual({
      id: sarah,
      externalId: null,
      created: T0,
      lastUpdated: T0,
      scope: 'USER',
      status: 'ACTIVE',
      statusChanged: T0,
      passwordChanged: null,
      syncState: 'DISABLED',
      credentials: { userName: 'sarah@org2.example' },
      profile: {},
      _links: {
        app: { href: `${BASE}/api/v1/apps/${DROPBOX.id}` },
        user: { href: `${BASE}/api/v1/users/${sarah}` },
      },
    });
  });

  it('lists app users, finds one, and re-assigns with a new username (the org is told again)', async () => {
    const paul = org.directory.create(profile('paul')).id;
    await call(org.app, 'post', appUsersPath, { body: { id: sarah } });
    await call(org.app, 'post', appUsersPath, { body: { id: paul, credentials: { userName: 'pj' } } });
    org.clock.advance(1000);
    await call(org.app, 'post', appUsersPath, { body: { id: sarah, credentials: { userName: 'sk' } } });
    const list = await call(org.app, 'get', appUsersPath);
    expect(list.body.map((u: { credentials: { userName: string } }) => u.credentials.userName)).toEqual([
      'sk',
      'pj',
    ]);
    const one = await call(org.app, 'get', `${appUsersPath}/${sarah}`);
    expect(one.body).toMatchObject({ id: sarah, created: T0, lastUpdated: '2026-01-15T09:00:01.000Z' });
    expect(org.calls.filter((c) => c.startsWith('assign'))).toHaveLength(3);
  });

  it('unassigns with 204, tells the org, and answers 404 (AppUser) the second time', async () => {
    await call(org.app, 'post', appUsersPath, { body: { id: sarah } });
    const res = await call(org.app, 'delete', `${appUsersPath}/${sarah}`);
    expect(res.status).toBe(204);
    expect(org.calls).toEqual([`assign ${DROPBOX.id} ${sarah}`, `unassign ${DROPBOX.id} ${sarah}`]);
    expect((await call(org.app, 'get', appUsersPath)).body).toEqual([]);
    const again = await call(org.app, 'delete', `${appUsersPath}/${sarah}`);
    expectOktaError(again, 404, 'E0000007', `Not found: Resource not found: ${sarah} (AppUser)`);
    expectOktaError(
      await call(org.app, 'get', `${appUsersPath}/${sarah}`),
      404,
      'E0000007',
      `Not found: Resource not found: ${sarah} (AppUser)`,
    );
  });

  it('answers 404 (AppInstance) for an unknown app on every route, without calling the org', async () => {
    const summary = 'Not found: Resource not found: 0oaNOPE (AppInstance)';
    expectOktaError(await call(org.app, 'get', '/api/v1/apps/0oaNOPE'), 404, 'E0000007', summary);
    expectOktaError(await call(org.app, 'get', '/api/v1/apps/0oaNOPE/users'), 404, 'E0000007', summary);
    const post = await call(org.app, 'post', '/api/v1/apps/0oaNOPE/users', { body: { id: sarah } });
    expectOktaError(post, 404, 'E0000007', summary);
    const del = await call(org.app, 'delete', `/api/v1/apps/0oaNOPE/users/${sarah}`);
    expectOktaError(del, 404, 'E0000007', summary);
    expect(org.calls).toEqual([]);
  });

  it('refuses an unknown user (404), a body without id (400) and a bad scope (400)', async () => {
    const unknown = await call(org.app, 'post', appUsersPath, { body: { id: '00uNOPE' } });
    expectOktaError(unknown, 404, 'E0000007', 'Not found: Resource not found: 00uNOPE (User)');
    const noId = await call(org.app, 'post', appUsersPath, { body: { scope: 'USER' } });
    expect(noId.status).toBe(400);
    expect(noId.body).toMatchObject({ errorCode: 'E0000001', errorSummary: 'Api validation failed: id' });
    const scope = await call(org.app, 'post', appUsersPath, { body: { id: sarah, scope: 'GROUP' } });
    expect(scope.body).toMatchObject({ errorCode: 'E0000001', errorSummary: 'Api validation failed: scope' });
    expectOktaError(
      await call(org.app, 'post', appUsersPath, { raw: '{"id":' }),
      400,
      'E0000003',
      'The request body was not well-formed.',
    );
    expect(org.calls).toEqual([]);
  });

  it('lets a read-only admin list but not assign (E0000006)', async () => {
    expect((await call(org.app, 'get', appUsersPath, { token: READ_ONLY })).status).toBe(200);
    const denied = await call(org.app, 'post', appUsersPath, { token: READ_ONLY, body: { id: sarah } });
    expectOktaError(denied, 403, 'E0000006', 'You do not have permission to perform the requested action');
    expect(org.calls).toEqual([]);
  });

  it('passes on the org’s own Okta error and records no assignment', async () => {
    org.failAssign = new FedsimError(
      'OKTA_E0000038',
      "This operation is not allowed in the user's current status.",
    );
    const res = await call(org.app, 'post', appUsersPath, { body: { id: sarah } });
    expectOktaError(res, 403, 'E0000038', "This operation is not allowed in the user's current status.");
    expect(org.appUsers.list(DROPBOX.id)).toEqual([]);
  });
});
