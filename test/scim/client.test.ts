import { once } from 'node:events';
import type { AddressInfo, Server } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_START, FixedClock } from '../../harness/core/clock.js';
import { FedsimError } from '../../harness/core/errors.js';
import { loopbackFetch } from '../../harness/core/http.js';
import { SeededIds } from '../../harness/core/ids.js';
import { Team } from '../../harness/dropbox/team.js';
import { outcomeOf } from '../../harness/provisioning/retry.js';
import { OktaScimClient } from '../../harness/scim/client.js';
import { createScimRouter } from '../../harness/scim/server.js';
import { TOKEN } from './fixture.js';

interface Seen {
  method: string;
  url: string;
  userAgent?: string;
  accept?: string;
  contentType?: string;
}

const seen: Seen[] = [];
const team = new Team(new FixedClock(DEFAULT_SCENARIO_START), new SeededIds('client-test'), {
  deactivation: 'suspend',
});
let server: Server;
let baseUrl: string;
let client: OktaScimClient;

const grace = {
  userName: 'grace@example.com',
  givenName: 'Grace',
  familyName: 'Hopper',
  email: 'grace@example.com',
};

async function failureOf(promise: Promise<unknown>): Promise<FedsimError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (err instanceof FedsimError) return err;
  throw new Error(`expected a FedsimError, got ${String(err)}`);
}

beforeAll(async () => {
  const app = express();
  app.use((req, _res, next) => {
    const { method, originalUrl: url } = req;
    seen.push({
      method,
      url,
      userAgent: req.get('user-agent'),
      accept: req.get('accept'),
      contentType: req.get('content-type'),
    });
    next();
  });
  app.use('/scim/v2', createScimRouter({ store: team, token: TOKEN, baseUrl: () => baseUrl }));
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`;
  client = new OktaScimClient({ baseUrl, token: TOKEN, fetch: loopbackFetch });
});

afterAll(async () => {
  server.close();
  await once(server, 'close');
});

beforeEach(() => {
  seen.length = 0;
});

describe('OktaScimClient against the SCIM server', () => {
  it("creates with Okta's body and headers", async () => {
    const created = await client.create({ ...grace, externalId: '00ugrace' });
    expect(team.get(created.id)).toMatchObject({
      userName: 'grace@example.com',
      externalId: '00ugrace',
      displayName: 'Grace Hopper',
      email: 'grace@example.com',
      state: 'invited',
    });
    expect(seen).toEqual([
      {
        method: 'POST',
        url: '/scim/v2/Users',
        userAgent: 'Okta SCIM Client 1.0.0',
        accept: 'application/scim+json',
        contentType: 'application/scim+json; charset=utf-8',
      },
    ]);
  });

  it('looks users up by userName, case-insensitively, with Okta’s query', async () => {
    team.create({ ...grace, userName: 'grace.lookup@example.com' });
    const found = await client.findByUserName('GRACE.lookup@example.com');
    expect(found?.userName).toBe('grace.lookup@example.com');
    expect(await client.findByUserName('nobody@example.com')).toBeUndefined();
    expect(seen[0]?.url).toBe(
      '/scim/v2/Users?filter=userName%20eq%20%22GRACE.lookup%40example.com%22&startIndex=1&count=100',
    );
  });

  it('push creates an absent user: lookup then POST', async () => {
    const id = await client.push({ ...grace, userName: 'alan@example.com', email: 'alan@example.com' });
    expect(team.get(id ?? '').userName).toBe('alan@example.com');
    expect(seen.map((s) => s.method)).toEqual(['GET', 'POST']);
  });

  it('push updates an existing user: lookup, GET by id, PUT the whole resource', async () => {
    const { id } = team.create({ ...grace, userName: 'grace.push@example.com', externalId: '00ugrace' });
    const pushed = await client.push({
      ...grace,
      userName: 'grace.push@example.com',
      givenName: 'Rear Admiral Grace',
      email: 'ghopper@example.com',
    });
    expect(pushed).toBe(id);
    expect(team.get(pushed ?? '')).toMatchObject({
      givenName: 'Rear Admiral Grace',
      email: 'ghopper@example.com',
      externalId: '00ugrace',
      active: true,
    });
    expect(seen.map((s) => `${s.method} ${s.url.split('?')[0]}`)).toEqual([
      'GET /scim/v2/Users',
      `GET /scim/v2/Users/${id}`,
      `PUT /scim/v2/Users/${id}`,
    ]);
  });

  // Okta keeps the id from create as the app user's externalId and updates that id:
  // https://support.okta.com/help/s/article/Existing-SCIM-User-Being-Created-at-Assignment
  it('push with the kept id renames: GET then PUT at that id as Okta SCIM Client, no lookup', async () => {
    const { id } = team.create({ ...grace, userName: 'grace.old@example.com' });
    const before = team.all().length;
    const renamed = { ...grace, userName: 'grace.new@example.com', email: 'grace.new@example.com' };
    expect(await client.push(renamed, id)).toBe(id);
    expect(team.get(id)).toMatchObject({ userName: 'grace.new@example.com', email: 'grace.new@example.com' });
    expect(team.all()).toHaveLength(before);
    expect(seen.map((s) => [s.method, s.url, s.userAgent])).toEqual([
      ['GET', `/scim/v2/Users/${id}`, 'Okta SCIM Client 1.0.0'],
      ['PUT', `/scim/v2/Users/${id}`, 'Okta SCIM Client 1.0.0'],
    ]);
    expect(seen[1]?.contentType).toBe('application/scim+json; charset=utf-8');
  });

  it('a 404 at the kept id re-matches by userName and updates the match', async () => {
    const { id } = team.create({ ...grace, userName: 'grace.rematch@example.com' });
    const user = { ...grace, userName: 'grace.rematch@example.com', familyName: 'Murray' };
    expect(await client.push(user, 'gone')).toBe(id);
    expect(team.get(id).familyName).toBe('Murray');
    expect(seen.map((s) => `${s.method} ${s.url.split('?')[0]}`)).toEqual([
      'GET /scim/v2/Users/gone',
      'GET /scim/v2/Users',
      `GET /scim/v2/Users/${id}`,
      `PUT /scim/v2/Users/${id}`,
    ]);
  });

  it('a 404 at the kept id with no match creates, unless create is off', async () => {
    const user = { ...grace, userName: 'grace.recreate@example.com' };
    expect(await client.push(user, 'gone', false)).toBeUndefined();
    expect(team.findByUserName(user.userName)).toBeUndefined();
    const id = await client.push(user, 'gone');
    expect(team.get(id ?? '').userName).toBe('grace.recreate@example.com');
    expect(seen.map((s) => s.method)).toEqual(['GET', 'GET', 'GET', 'GET', 'POST']);
  });

  it('deactivates and reactivates with PATCH, never DELETE', async () => {
    const { id } = team.create({ ...grace, userName: 'grace.patch@example.com' });
    await client.setActive(id, false);
    expect(team.get(id)).toMatchObject({ state: 'suspended', active: false });
    await client.setActive(id, true);
    expect(team.get(id)).toMatchObject({ state: 'invited', active: true });
    expect(seen.map((s) => s.method)).toEqual(['PATCH', 'PATCH']);
    expect(seen.every((s) => s.userAgent === 'Okta SCIM Client 1.0.0')).toBe(true);
  });

  it('maps a 409 to PROVISIONING_FAILED naming method, URL, status and detail', async () => {
    team.create({ ...grace, userName: 'grace.twice@example.com' });
    const err = await failureOf(client.create({ ...grace, userName: 'Grace.Twice@example.com' }));
    expect(err.code).toBe('PROVISIONING_FAILED');
    expect(outcomeOf(err)?.status).toBe(409);
    expect(err.message).toBe(
      `SCIM POST ${baseUrl}/Users failed with 409: User with userName Grace.Twice@example.com already exists`,
    );
  });

  it('maps a wrong token and an unknown id to PROVISIONING_FAILED with 401 and 404', async () => {
    const stranger = new OktaScimClient({ baseUrl, token: 'wrong', fetch: loopbackFetch });
    const denied = await failureOf(stranger.findByUserName('grace@example.com'));
    expect([denied.code, outcomeOf(denied)?.status, denied.actual]).toEqual([
      'PROVISIONING_FAILED',
      401,
      'Invalid bearer token',
    ]);
    const missing = await failureOf(client.setActive('nope', false));
    expect(missing.message).toBe(`SCIM PATCH ${baseUrl}/Users/nope failed with 404: Resource nope not found`);
  });
});

describe('OktaScimClient transport failures', () => {
  it('reports a 2xx with a non-SCIM body as PROVISIONING_FAILED', async () => {
    const html = new OktaScimClient({
      baseUrl: 'http://127.0.0.1:1/scim/v2',
      token: TOKEN,
      fetch: async () => new Response('<html>login</html>', { status: 200 }),
    });
    const err = await failureOf(html.create(grace));
    expect([err.code, err.actual]).toEqual(['PROVISIONING_FAILED', '<html>login</html>']);
    expect(err.message).toBe(
      'SCIM POST http://127.0.0.1:1/scim/v2/Users answered 200 with an unexpected body',
    );
  });

  it('wraps a network error but lets fedsim’s outbound refusal through', async () => {
    const down = new OktaScimClient({
      baseUrl: 'http://127.0.0.1:1/scim/v2',
      token: TOKEN,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    const err = await failureOf(down.setActive('x', false));
    expect(err.message).toBe('SCIM PATCH http://127.0.0.1:1/scim/v2/Users/x failed: fetch failed');
    const remote = new OktaScimClient({
      baseUrl: 'https://dropbox.example/scim/v2',
      token: TOKEN,
      fetch: loopbackFetch,
    });
    expect((await failureOf(remote.findByUserName('a'))).code).toBe('HTTP_OUTBOUND_BLOCKED');
  });
});
