import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SystemClock } from '../../harness/core/clock.js';
import { type HttpFetch, loopbackFetch } from '../../harness/core/http.js';
import { schedulerFor } from '../../harness/provisioning/scheduler.js';
import type { WorldConfig } from '../../harness/world/config.js';
import { WORLD_DEFAULTS } from '../../harness/world/defaults.js';
import { createWorld, type World } from '../../harness/world/world.js';

const [SARAH, DAVID] = WORLD_DEFAULTS.org1Users;
let world: World | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function start(config: WorldConfig = {}, fetch?: HttpFetch): Promise<World> {
  world = await createWorld(config, fetch ? { fetch } : {});
  return world;
}

/** org1's task list, read with the world's admin token. */
const tasks = (w: World, path: string) =>
  request(w.org1.url).get(path).set('Authorization', `SSWS ${w.tokens.superAdmin}`);

describe("org1's task list: GET /api/v1/apps/{appId}/tasks", () => {
  it('lists every push with status, attempts, errors and timestamps', async () => {
    const w = await start({ org1: { org2org: { provisioning: { token: 'read-only' } } } });
    await w.org1.assign(SARAH.login);
    w.configure({ org1: { org2org: { provisioning: { token: 'super-admin' } } } });
    await w.org1.assign(DAVID.login);
    const res = await tasks(w, `/api/v1/apps/${w.org1.app.id}/tasks`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        id: 1,
        action: 'create',
        login: SARAH.login,
        status: 'failed',
        attempts: 1,
        error: expect.objectContaining({ code: 'OKTA_E0000006' }),
        errors: [expect.objectContaining({ attempt: 1, code: 'OKTA_E0000006', status: 403 })],
        created: '2026-01-15T09:00:00.000Z',
        lastUpdated: '2026-01-15T09:00:00.000Z',
      }),
      expect.objectContaining({ id: 2, action: 'create', login: DAVID.login, status: 'done', errors: [] }),
    ]);
    const failed = await tasks(w, `/api/v1/apps/${w.org1.app.id}/tasks?status=failed`);
    expect(failed.body.map((t: { id: number }) => t.id)).toEqual([1]);
    const david = await tasks(w, `/api/v1/apps/${w.org1.app.id}/tasks?login=DAVID@org1.example`);
    expect(david.body.map((t: { id: number }) => t.id)).toEqual([2]);
    const one = await tasks(w, `/api/v1/apps/${w.org1.app.id}/tasks/2`);
    expect([one.status, one.body.targetId]).toEqual([200, w.org2.directory.get(DAVID.login).id]);
  });

  it('answers an unknown app or task 404 E0000007 and a bad status filter 400', async () => {
    const w = await start();
    const app = await tasks(w, '/api/v1/apps/0oaNOPE/tasks');
    expect([app.status, app.body.errorCode]).toEqual([404, 'E0000007']);
    const task = await tasks(w, `/api/v1/apps/${w.org1.app.id}/tasks/99`);
    expect([task.status, task.body.errorSummary]).toEqual([404, 'Not found: Resource not found: 99 (Task)']);
    const bad = await tasks(w, `/api/v1/apps/${w.org1.app.id}/tasks?status=weird`);
    expect([bad.status, bad.body.errorCode]).toEqual([400, 'E0000031']);
  });
});

describe('Org2Org connector', () => {
  it('links to the user its own lost create made instead of reporting a duplicate', async () => {
    let lost = false;
    const losing: HttpFetch = async (url, init) => {
      const res = await loopbackFetch(url, init);
      if (!lost && init?.method === 'POST' && new URL(url).pathname === '/api/v1/users') {
        lost = true;
        throw new TypeError('fetch failed');
      }
      return res;
    };
    const w = await start({}, losing);
    const task = await w.org1.assign(SARAH.login);
    expect(w.org2.directory.all()).toHaveLength(1);
    expect(task).toMatchObject({ status: 'done', action: 'link', attempts: 2 });
    expect(task?.errors.map((e) => e.code)).toEqual(['HTTP_FAILED', 'OKTA_E0000001']);
    expect(task?.targetId).toBe(w.org2.directory.get(SARAH.login).id);
  });

  it('pushes the app username as the org2 login: the email with the Email format, or the assignment’s own', async () => {
    const w = await start({
      org1: {
        users: [
          { login: 'smiller@org1.example', email: 'sarah@org1.example', firstName: 'S', lastName: 'M' },
          { login: 'dokafor@org1.example', email: 'david@org1.example', firstName: 'D', lastName: 'O' },
        ],
        org2org: { userNameFormat: 'EMAIL' },
      },
    });
    await w.org1.assign('smiller@org1.example');
    await w.org1.assign('dokafor@org1.example', 'david.o@org1.example');
    expect(w.org2.directory.all().map((u) => u.profile.login)).toEqual([
      'sarah@org1.example',
      'david.o@org1.example',
    ]);
    // A profile change re-computes the app username, except where the assignment set one.
    await w.org1.updateProfile('smiller@org1.example', { email: 'sarah.m@org1.example' });
    await w.org1.updateProfile('dokafor@org1.example', { email: 'd.okafor@org1.example' });
    expect(w.org2.directory.all().map((u) => u.profile.login)).toEqual([
      'sarah.m@org1.example',
      'david.o@org1.example',
    ]);
  });

  it('follows toggles changed on the running world', async () => {
    const w = await start();
    await w.org1.assign(SARAH.login);
    w.configure({ org1: { org2org: { provisioning: { update: false, retry: { maxAttempts: 1 } } } } });
    const update = await w.org1.updateProfile(SARAH.login, { lastName: 'Reyes' });
    expect(update?.status).toBe('skipped');
    expect(w.org2.directory.get(SARAH.login).profile.lastName).toBe('Miller');
    w.faults.org2.inject({ fault: 'error5xx' });
    const deactivation = await w.org1.unassign(SARAH.login);
    expect(deactivation).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: { code: 'OKTA_E0000009' },
    });
  });

  it('updates the org2 user it created by id, so a login change renames it', async () => {
    const seen: string[] = [];
    const spy: HttpFetch = (url, init) => {
      const { pathname } = new URL(url);
      if (pathname.startsWith('/api/v1/users'))
        seen.push(`${init?.method ?? 'GET'} ${pathname} ${init?.body ?? ''}`);
      return loopbackFetch(url, init);
    };
    const w = await start({}, spy);
    await w.org1.assign(SARAH.login);
    const id = w.org2.directory.get(SARAH.login).id;
    seen.length = 0;
    const renamed = 'sarah.reyes@org1.example';
    await w.org1.updateProfile(SARAH.login, { login: renamed });
    const body = {
      profile: { login: renamed, email: SARAH.email, firstName: SARAH.firstName, lastName: SARAH.lastName },
    };
    expect(seen).toEqual([`GET /api/v1/users/${id} `, `POST /api/v1/users/${id} ${JSON.stringify(body)}`]);
    expect(w.org2.directory.all().map((u) => [u.id, u.profile.login])).toEqual([[id, renamed]]);
  });

  it('sends every call with the SSWS token of the app', async () => {
    const seen: string[] = [];
    const spy: HttpFetch = (url, init) => {
      const auth = new Headers(init?.headers).get('authorization') ?? '';
      if (new URL(url).pathname.startsWith('/api/v1/users')) seen.push(auth);
      return loopbackFetch(url, init);
    };
    const w = await start({}, spy);
    await w.org1.assign(SARAH.login);
    await w.org1.updateProfile(SARAH.login, { firstName: 'Sara' });
    // The create, then the linked user's lookup and update.
    expect(seen.length).toBe(3);
    expect(new Set(seen)).toEqual(new Set([`SSWS ${w.tokens.superAdmin}`]));
  });
});

describe('schedulerFor the system clock', () => {
  it('waits on a real timer, leaving time alone', async () => {
    vi.useFakeTimers();
    try {
      let done = false;
      const wait = schedulerFor(new SystemClock())
        .sleep(60_000)
        .then(() => {
          done = true;
        });
      await vi.advanceTimersByTimeAsync(59_999);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await wait;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
