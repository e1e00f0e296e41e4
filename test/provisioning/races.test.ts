import { afterEach, describe, expect, it } from 'vitest';
import { loopbackFetch } from '../../harness/core/http.js';
import { WORLD_DEFAULTS } from '../../harness/world/defaults.js';
import { createWorld, type World } from '../../harness/world/world.js';

// Races: many concurrent requests for the same user end with exactly one user and every request
// accounted for (a success, a duplicate error or a link) — nothing lost, nothing doubled.

const N = 50;
const SARAH = WORLD_DEFAULTS.org1Users[0].login;
let world: World | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

const times = <T>(n: number, fn: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_, i) => fn(i)));

function count<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

describe('50 concurrent Org2Org assignments of the same user', () => {
  it('create her once; the other pushes update that same org2 user', async () => {
    world = await createWorld();
    const w = world;
    const tasks = await times(N, () => w.org1.assign(SARAH));
    expect(w.org2.directory.all()).toHaveLength(1);
    const org2Id = w.org2.directory.get(SARAH).id;
    expect(tasks.every((t) => t?.status === 'done' && t.targetId === org2Id)).toBe(true);
    expect(count(w.org1.connector.tasks, (t) => `${t.action} ${t.status}`)).toEqual({
      'create done': 1,
      'update done': N - 1,
    });
    expect(w.org1.connector.tasks[0]?.action).toBe('create');
  });

  it('with matchExisting and a hand-made org2 user: one link, no new user', async () => {
    world = await createWorld({
      org1: { org2org: { provisioning: { matchExisting: true } } },
      org2: { users: [{ login: SARAH, firstName: 'Sarah', lastName: 'Hand-Made' }] },
    });
    const w = world;
    await times(N, () => w.org1.assign(SARAH));
    expect(w.org2.directory.all()).toHaveLength(1);
    expect(count(w.org1.connector.tasks, (t) => `${t.action} ${t.status}`)).toEqual({
      'link done': 1,
      'update done': N - 1,
    });
    expect(w.org2.directory.get(SARAH).profile.lastName).toBe('Miller');
  });

  it('without matchExisting: every push is a duplicate error, the existing user untouched', async () => {
    world = await createWorld({
      org2: { users: [{ login: SARAH, firstName: 'Sarah', lastName: 'Hand-Made' }] },
    });
    const w = world;
    const tasks = await times(N, () => w.org1.assign(SARAH));
    expect(w.org2.directory.all()).toHaveLength(1);
    expect(tasks.map((t) => t?.error?.code)).toEqual(Array(N).fill('OKTA_E0000001'));
    expect(w.org2.directory.get(SARAH).profile.lastName).toBe('Hand-Made');
  });

  it('of 50 different users, with 20 calls failing 500, all 50 arrive after retries', async () => {
    const users = Array.from({ length: N }, (_, i) => ({
      login: `user${i}@org1.example`,
      firstName: 'User',
      lastName: String(i),
    }));
    world = await createWorld({ org1: { users } });
    const w = world;
    w.faults.org2.inject({ fault: 'error5xx', count: 20 });
    const tasks = await times(N, (i) => w.org1.assign(`user${i}@org1.example`));
    expect(tasks.every((t) => t?.status === 'done')).toBe(true);
    expect(w.org2.directory.all()).toHaveLength(N);
    const retries = w.org1.connector.tasks.reduce((n, t) => n + t.attempts - 1, 0);
    expect(retries).toBe(20);
    expect(w.faults.org2.hits).toHaveLength(20);
  });
});

describe('50 concurrent POST /api/v1/users of the same login at org2', () => {
  it('create one user; the other 49 get 400 E0000001', async () => {
    world = await createWorld();
    const w = world;
    const responses = await times(N, () =>
      loopbackFetch(`${w.org2.url}/api/v1/users?activate=true`, {
        method: 'POST',
        headers: { Authorization: `SSWS ${w.tokens.superAdmin}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          profile: {
            login: 'race@org2.example',
            email: 'race@org2.example',
            firstName: 'R',
            lastName: 'Ace',
          },
        }),
      }),
    );
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ errorCode?: string }>));
    expect(count(responses, (r) => String(r.status))).toEqual({ '200': 1, '400': N - 1 });
    expect(bodies.filter((b) => b.errorCode === 'E0000001')).toHaveLength(N - 1);
    expect(w.org2.directory.findBy('login', 'race@org2.example')).toHaveLength(1);
    expect(w.org2.directory.all()).toHaveLength(1);
  });
});

describe('50 concurrent SCIM POSTs of the same userName at dropbox', () => {
  it('make one member; the other 49 get 409 with the Error schema, whatever the case', async () => {
    world = await createWorld();
    const w = world;
    const responses = await times(N, (i) =>
      loopbackFetch(`${w.dropbox.scimUrl}/Users`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${w.tokens.scim}`, 'Content-Type': 'application/scim+json' },
        body: JSON.stringify({
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
          userName: i % 2 ? 'Race@Dropbox.example' : 'race@dropbox.example',
          name: { givenName: 'R', familyName: 'Ace' },
          emails: [{ primary: true, value: 'race@dropbox.example', type: 'work' }],
          active: true,
        }),
      }),
    );
    const bodies = await Promise.all(
      responses.map((r) => r.json() as Promise<{ status?: string; schemas?: string[] }>),
    );
    expect(count(responses, (r) => String(r.status))).toEqual({ '201': 1, '409': N - 1 });
    const conflicts = bodies.filter((b) => b.status === '409');
    expect(conflicts).toHaveLength(N - 1);
    expect(conflicts.every((b) => b.schemas?.[0] === 'urn:ietf:params:scim:api:messages:2.0:Error')).toBe(
      true,
    );
    expect(w.dropbox.team.all()).toHaveLength(1);
  });

  it('org2 assigning the same user to Dropbox 50 times at once provisions one member', async () => {
    world = await createWorld();
    const w = world;
    await w.org1.assign(SARAH);
    await times(N, () => w.org2.assignDropbox(SARAH));
    await w.settle();
    expect(w.dropbox.team.all()).toHaveLength(1);
    const tasks = w.org2.provisioner.tasks;
    expect(tasks.filter((t) => t.status !== 'done')).toEqual([]);
    expect(count(tasks, (t) => t.action)).toEqual({ create: 1, update: N - 1 });
  });
});
