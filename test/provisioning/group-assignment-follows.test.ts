import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { assignGroup } from '../../harness/okta/org1/group-assignment.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { contractorsConfig } from './contractors-world.js';

// Okta documents that a group assignment follows membership: "Assigning groups to an app adds the
// users in that group to the app" (help.okta.com, "App assignments and Group Push"); "When a user is
// removed from an Okta group assigned to an … application, the user is unassigned from the app …
// a deprovisioning action will be pushed to the application if Deactivate Users is enabled"
// (support.okta.com, "Deprovisioning behavior when an application is inactive"). The list and
// unassign shapes are the okta-management OpenAPI spec's ApplicationGroups
// (listApplicationGroupAssignments, unassignApplicationFromGroup: 204 No Content).

let world: World | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function contractorsWorld(deactivate = true): Promise<World> {
  world = await createWorld(contractorsConfig(deactivate));
  return world;
}

const idOf = (w: World, login: string) => w.org1.directory.get(login).id;
const appUserOf = (w: World, login: string) => w.org1.appUsers.find(w.org1.app.id, idOf(w, login));
const org2Status = (w: World, login: string) => w.org2.directory.find(login)?.status;
const api = (w: World, method: 'get' | 'put' | 'delete', path: string) =>
  request(w.org1.url)[method](path).set('Authorization', `SSWS ${w.tokens.superAdmin}`);

describe('an Org2Org group assignment follows membership', () => {
  it('a member added later gets the app (scope GROUP) and is pushed to org2', async () => {
    const w = await contractorsWorld();
    await assignGroup(w.org1, w.org1.group('Contractors').id).pushed;
    const emma = w.org1.directory.get('emma@org1.example');
    await w.org1.groupAdmin.addMember(w.org1.group('Contractors').id, emma);
    expect(appUserOf(w, 'emma@org1.example')).toMatchObject({ scope: 'GROUP', status: 'PROVISIONED' });
    expect(org2Status(w, 'emma@org1.example')).toBe('PROVISIONED');
    // A group not assigned gives nothing.
    await w.org1.groupAdmin.addMember(w.org1.group('Partners').id, emma);
    expect(w.org1.connector.log.counts().done).toBe(2);
  });

  it('a member removed loses a group-sourced assignment (deactivated in org2) unless individually assigned', async () => {
    const w = await contractorsWorld();
    const contractors = w.org1.group('Contractors').id;
    await assignGroup(w.org1, contractors).pushed;
    const emma = w.org1.directory.get('emma@org1.example');
    await w.org1.groupAdmin.addMember(contractors, emma);
    await w.org1.assign('sarah@org1.example');
    expect(appUserOf(w, 'sarah@org1.example')?.scope).toBe('USER');

    await w.org1.groupAdmin.removeMember(contractors, w.org1.directory.get('sarah@org1.example'));
    await w.org1.groupAdmin.removeMember(contractors, emma);
    expect(appUserOf(w, 'sarah@org1.example')).toBeDefined();
    expect(org2Status(w, 'sarah@org1.example')).toBe('PROVISIONED');
    expect(appUserOf(w, 'emma@org1.example')).toBeUndefined();
    expect(org2Status(w, 'emma@org1.example')).toBe('DEPROVISIONED');
  });

  it('another assigned group keeps the app; with Deactivate Users off org2 keeps the user active', async () => {
    const w = await contractorsWorld(false);
    await assignGroup(w.org1, w.org1.group('Contractors').id).pushed;
    await assignGroup(w.org1, w.org1.group('Partners').id).pushed;
    const sarah = w.org1.directory.get('sarah@org1.example');
    await w.org1.setGroups('sarah@org1.example', ['Partners']);
    expect(appUserOf(w, 'sarah@org1.example')?.scope).toBe('GROUP');
    await w.org1.groupAdmin.removeMember(w.org1.group('Partners').id, sarah);
    expect(appUserOf(w, 'sarah@org1.example')).toBeUndefined();
    expect(org2Status(w, 'sarah@org1.example')).toBe('PROVISIONED');
    expect(w.org1.connector.log.counts()).toMatchObject({ skipped: 1 });
  });

  it('membership changes through the Groups API follow too', async () => {
    const w = await contractorsWorld();
    const contractors = w.org1.group('Contractors').id;
    await assignGroup(w.org1, contractors).pushed;
    const emmaId = idOf(w, 'emma@org1.example');
    expect((await api(w, 'put', `/api/v1/groups/${contractors}/users/${emmaId}`)).status).toBe(204);
    expect(org2Status(w, 'emma@org1.example')).toBe('PROVISIONED');
    expect((await api(w, 'delete', `/api/v1/groups/${contractors}/users/${emmaId}`)).status).toBe(204);
    expect(org2Status(w, 'emma@org1.example')).toBe('DEPROVISIONED');
  });
});

describe("org1's Apps API: /apps/{appId}/groups", () => {
  it('lists assigned groups with Link paging; DELETE unassigns (204) and members lose the app', async () => {
    const w = await contractorsWorld();
    const appId = w.org1.app.id;
    const contractors = w.org1.group('Contractors').id;
    const partners = w.org1.group('Partners').id;
    await api(w, 'put', `/api/v1/apps/${appId}/groups/${contractors}`).send({});
    await api(w, 'put', `/api/v1/apps/${appId}/groups/${partners}`).send({});
    await w.settle();

    const first = await api(w, 'get', `/api/v1/apps/${appId}/groups?limit=1`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject([{ id: contractors, priority: 0 }]);
    const next = /<([^>]+)>; rel="next"/.exec(String(first.headers.link))?.[1];
    expect(next).toContain(`after=${contractors}`);
    const second = await api(w, 'get', new URL(String(next)).pathname + new URL(String(next)).search);
    expect(second.body).toMatchObject([{ id: partners, priority: 1 }]);
    expect(String(second.headers.link)).not.toContain('rel="next"');

    const del = await api(w, 'delete', `/api/v1/apps/${appId}/groups/${partners}`);
    expect(del.status).toBe(204);
    await w.settle();
    // Sarah is still in Contractors; David had the app only through Partners.
    expect(appUserOf(w, 'sarah@org1.example')).toBeDefined();
    expect(appUserOf(w, 'david@org1.example')).toBeUndefined();
    expect(org2Status(w, 'david@org1.example')).toBe('DEPROVISIONED');
    const left = await api(w, 'get', `/api/v1/apps/${appId}/groups`);
    expect(left.body.map((g: { id: string }) => g.id)).toEqual([contractors]);
  });

  it('an unknown app, group or assignment is 404 E0000007', async () => {
    const w = await contractorsWorld();
    const appId = w.org1.app.id;
    const partners = w.org1.group('Partners').id;
    for (const [method, path] of [
      ['get', '/api/v1/apps/0oanope/groups'],
      ['delete', `/api/v1/apps/0oanope/groups/${partners}`],
      ['delete', `/api/v1/apps/${appId}/groups/00gnope`],
      ['delete', `/api/v1/apps/${appId}/groups/${partners}`],
    ] as const) {
      const res = await api(w, method, path);
      expect(res.status, path).toBe(404);
      expect(res.body.errorCode, path).toBe('E0000007');
    }
  });

  it('deleting an assigned group unassigns it: its members lose the app', async () => {
    const w = await contractorsWorld();
    const partners = w.org1.group('Partners').id;
    await assignGroup(w.org1, partners).pushed;
    await w.org1.groupAdmin.delete(partners);
    expect(w.org1.appUsers.groups.of(w.org1.app.id)).toEqual([]);
    expect(appUserOf(w, 'david@org1.example')).toBeUndefined();
    expect(org2Status(w, 'david@org1.example')).toBe('DEPROVISIONED');
  });
});
