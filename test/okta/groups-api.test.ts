import { beforeEach, describe, expect, it } from 'vitest';
import { BASE, call, expectOktaError, profile, READ_ONLY, T0, type TestOrg, testOrg } from './api-helpers.js';

let org: TestOrg;

beforeEach(() => {
  org = testOrg();
});

async function createGroup(name: string, description?: string): Promise<string> {
  const res = await call(org.app, 'post', '/api/v1/groups', { body: { profile: { name, description } } });
  expect(res.status).toBe(200);
  return res.body.id as string;
}

const names = (body: { profile: { name: string } }[]) => body.map((g) => g.profile.name);

describe('POST /api/v1/groups', () => {
  it('creates an OKTA_GROUP in Okta’s shape', async () => {
    const res = await call(org.app, 'post', '/api/v1/groups', {
      body: { profile: { name: 'Dropbox Users', description: 'Pushed to Dropbox' } },
    });
    const id = res.body.id as string;
    expect(id).toMatch(/^00g[0-9A-Za-z]{17}$/);
    expect(res.body).toEqual({
      id,
      created: T0,
      lastUpdated: T0,
      lastMembershipUpdated: T0,
      objectClass: ['okta:user_group'],
      type: 'OKTA_GROUP',
      profile: { name: 'Dropbox Users', description: 'Pushed to Dropbox' },
      _links: {
        users: { href: `${BASE}/api/v1/groups/${id}/users` },
        apps: { href: `${BASE}/api/v1/groups/${id}/apps` },
      },
    });
  });

  it('refuses a duplicate name (any case), a blank name and a body without a profile', async () => {
    await createGroup('Engineering');
    const dup = await call(org.app, 'post', '/api/v1/groups', { body: { profile: { name: 'engineering' } } });
    expectOktaError(dup, 400, 'E0000001', 'Api validation failed: name', [
      'name: An object with this field already exists in the current organization',
    ]);
    const blank = await call(org.app, 'post', '/api/v1/groups', { body: { profile: { name: ' ' } } });
    expectOktaError(blank, 400, 'E0000001', 'Api validation failed: name', [
      'name: The field cannot be left blank',
    ]);
    const none = await call(org.app, 'post', '/api/v1/groups', { body: {} });
    expect(none.body).toMatchObject({
      errorCode: 'E0000001',
      errorSummary: 'Api validation failed: profile',
    });
  });
});

describe('GET /api/v1/groups', () => {
  it('lists groups in creation order, filters by q and pages with limit/after', async () => {
    const ids = [await createGroup('Eng'), await createGroup('Engineering'), await createGroup('Sales')];
    expect(names((await call(org.app, 'get', '/api/v1/groups')).body)).toEqual([
      'Eng',
      'Engineering',
      'Sales',
    ]);
    expect(names((await call(org.app, 'get', '/api/v1/groups?q=eng')).body)).toEqual(['Eng', 'Engineering']);
    const first = await call(org.app, 'get', '/api/v1/groups?limit=2');
    expect(names(first.body)).toEqual(['Eng', 'Engineering']);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.link as string)?.[1];
    expect(next).toBe(`${BASE}/api/v1/groups?after=${ids[1]}&limit=2`);
    const second = await call(org.app, 'get', (next as string).slice(BASE.length));
    expect(names(second.body)).toEqual(['Sales']);
    expect(second.headers.link).not.toContain('rel="next"');
  });

  it('gets one group by id and answers 404 (UserGroup) for an unknown one', async () => {
    const id = await createGroup('Eng');
    expect((await call(org.app, 'get', `/api/v1/groups/${id}`)).body.profile.name).toBe('Eng');
    expectOktaError(
      await call(org.app, 'get', '/api/v1/groups/00gNOPE'),
      404,
      'E0000007',
      'Not found: Resource not found: 00gNOPE (UserGroup)',
    );
  });
});

describe('membership', () => {
  it('adds members with 204 (twice is harmless), lists them as users, and removes them', async () => {
    const id = await createGroup('Eng');
    const sarah = org.directory.create(profile('sarah')).id;
    const paul = org.directory.create(profile('paul')).id;
    org.clock.advance(1000);
    for (const user of [sarah, paul, sarah]) {
      expect((await call(org.app, 'put', `/api/v1/groups/${id}/users/${user}`)).status).toBe(204);
    }
    const members = await call(org.app, 'get', `/api/v1/groups/${id}/users`);
    expect(members.body.map((u: { id: string }) => u.id)).toEqual([sarah, paul]);
    expect(members.body[0]).toMatchObject({ status: 'PROVISIONED', profile: profile('sarah') });
    const group = await call(org.app, 'get', `/api/v1/groups/${id}`);
    expect(group.body.lastMembershipUpdated).toBe('2026-01-15T09:00:01.000Z');
    expect((await call(org.app, 'delete', `/api/v1/groups/${id}/users/${sarah}`)).status).toBe(204);
    expect(org.groups.groupsOf(sarah)).toEqual([]);
    expect(org.groups.groupsOf(paul).map((g) => g.id)).toEqual([id]);
  });

  it('answers 404 for an unknown user or group, and 403 to a read-only admin', async () => {
    const id = await createGroup('Eng');
    const sarah = org.directory.create(profile('sarah')).id;
    expectOktaError(
      await call(org.app, 'put', `/api/v1/groups/${id}/users/00uNOPE`),
      404,
      'E0000007',
      'Not found: Resource not found: 00uNOPE (User)',
    );
    expectOktaError(
      await call(org.app, 'put', `/api/v1/groups/00gNOPE/users/${sarah}`),
      404,
      'E0000007',
      'Not found: Resource not found: 00gNOPE (UserGroup)',
    );
    const denied = await call(org.app, 'put', `/api/v1/groups/${id}/users/${sarah}`, { token: READ_ONLY });
    expectOktaError(denied, 403, 'E0000006', 'You do not have permission to perform the requested action');
    expect((await call(org.app, 'get', `/api/v1/groups/${id}/users`, { token: READ_ONLY })).body).toEqual([]);
  });

  it('no longer lists a member deleted from the directory; the store can forget a user', async () => {
    const id = await createGroup('Eng');
    const sarah = org.directory.create(profile('sarah')).id;
    org.groups.addMember(id, sarah);
    org.directory.deactivate(sarah);
    org.directory.delete(sarah);
    expect((await call(org.app, 'get', `/api/v1/groups/${id}/users`)).body).toEqual([]);
    org.groups.forgetUser(sarah);
    expect(org.groups.get(id).members.size).toBe(0);
  });
});

// Management OpenAPI spec: replaceGroup (PUT /api/v1/groups/{groupId}, 200 Group, 400, 404) and
// deleteGroup (DELETE, 204, 404): what Org2Org's group push calls to rename and unlink.
describe('PUT and DELETE /api/v1/groups/{groupId}', () => {
  it('renames a group (keeping its id and members); another group’s name is E0000001', async () => {
    const id = await createGroup('Engineering', 'Pushed');
    await createGroup('Sales');
    org.clock.advance(1000);
    const res = await call(org.app, 'put', `/api/v1/groups/${id}`, { body: { profile: { name: 'R&D' } } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, profile: { name: 'R&D', description: '' }, created: T0 });
    expect(res.body.lastUpdated).not.toBe(T0);
    const same = await call(org.app, 'put', `/api/v1/groups/${id}`, { body: { profile: { name: 'r&d' } } });
    expect(same.status).toBe(200);
    const taken = await call(org.app, 'put', `/api/v1/groups/${id}`, {
      body: { profile: { name: 'sales' } },
    });
    expectOktaError(taken, 400, 'E0000001', 'Api validation failed: name', [
      'name: An object with this field already exists in the current organization',
    ]);
  });

  it('deletes a group (204), then answers 404 E0000007 for it', async () => {
    const id = await createGroup('Engineering');
    expect((await call(org.app, 'delete', `/api/v1/groups/${id}`)).status).toBe(204);
    const gone = await call(org.app, 'get', `/api/v1/groups/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.errorCode).toBe('E0000007');
    const again = await call(org.app, 'delete', `/api/v1/groups/${id}`);
    expect(again.body.errorCode).toBe('E0000007');
    const rename = await call(org.app, 'put', `/api/v1/groups/${id}`, { body: { profile: { name: 'X' } } });
    expect(rename.status).toBe(404);
  });
});
