import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { ERROR_SCHEMA } from '../../harness/scim/errors.js';
import { AUTH, createUser, oktaUserBody, type ScimFixture, scimFixture } from './fixture.js';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const LATER = '2026-01-15T09:05:00.000Z';

let fx: ScimFixture;
let id: string;
const api = () => request(fx.app);
const patch = (operations: object[]) =>
  api()
    .patch(`/scim/v2/Users/${id}`)
    .set(AUTH)
    .send({ schemas: [PATCH_OP], Operations: operations });

beforeEach(async () => {
  fx = scimFixture();
  id = await createUser(fx.app, 'ada@example.com');
  fx.clock.advance(5 * 60_000);
});

describe('PUT /Users/:id', () => {
  it('replaces the profile and bumps lastModified', async () => {
    const body = { ...oktaUserBody('ada.king@example.com', 'Augusta', 'King'), externalId: undefined };
    const res = await api().put(`/scim/v2/Users/${id}`).set(AUTH).send(body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id,
      userName: 'ada.king@example.com',
      name: { givenName: 'Augusta', familyName: 'King', formatted: 'Augusta King' },
      emails: [{ primary: true, value: 'ada.king@example.com', type: 'work' }],
      active: true,
      meta: { lastModified: LATER },
    });
    expect(res.body.externalId).toBeUndefined();
  });

  it('honours active:false by suspending the member', async () => {
    const res = await api()
      .put(`/scim/v2/Users/${id}`)
      .set(AUTH)
      .send({ ...oktaUserBody('ada@example.com'), active: false });
    expect(res.body.active).toBe(false);
    expect(fx.team.get(id).state).toBe('suspended');
  });

  it('refuses to rename onto another member with 409 and 404s an unknown id', async () => {
    await createUser(fx.app, 'grace@example.com');
    const clash = await api().put(`/scim/v2/Users/${id}`).set(AUTH).send(oktaUserBody('Grace@example.com'));
    expect(clash.status).toBe(409);
    expect(clash.body.scimType).toBe('uniqueness');
    const missing = await api().put('/scim/v2/Users/nope').set(AUTH).send(oktaUserBody('x@example.com'));
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe('Resource nope not found');
  });
});

describe('PATCH /Users/:id', () => {
  it("applies Okta's path-less replace of active", async () => {
    const res = await patch([{ op: 'replace', value: { active: false } }]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, active: false, meta: { lastModified: LATER } });
    expect(fx.team.get(id).state).toBe('suspended');
  });

  it.each([
    [{ op: 'replace', path: 'active', value: false }, { active: false }],
    [{ op: 'Replace', path: 'active', value: 'False' }, { active: false }],
    [{ op: 'replace', path: 'name.givenName', value: 'Augusta' }, { name: { givenName: 'Augusta' } }],
    [{ op: 'add', path: 'displayName', value: 'Countess' }, { displayName: 'Countess' }],
    [
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'countess@example.com' },
      { emails: [{ primary: true, value: 'countess@example.com', type: 'work' }] },
    ],
    [{ op: 'replace', value: { 'name.familyName': 'King', userName: 'aking' } }, { userName: 'aking' }],
  ])('%j', async (operation, expected) => {
    const res = await patch([operation]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject(expected);
  });

  it('a path-less replace of a complex attribute keeps its other sub-attributes (RFC 7644 §3.5.2.3)', async () => {
    const res = await patch([
      { op: 'replace', value: { name: { familyName: 'King' }, displayName: 'Ada King' } },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.name).toMatchObject({ givenName: 'Ada', familyName: 'King' });
    expect(res.body.displayName).toBe('Ada King');
  });

  it('removes an attribute with a remove op', async () => {
    const res = await patch([{ op: 'remove', path: 'externalId' }]);
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('externalId');
    expect(fx.team.get(id).externalId).toBeUndefined();
  });

  it('returns the resulting member state after reactivation', async () => {
    await patch([{ op: 'replace', value: { active: false } }]);
    const res = await patch([{ op: 'replace', value: { active: true } }]);
    expect(res.body.active).toBe(true);
    expect(fx.team.get(id).state).toBe('invited');
  });

  it.each([
    ['no PatchOp schema', { Operations: [{ op: 'replace', value: { active: false } }] }, 'invalidSyntax'],
    ['an unknown op', { schemas: [PATCH_OP], Operations: [{ op: 'merge', value: {} }] }, 'invalidSyntax'],
    [
      'removing userName',
      { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'userName' }] },
      'invalidValue',
    ],
  ])('answers %s with 400 %s', async (_label, body, scimType) => {
    const res = await api().patch(`/scim/v2/Users/${id}`).set(AUTH).send(body);
    expect(res.status).toBe(400);
    expect(res.body.schemas).toEqual([ERROR_SCHEMA]);
    expect(res.body.scimType).toBe(scimType);
    expect(fx.team.get(id).userName).toBe('ada@example.com');
  });
});

describe('DELETE /Users/:id', () => {
  it('removes the member with 204, after which the id is 404', async () => {
    const res = await api().delete(`/scim/v2/Users/${id}`).set(AUTH);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await api().get(`/scim/v2/Users/${id}`).set(AUTH)).status).toBe(404);
    expect((await api().delete(`/scim/v2/Users/${id}`).set(AUTH)).status).toBe(404);
  });
});

describe('deactivation: suspend vs remove', () => {
  it('suspend keeps the member, inactive and still found by userName', async () => {
    await patch([{ op: 'replace', value: { active: false } }]);
    const res = await api().get(`/scim/v2/Users/${id}`).set(AUTH);
    expect(res.body.active).toBe(false);
    expect(fx.team.findByUserName('ADA@example.com')?.state).toBe('suspended');
  });

  it('remove answers with the inactive user, then the member is gone and the userName free', async () => {
    fx = scimFixture('remove');
    id = await createUser(fx.app, 'ada@example.com');
    const res = await patch([{ op: 'replace', value: { active: false } }]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, userName: 'ada@example.com', active: false });
    expect((await api().get(`/scim/v2/Users/${id}`).set(AUTH)).status).toBe(404);
    const list = await api()
      .get('/scim/v2/Users')
      .query({ filter: 'userName eq "ada@example.com"' })
      .set(AUTH);
    expect(list.body.totalResults).toBe(0);
    const again = await createUser(fx.app, 'ada@example.com');
    expect(again).not.toBe(id);
  });
});
