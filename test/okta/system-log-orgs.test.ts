import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../harness/world/world.js';

// Both orgs serve GET /api/v1/logs behind SSWS (management OpenAPI spec, listLogEvents); org1's
// password sign-ins are `user.session.start` events (Okta's event types catalogue).

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.close());

const logs = (url: string, filter: string) =>
  request(url)
    .get(`/api/v1/logs?filter=${encodeURIComponent(filter)}`)
    .set('Authorization', `SSWS ${world.tokens.superAdmin}`);

describe("the orgs' System Log API", () => {
  it('refuses a call without a token on both orgs (403 E0000005)', async () => {
    for (const url of [world.org1.url, world.org2.url]) {
      const res = await request(url).get('/api/v1/logs').expect(403);
      expect(res.body.errorCode).toBe('E0000005');
    }
  });

  it("logs org1's password sign-ins: a wrong password is FAILURE INVALID_CREDENTIALS, then SUCCESS", async () => {
    const login = (password: string) =>
      request(world.org1.url).post('/login').type('form').send({ username: 'sarah@org1.example', password });
    await login('wrong').expect(401);
    await login('Sarah-Passw0rd!').expect(303);
    const res = await logs(world.org1.url, 'eventType eq "user.session.start"').expect(200);
    expect(res.body.map((e: { outcome: unknown }) => e.outcome)).toEqual([
      { result: 'FAILURE', reason: 'INVALID_CREDENTIALS' },
      { result: 'SUCCESS', reason: null },
    ]);
    expect(res.body[0].debugContext.debugData.fedsimCode).toBe('AUTH_INVALID_CREDENTIALS');
    expect(res.body[1].actor.alternateId).toBe('sarah@org1.example');
  });

  it('org2 answers its own log (empty until something happens there)', async () => {
    const res = await logs(world.org2.url, 'eventType sw "user."').expect(200);
    expect(res.body).toEqual([]);
  });

  it("logs an admin's Users API changes with the user as target", async () => {
    const admin = (method: 'post' | 'delete', path: string) =>
      request(world.org2.url)[method](path).set('Authorization', `SSWS ${world.tokens.superAdmin}`);
    const login = 'lena@org2.example';
    const created = await admin('post', '/api/v1/users?activate=true')
      .send({ profile: { login, email: login, firstName: 'Lena', lastName: 'Ng' } })
      .expect(200);
    await admin('post', `/api/v1/users/${created.body.id}/lifecycle/deactivate`).expect(200);
    await admin('delete', `/api/v1/users/${created.body.id}`).expect(204);
    const res = await logs(world.org2.url, `target.id eq "${created.body.id}"`).expect(200);
    expect(res.body.map((e: { eventType: string }) => e.eventType)).toEqual([
      'user.lifecycle.create',
      'user.lifecycle.deactivate',
      'user.lifecycle.delete.initiated',
    ]);
    expect(res.body[0].target[0].alternateId).toBe(login);
  });
});
