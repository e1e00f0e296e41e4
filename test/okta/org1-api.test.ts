import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../harness/world/world.js';
import { expectOktaError } from './api-helpers.js';

/** org1's few API routes answer failures with Okta's error body, built where org2's API builds it. */
let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.close());

describe("org1's API errors", () => {
  it('GET /api/v1/users/me without a session → 404 E0000007 in Okta’s shape', async () => {
    const res = await request(world.org1.url).get('/api/v1/users/me');
    expectOktaError(res, 404, 'E0000007', 'Not found: Resource not found: me (User)');
  });

  it('the tasks list refuses an unknown status with E0000031 and says why in errorCauses', async () => {
    const res = await request(world.org1.url)
      .get(`/api/v1/apps/${world.org1.app.id}/tasks?status=weird`)
      .set('Authorization', `SSWS ${world.tokens.superAdmin}`);
    expectOktaError(res, 400, 'E0000031', 'Invalid search criteria.', [
      'status: must be one of pending, done, failed, skipped',
    ]);
  });

  it('an unknown task is 404 E0000007 naming it', async () => {
    const res = await request(world.org1.url)
      .get(`/api/v1/apps/${world.org1.app.id}/tasks/99`)
      .set('Authorization', `SSWS ${world.tokens.superAdmin}`);
    expectOktaError(res, 404, 'E0000007', 'Not found: Resource not found: 99 (Task)');
    expect(res.type).toBe('application/json');
  });

  it.each(['org1', 'org2'] as const)(
    'an API path no route answers is JSON 404 E0000007 at %s, never the HTML page',
    async (org) => {
      const res = await request(world[org].url)
        .get('/api/v1/no-such-resource')
        .set('Authorization', `SSWS ${world.tokens.superAdmin}`);
      expectOktaError(res, 404, 'E0000007', 'Not found: Resource not found: /no-such-resource (Resource)');
      expect(res.type).toBe('application/json');
    },
  );
});
