import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { ERROR_SCHEMA } from '../../harness/scim/errors.js';
import { LIST_SCHEMA } from '../../harness/scim/resource.js';
import { AUTH, createUser, EMPTY_LIST, oktaUserBody, type ScimFixture, scimFixture } from './fixture.js';

/**
 * Okta's SCIM 2.0 SPEC test suite (the Runscope checks an OIN submission must pass), one test per
 * check, run against a team that already holds one user as the suite expects.
 */
let fx: ScimFixture;
let existingId: string;
const api = () => request(fx.app);
const byUserName = (userName: string) =>
  api()
    .get('/scim/v2/Users')
    .query({ filter: `userName eq "${userName}"`, startIndex: '1', count: '100' })
    .set(AUTH);

beforeEach(async () => {
  fx = scimFixture();
  existingId = await createUser(fx.app, 'existing.user@example.com', 'Existing', 'User');
});

describe('Okta SCIM 2.0 SPEC tests', () => {
  it('Test Users endpoint: count=1 gives a ListResponse whose first user has id, name, userName, active, emails', async () => {
    const res = await api().get('/scim/v2/Users').query({ count: '1', startIndex: '1' }).set(AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      schemas: [LIST_SCHEMA],
      totalResults: 1,
      startIndex: 1,
      itemsPerPage: 1,
    });
    const [user] = res.body.Resources;
    expect(user).toMatchObject({
      id: existingId,
      name: { givenName: 'Existing', familyName: 'User' },
      userName: 'existing.user@example.com',
      active: true,
      emails: [{ primary: true, value: 'existing.user@example.com', type: 'work' }],
    });
  });

  it('Get Users/{{id}}: the listed user is readable by id', async () => {
    const res = await api().get(`/scim/v2/Users/${existingId}`).set(AUTH);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(existingId);
    expect(res.body.userName).toBe('existing.user@example.com');
  });

  it('Test invalid User by username: a filter on an unknown userName finds nothing', async () => {
    const res = await byUserName('invalid-user@example.com');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(EMPTY_LIST);
  });

  it('Test invalid User by ID: an unknown id is 404 with the Error schema', async () => {
    const res = await api().get('/scim/v2/Users/010101001010101010101010101').set(AUTH);
    expect(res.status).toBe(404);
    expect(res.body.schemas).toEqual([ERROR_SCHEMA]);
    expect(res.body.detail).toBe('Resource 010101001010101010101010101 not found');
  });

  it("Make sure random user doesn't exist: a fresh random userName is absent", async () => {
    const res = await byUserName('J1k7mCqXzR@example.com');
    expect(res.body.totalResults).toBe(0);
    expect(res.body.Resources).toEqual([]);
  });

  it('Create Okta user with realistic values: 201 and active:true', async () => {
    const res = await api()
      .post('/scim/v2/Users')
      .set(AUTH)
      .send(oktaUserBody('j.doe@example.com', 'John', 'Doe'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      userName: 'j.doe@example.com',
      active: true,
      name: { givenName: 'John' },
    });
    expect(typeof res.body.id).toBe('string');
  });

  it('Verify that user was created: GET by the returned id shows the same user', async () => {
    const id = await createUser(fx.app, 'j.doe@example.com', 'John', 'Doe');
    const res = await api().get(`/scim/v2/Users/${id}`).set(AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, userName: 'j.doe@example.com', name: { familyName: 'Doe' } });
  });

  it('Expect failure when recreating user with same values: 409', async () => {
    await createUser(fx.app, 'j.doe@example.com', 'John', 'Doe');
    const res = await api()
      .post('/scim/v2/Users')
      .set(AUTH)
      .send(oktaUserBody('j.doe@example.com', 'John', 'Doe'));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '409', scimType: 'uniqueness' });
  });

  it('Username Case Sensitivity Check: the upper-cased userName finds the same user', async () => {
    const res = await byUserName('EXISTING.USER@EXAMPLE.COM');
    expect(res.body.totalResults).toBe(1);
    expect(res.body.Resources[0].id).toBe(existingId);
  });

  // The SPEC test also times this call; timings belong to `npm run bench`, not to tests.
  it('Optional Test: Verify Groups endpoint answers with an empty ListResponse', async () => {
    const res = await api().get('/scim/v2/Groups').set(AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ schemas: [LIST_SCHEMA], totalResults: 0, Resources: [] });
  });

  it('Check status 401: no token gives 401 with the Error schema', async () => {
    const res = await api().get('/scim/v2/Users');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '401' });
  });

  it('Check status 404: the 404 body is SCIM JSON whose status says 404', async () => {
    const res = await api().get('/scim/v2/Users/does-not-exist').set(AUTH);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('application/scim+json; charset=utf-8');
    expect(res.body).toEqual({
      schemas: [ERROR_SCHEMA],
      detail: 'Resource does-not-exist not found',
      status: '404',
    });
  });
});
