import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { ERROR_SCHEMA } from '../../harness/scim/errors.js';
import { USER_SCHEMA } from '../../harness/scim/resource.js';
import {
  AUTH,
  BASE_URL,
  createUser,
  EMPTY_LIST,
  oktaUserBody,
  type ScimFixture,
  START,
  scimFixture,
  TOKEN,
} from './fixture.js';

let fx: ScimFixture;
const api = () => request(fx.app);

beforeEach(() => {
  fx = scimFixture();
});

describe('auth', () => {
  it('answers 401 with the Error schema and a Bearer challenge when the token is missing', async () => {
    const res = await api().get('/scim/v2/Users');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="fedsim-scim"');
    expect(res.body).toEqual({
      schemas: [ERROR_SCHEMA],
      detail: 'Authorization: Bearer token required',
      status: '401',
    });
  });

  it('answers 401 for a wrong token, even before reading a malformed body', async () => {
    const res = await api()
      .post('/scim/v2/Users')
      .set('Authorization', 'Bearer nope')
      .set('Content-Type', 'application/scim+json')
      .send('{bad');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ schemas: [ERROR_SCHEMA], detail: 'Invalid bearer token', status: '401' });
  });

  it('accepts the scheme name in any case', async () => {
    const res = await api().get('/scim/v2/Users').set('Authorization', `bearer ${TOKEN}`);
    expect(res.status).toBe(200);
  });
});

describe('POST /Users', () => {
  it('creates an invited member and answers 201 with Location and the full User', async () => {
    const res = await api()
      .post('/scim/v2/Users')
      .set(AUTH)
      .set('Content-Type', 'application/scim+json')
      .send(JSON.stringify(oktaUserBody('ada@example.com')));
    const id = res.body.id as string;
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toBe('application/scim+json; charset=utf-8');
    expect(res.headers.location).toBe(`${BASE_URL}/Users/${id}`);
    expect(res.body).toEqual({
      schemas: [USER_SCHEMA],
      id,
      externalId: '00u1a2b3c4d5e6f7g8h9',
      userName: 'ada@example.com',
      name: { givenName: 'Ada', familyName: 'Lovelace', formatted: 'Ada Lovelace' },
      displayName: 'Ada Lovelace',
      emails: [{ primary: true, value: 'ada@example.com', type: 'work' }],
      active: true,
      meta: {
        resourceType: 'User',
        created: START,
        lastModified: START,
        location: `${BASE_URL}/Users/${id}`,
      },
    });
    expect(fx.team.get(id).state).toBe('invited');
  });

  it('accepts application/json bodies', async () => {
    const res = await api().post('/scim/v2/Users').set(AUTH).send({ userName: 'json@example.com' });
    expect(res.status).toBe(201);
    expect(res.body.emails).toEqual([{ primary: true, value: 'json@example.com', type: 'work' }]);
  });

  it('rejects a userName that differs only in case with 409 uniqueness', async () => {
    await createUser(fx.app, 'ada@example.com');
    const res = await api().post('/scim/v2/Users').set(AUTH).send(oktaUserBody('ADA@Example.com'));
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      schemas: [ERROR_SCHEMA],
      detail: 'User with userName ADA@Example.com already exists',
      status: '409',
      scimType: 'uniqueness',
    });
  });

  it('rejects a missing userName with 400 invalidValue', async () => {
    const res = await api()
      .post('/scim/v2/Users')
      .set(AUTH)
      .send({ name: { givenName: 'No' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      schemas: [ERROR_SCHEMA],
      detail: 'userName: userName is required',
      status: '400',
      scimType: 'invalidValue',
    });
  });

  it('answers malformed JSON with 400 invalidSyntax as SCIM JSON, not HTML', async () => {
    const res = await api()
      .post('/scim/v2/Users')
      .set(AUTH)
      .set('Content-Type', 'application/scim+json')
      .send('{"userName": ');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/scim+json; charset=utf-8');
    expect(res.body.schemas).toEqual([ERROR_SCHEMA]);
    expect(res.body.scimType).toBe('invalidSyntax');
    expect(res.body.status).toBe('400');
  });

  it.each([
    ['a JSON array', 'application/json', '[]'],
    ['a text/plain body', 'text/plain', 'userName=x'],
  ])('answers %s with 400 invalidSyntax', async (_label, type, body) => {
    const res = await api().post('/scim/v2/Users').set(AUTH).set('Content-Type', type).send(body);
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe('invalidSyntax');
    expect(res.body.detail).toBe(
      'Request body must be a JSON object sent as application/scim+json or application/json',
    );
  });
});

describe('GET /Users and /Users/:id', () => {
  it('returns an empty ListResponse with integer fields when the team is empty', async () => {
    const res = await api().get('/scim/v2/Users').set(AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(EMPTY_LIST);
  });

  it('gets a user by id and answers 404 with the Error schema for an unknown id', async () => {
    const id = await createUser(fx.app, 'grace@example.com', 'Grace', 'Hopper');
    const found = await api().get(`/scim/v2/Users/${id}`).set(AUTH);
    expect(found.status).toBe(200);
    expect(found.body.userName).toBe('grace@example.com');
    expect(found.body.name.formatted).toBe('Grace Hopper');
    const missing = await api().get('/scim/v2/Users/no-such-id').set(AUTH);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      schemas: [ERROR_SCHEMA],
      detail: 'Resource no-such-id not found',
      status: '404',
    });
  });

  it('answers unknown endpoints with a 404 Error body', async () => {
    const res = await api().get('/scim/v2/Bogus').set(AUTH);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      schemas: [ERROR_SCHEMA],
      detail: 'No SCIM endpoint GET /scim/v2/Bogus',
      status: '404',
    });
  });
});
