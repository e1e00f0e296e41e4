import { Client, DefaultRequestExecutor, type User } from '@okta/okta-sdk-nodejs';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FixedClock } from '../../harness/core/clock.js';
import { SeededIds } from '../../harness/core/ids.js';
import { type Listening, listen } from '../../harness/core/listen.js';
import { createOrgApi } from '../../harness/okta/api/org-api.js';
import { DEFAULT_RATE_LIMIT, RateLimiter } from '../../harness/okta/api/rate-limit.js';
import { Directory } from '../../harness/okta/directory.js';

// Okta's own Node SDK against org2's API on a loopback port: the proof that the API is Okta-shaped.

const TOKEN = 'sdk-super-admin-token';
const NAMES = ['ann', 'bob', 'cat', 'dan', 'eve', 'fay', 'gus'];
const PAGE = 3;

let server: Listening;
let client: Client;
let directory: Directory;
const clock = new FixedClock('2026-01-15T09:00:00Z');
const limiter = new RateLimiter({ ...DEFAULT_RATE_LIMIT, clock });
/** Every URL the SDK asked for, as the server saw it. */
const seen: string[] = [];

beforeAll(async () => {
  // The SDK also reads okta.yaml, OKTA_CLIENT_* and HTTPS_PROXY: keep the machine's out of it.
  for (const name of ['HTTPS_PROXY', 'https_proxy', 'OKTA_CLIENT_ORGURL', 'OKTA_CLIENT_TOKEN']) {
    vi.stubEnv(name, '');
  }
  directory = new Directory(clock, new SeededIds('sdk'));
  const app = express();
  app.use((req, _res, next) => {
    seen.push(`${req.method} ${req.originalUrl}`);
    next();
  });
  app.use(
    '/api/v1',
    createOrgApi({
      clock,
      directory,
      ids: new SeededIds('sdk-api'),
      tokens: new Map([[TOKEN, 'SUPER_ADMIN']]),
      baseUrl: () => server.url,
      sessionUser: () => undefined,
      apps: () => [],
      assign: async () => undefined,
      unassign: async () => undefined,
      rateLimit: limiter,
    }),
  );
  server = await listen(app);
  client = new Client({
    orgUrl: server.url,
    token: TOKEN,
    authorizationMode: 'SSWS',
    // No cache (it would answer GETs from memory) and no retries (a 429 must surface here).
    cacheMiddleware: null,
    requestExecutor: new DefaultRequestExecutor({ maxRetries: 0, requestTimeout: 0 }),
  });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server?.close();
});

const profileOf = (name: string) => ({
  login: `${name}@org2.example`,
  email: `${name}@org2.example`,
  firstName: name.toUpperCase(),
  lastName: 'Sdk',
});

async function all(users: AsyncIterable<User | null>): Promise<User[]> {
  const out: User[] = [];
  for await (const user of users) if (user) out.push(user);
  return out;
}

describe('@okta/okta-sdk-nodejs against org2', () => {
  it('creates users, active or staged, over SSWS', async () => {
    for (const name of NAMES) {
      const user = await client.userApi.createUser({
        body: { profile: profileOf(name) },
        activate: name !== 'gus',
      });
      expect(user.id).toMatch(/^00u/);
    }
    expect(directory.all().map((u) => u.status)).toEqual([...Array(6).fill('PROVISIONED'), 'STAGED']);
    expect(seen.filter((s) => s.startsWith('POST /api/v1/users?activate='))).toHaveLength(NAMES.length);
  });

  it('lists every user, following the Link header across pages of 3', async () => {
    seen.length = 0;
    const users = await all(await client.userApi.listUsers({ limit: PAGE }));
    expect(users.map((u) => u.profile?.login)).toEqual(NAMES.map((n) => `${n}@org2.example`));
    const ids = directory.all().map((u) => u.id);
    expect(seen).toEqual([
      `GET /api/v1/users?limit=${PAGE}`,
      `GET /api/v1/users?after=${ids[2]}&limit=${PAGE}`,
      `GET /api/v1/users?after=${ids[5]}&limit=${PAGE}`,
    ]);
  });

  it('filters and searches through the SDK', async () => {
    const staged = await all(await client.userApi.listUsers({ filter: 'status eq "STAGED"' }));
    expect(staged.map((u) => u.profile?.login)).toEqual(['gus@org2.example']);
    const search = await all(await client.userApi.listUsers({ search: 'profile.firstName sw "E"' }));
    expect(search.map((u) => u.profile?.firstName)).toEqual(['EVE']);
  });

  it('gets a user by login, and updates a profile field', async () => {
    const ann = await client.userApi.getUser({ userId: 'ann@org2.example' });
    expect(ann.id).toBe(directory.get('ann@org2.example').id);
    const updated = await client.userApi.updateUser({
      userId: ann.id as string,
      user: { profile: { lastName: 'Updated' } },
    });
    expect(updated.profile?.lastName).toBe('Updated');
    expect(directory.get('ann@org2.example').profile).toMatchObject({
      lastName: 'Updated',
      firstName: 'ANN',
    });
  });

  it('deactivates and deletes a user, as the directory then shows', async () => {
    const bob = directory.get('bob@org2.example').id;
    await client.userApi.deactivateUser({ userId: bob });
    expect(directory.get(bob).status).toBe('DEPROVISIONED');
    await client.userApi.deleteUser({ userId: bob });
    expect(directory.find(bob)).toBeUndefined();
    const left = await all(await client.userApi.listUsers({ limit: PAGE }));
    expect(left).toHaveLength(NAMES.length - 1);
  });

  it('surfaces Okta’s error body as an OktaApiError', async () => {
    const failure = client.userApi.getUser({ userId: 'nobody@org2.example' });
    await expect(failure).rejects.toMatchObject({
      status: 404,
      errorCode: 'E0000007',
      errorSummary: 'Not found: Resource not found: nobody@org2.example (User)',
    });
  });

  it('gets 429 E0000047 over the limit, and its retry waits Reset − Date', async () => {
    limiter.configure({ limit: 1 });
    clock.advance(59_500); // half a second before the window ends
    await client.userApi.getUser({ userId: 'ann@org2.example' });
    await expect(client.userApi.getUser({ userId: 'ann@org2.example' })).rejects.toMatchObject({
      status: 429,
      errorCode: 'E0000047',
    });
    const executor = new DefaultRequestExecutor({ maxRetries: 1, requestTimeout: 0 });
    const delays: number[] = [];
    // The SDK sleeps in real time; the org's clock must move on by itself meanwhile.
    executor.on('backoff', (_req, _res, _id, delayMs: number) => {
      delays.push(delayMs);
      clock.advance(1000);
    });
    const retrying = new Client({
      orgUrl: server.url,
      token: TOKEN,
      authorizationMode: 'SSWS',
      cacheMiddleware: null,
      requestExecutor: executor,
    });
    const ann = await retrying.userApi.getUser({ userId: 'ann@org2.example' });
    expect(ann.profile?.login).toBe('ann@org2.example');
    // Date has whole seconds (09:00:59) and Reset is 09:01:00; the SDK adds a second of margin.
    expect(delays).toEqual([2000]);
    limiter.configure({ limit: DEFAULT_RATE_LIMIT.limit });
  });
});
