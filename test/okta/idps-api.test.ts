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
