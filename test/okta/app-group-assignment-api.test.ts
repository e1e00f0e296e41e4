import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertToGroup } from '../../harness/okta/org1/app-user-unassign.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { contractorsConfig } from '../provisioning/contractors-world.js';

// org1's Apps API for Org2Org's group assignments. Shapes: okta-management OpenAPI spec,
// ApplicationGroups (getApplicationGroupAssignment: ApplicationGroupAssignment, `expand=group` puts
// the group in `_embedded.group`; updateGroupAssignmentToApplication: a JsonPatchOperation array,
// op remove | replace) and ApplicationUsers (unassignUserFromApplication). The refusal is Okta's
// E0000046, 403 "Deactivate application for user forbidden." (developer.okta.com, "Error codes"),
// with the errorCauses of a real answer (terraform-provider-okta issue #120); help.okta.com,
// "Unassign users from applications": a user assigned as a member of a group is unassigned by
// removing them from the group or unassigning the group (docs/decisions/app-group-assignment.md).

const GROUP_GRANTS =
  'The application cannot be unassigned from the user while their group memberships grant them access';
let w: World;

beforeAll(async () => {
  w = await createWorld(contractorsConfig());
});
afterAll(() => w?.close());

const idOf = (login: string) => w.org1.directory.get(login).id;
const groupId = (name: string) => w.org1.group(name).id;
const appUserOf = (login: string) => w.org1.appUsers.find(w.org1.app.id, idOf(login));
const org2Status = (login: string) => w.org2.directory.find(login)?.status;
const api = (method: 'get' | 'put' | 'patch' | 'delete', path: string) =>
  request(w.org1.url)
    [method](`/api/v1/apps/${w.org1.app.id}${path}`)
    .set('Authorization', `SSWS ${w.tokens.superAdmin}`);

describe('DELETE /apps/{appId}/users/{userId} while an assigned group holds the user', () => {
  it('is refused with 403 E0000046 for a GROUP-scoped user; the user keeps the app and org2 account', async () => {
    await api('put', `/groups/${groupId('Contractors')}`).send({});
    await w.settle();
    expect(appUserOf('sarah@org1.example')?.scope).toBe('GROUP');
    const res = await api('delete', `/users/${idOf('sarah@org1.example')}`);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      errorCode: 'E0000046',
      errorSummary: 'Deactivate application for user forbidden.',
      errorLink: 'E0000046',
      errorCauses: [{ errorSummary: GROUP_GRANTS }],
    });
    expect(res.body.errorId).toMatch(/^oae/);
    await w.settle();
    expect(appUserOf('sarah@org1.example')).toBeDefined();
    expect(org2Status('sarah@org1.example')).toBe('PROVISIONED');
  });

  it('is refused for an individually assigned member too; converted to the group, leaving it unassigns', async () => {
    await w.org1.assign('emma@org1.example');
    await w.org1.setGroups('emma@org1.example', ['Contractors']);
    expect(appUserOf('emma@org1.example')?.scope).toBe('USER');
    const res = await api('delete', `/users/${idOf('emma@org1.example')}`);
    expect([res.status, res.body.errorCode]).toEqual([403, 'E0000046']);
    convertToGroup(w.org1, idOf('emma@org1.example'));
    expect(appUserOf('emma@org1.example')?.scope).toBe('GROUP');
    await w.org1.setGroups('emma@org1.example', []);
    expect(appUserOf('emma@org1.example')).toBeUndefined();
    expect(org2Status('emma@org1.example')).toBe('DEPROVISIONED');
    // Converting someone no assigned group holds has nothing to convert to.
    expect(() => convertToGroup(w.org1, idOf('emma@org1.example'))).toThrow(
      expect.objectContaining({ code: 'OKTA_E0000001', hint: expect.stringContaining('no group assigned') }),
    );
  });

  it('an individual assignment no assigned group backs is unassigned as before (204)', async () => {
    await w.org1.assign('david@org1.example');
    const res = await api('delete', `/users/${idOf('david@org1.example')}`);
    expect(res.status).toBe(204);
    expect(org2Status('david@org1.example')).toBe('DEPROVISIONED');
  });
});

describe('GET /apps/{appId}/groups/{groupId} (getApplicationGroupAssignment)', () => {
  it("answers the spec's ApplicationGroupAssignment; expand=group embeds the Groups API's group", async () => {
    const id = groupId('Contractors');
    const res = await api('get', `/groups/${id}`);
    expect(res.status).toBe(200);
    const app = `${w.org1.url}/api/v1/apps/${w.org1.app.id}`;
    expect(res.body).toEqual({
      id,
      priority: 0,
      lastUpdated: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      profile: {},
      _links: {
        app: { href: app },
        self: { href: `${app}/groups/${id}` },
        group: { href: `${w.org1.url}/api/v1/groups/${id}` },
      },
    });
    const expanded = await api('get', `/groups/${id}?expand=group`);
    const group = await request(w.org1.url)
      .get(`/api/v1/groups/${id}`)
      .set('Authorization', `SSWS ${w.tokens.superAdmin}`);
    expect(expanded.body._embedded).toEqual({ group: group.body });
  });

  it('a group not assigned, or an unknown app, is 404 E0000007', async () => {
    for (const path of [
      `/api/v1/apps/${w.org1.app.id}/groups/${groupId('Partners')}`,
      `/api/v1/apps/0oanope/groups/${groupId('Contractors')}`,
    ]) {
      const res = await request(w.org1.url).get(path).set('Authorization', `SSWS ${w.tokens.superAdmin}`);
      expect([res.status, res.body.errorCode], path).toEqual([404, 'E0000007']);
    }
  });
});

describe('PUT and PATCH /apps/{appId}/groups/{groupId}: priority and profile', () => {
  it('PUT keeps the profile it is given; PATCH replaces and removes profile attributes and the priority', async () => {
    const id = groupId('Partners');
    const put = await api('put', `/groups/${id}`).send({
      priority: 5,
      profile: { division: 'top', manager: 'Arsene Wenger' },
    });
    expect(put.body).toMatchObject({
      id,
      priority: 5,
      profile: { division: 'top', manager: 'Arsene Wenger' },
    });
    await w.settle();
    const patch = await api('patch', `/groups/${id}`).send([
      { op: 'replace', path: '/profile/manager', value: 'Carlo Ancelotti' },
      { op: 'remove', path: '/profile/division' },
      { op: 'replace', path: '/priority', value: 7 },
    ]);
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ id, priority: 7, profile: { manager: 'Carlo Ancelotti' } });
    expect(patch.body.profile).not.toHaveProperty('division');
    expect((await api('get', `/groups/${id}`)).body).toMatchObject({
      priority: 7,
      profile: { manager: 'Carlo Ancelotti' },
    });
    const whole = await api('patch', `/groups/${id}`).send([
      { op: 'replace', path: '/profile', value: { department: 'Accounting' } },
    ]);
    expect(whole.body.profile).toEqual({ department: 'Accounting' });
  });

  it('refuses what it cannot apply: 400 E0000001 naming the operation, 400 E0000003 for a non-array body', async () => {
    const id = groupId('Partners');
    for (const body of [
      [{ op: 'replace', path: '/id', value: 'x' }],
      [{ op: 'remove', path: '/priority' }],
      [{ op: 'replace', path: '/priority', value: 101 }],
      [{ op: 'add', path: '/profile/x', value: 'y' }],
    ]) {
      const res = await api('patch', `/groups/${id}`).send(body);
      expect([res.status, res.body.errorCode], JSON.stringify(body)).toEqual([400, 'E0000001']);
      expect(res.body.errorCauses[0].errorSummary, JSON.stringify(body)).toMatch(/^0\./);
    }
    const object = await api('patch', `/groups/${id}`).send({ priority: 1 });
    expect([object.status, object.body.errorCode]).toEqual([400, 'E0000003']);
    expect((await api('get', `/groups/${id}`)).body.priority).toBe(7);
    const missing = await api('patch', `/groups/${groupId('Contractors')}x`).send([]);
    expect([missing.status, missing.body.errorCode]).toEqual([404, 'E0000007']);
  });
});
