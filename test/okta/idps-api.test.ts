import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../harness/world/world.js';

// Okta management spec (okta/okta-management-openapi-spec, dist/current/management-oneOfInheritance.yaml):
// every /api/v1/idps path has `security: apiToken` and answers 404 with ErrorResourceNotFound404.

describe('/api/v1/idps behind the Users API front', () => {
  let world: World;
  let org2: ReturnType<typeof request>;
  let idp: string;
  const ssws = () => `SSWS ${world.tokens.superAdmin}`;
  beforeAll(async () => {
    world = await createWorld();
    org2 = request(world.org2.url);
    idp = `/api/v1/idps/${world.org2.idp.id}`;
  });
  afterAll(() => world.close());

  it('refuses a missing token exactly as the Users API does', async () => {
    const users = await org2.get('/api/v1/users');
    for (const path of [idp, `${idp}/users`]) {
      const res = await org2.get(path);
      expect(res.status).toBe(users.status);
      expect(res.body.errorCode).toBe(users.body.errorCode);
    }
  });

  it('refuses a wrong SSWS token with 401 E0000011', async () => {
    for (const path of [idp, `${idp}/users`]) {
      const res = await org2.get(path).set('Authorization', 'SSWS wrong').expect(401);
      expect(res.body.errorCode).toBe('E0000011');
    }
  });

  it('answers with X-Okta-Request-Id and X-Rate-Limit-* headers', async () => {
    const res = await org2.get(idp).set('Authorization', ssws()).expect(200);
    expect(res.headers['x-okta-request-id']).toMatch(/^\S{20}$/);
    expect(Number(res.headers['x-rate-limit-limit'])).toBeGreaterThan(0);
    expect(res.headers['x-rate-limit-remaining']).toMatch(/^\d+$/);
    expect(res.headers['x-rate-limit-reset']).toMatch(/^\d+$/);
  });

  it('answers an unknown IdP or path with a JSON 404 E0000007, never an HTML page', async () => {
    for (const path of ['/api/v1/idps/0oaNOSUCHIDP000000001', `${idp}/nothing/here`]) {
      const res = await org2.get(path).set('Authorization', ssws()).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.errorCode).toBe('E0000007');
    }
  });

  it('keeps the SP metadata downloadable without a token', async () => {
    const res = await org2.get(`${idp}/metadata.xml`).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
  });
});

describe('the IdP object and the /api/v1/idps operations of the management spec', () => {
  let world: World;
  let api: (method: 'get' | 'post' | 'delete', path: string) => request.Test;
  let idp: string;
  beforeAll(async () => {
    world = await createWorld();
    api = (method, path) =>
      request(world.org2.url)[method](path).set('Authorization', `SSWS ${world.tokens.superAdmin}`);
    idp = `/api/v1/idps/${world.org2.idp.id}`;
  });
  afterAll(() => world.close());

  it('serves created, lastUpdated, issuerMode, the signing kid, _links, a null subject filter and the Redirect binding', async () => {
    const { body } = await api('get', idp).expect(200);
    expect(body.created).toBe('2026-01-15T09:00:00.000Z');
    expect(body.lastUpdated).toBe(body.created);
    expect(body.issuerMode).toBe('DYNAMIC');
    expect(body.protocol.credentials.signing.kid).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.policy.subject.filter).toBeNull();
    // org2 sends its AuthnRequest over the Redirect binding (SP-initiated sign-in).
    expect(body.protocol.endpoints.sso.binding).toBe('HTTP-REDIRECT');
    expect(body._links.users.href).toBe(`${world.org2.url}${idp}/users`);
    expect(body._links.deactivate.href).toBe(`${world.org2.url}${idp}/lifecycle/deactivate`);
  });

  it('names the trusted key by a key credential id that the key store serves, not by a fingerprint', async () => {
    const { body } = await api('get', idp).expect(200);
    const kid = body.protocol.credentials.trust.kid;
    expect(kid).not.toContain(':');
    const key = (await api('get', `/api/v1/idps/credentials/keys/${kid}`).expect(200)).body;
    expect(key.x5c).toEqual([world.org2.idp.trustedCerts[0]?.base64]);
    expect(key).toMatchObject({ kid, kty: 'RSA', use: 'sig' });
    const all = (await api('get', '/api/v1/idps/credentials/keys').expect(200)).body;
    expect(all.map((k: { kid: string }) => k.kid)).toContain(kid);
    expect((await api('get', '/api/v1/idps/credentials/keys/nosuchkid').expect(404)).body.errorCode).toBe(
      'E0000007',
    );
  });

  it('lists IdPs by name prefix (q) and type', async () => {
    const ids = async (query: string) =>
      (await api('get', `/api/v1/idps${query}`).expect(200)).body.map((i: { id: string }) => i.id);
    expect(await ids('')).toEqual([world.org2.idp.id]);
    expect(await ids('?q=org1')).toEqual([world.org2.idp.id]);
    expect(await ids('?q=Google')).toEqual([]);
    expect(await ids('?type=SAML2')).toEqual([world.org2.idp.id]);
    expect(await ids('?type=OIDC')).toEqual([]);
  });

  it('links a user by externalId, serves the link, and unlinks it', async () => {
    const user = world.org2.directory.create(
      { login: 'lee@org1.example', email: 'lee@org1.example', firstName: 'Lee', lastName: 'Park' },
      { activate: true },
    );
    const path = `${idp}/users/${user.id}`;
    expect((await api('get', path).expect(404)).body.errorCode).toBe('E0000007');
    const linked = (await api('post', path).send({ externalId: 'persistent-lee' }).expect(200)).body;
    expect(linked).toMatchObject({ id: user.id, externalId: 'persistent-lee' });
    expect(linked._links.user.href).toBe(`${world.org2.url}/api/v1/users/${user.id}`);
    expect((await api('get', path).expect(200)).body.externalId).toBe('persistent-lee');
    await api('delete', path).expect(204);
    await api('get', path).expect(404);
    await api('delete', path).expect(404);
  });

  it('refuses to link an unknown user (404) or a body without externalId (400 E0000001)', async () => {
    expect(
      (await api('post', `${idp}/users/00uNOSUCHUSER0000001`).send({ externalId: 'x' }).expect(404)).body
        .errorCode,
    ).toBe('E0000007');
    const someone = world.org2.directory.create(
      { login: 'kim@org1.example', email: 'kim@org1.example', firstName: 'Kim', lastName: 'Lo' },
      { activate: true },
    );
    expect((await api('post', `${idp}/users/${someone.id}`).send({}).expect(400)).body.errorCode).toBe(
      'E0000001',
    );
  });
});
