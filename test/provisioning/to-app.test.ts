import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { type HttpFetch, loopbackFetch } from '../../harness/core/http.js';
import { WORLD_DEFAULTS } from '../../harness/world/defaults.js';
import { createWorld, type World } from '../../harness/world/world.js';

// org2's To-App client towards Dropbox's SCIM server, as Okta's behaves, under injected faults.

const SARAH = WORLD_DEFAULTS.org1Users[0].login;
let world: World | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

interface Seen {
  method: string;
  path: string;
  agent: string | null;
}

async function recordingWorld(): Promise<{ w: World; seen: Seen[] }> {
  const seen: Seen[] = [];
  const spy: HttpFetch = (url, init) => {
    const { pathname, search } = new URL(url);
    if (pathname.startsWith('/scim/v2'))
      seen.push({
        method: init?.method ?? 'GET',
        path: `${pathname}${search}`,
        agent: new Headers(init?.headers).get('user-agent'),
      });
    return loopbackFetch(url, init);
  };
  world = await createWorld({}, { fetch: spy });
  return { w: world, seen };
}

describe("org2's To-App SCIM client", () => {
  it('looks up, creates, updates the kept id by GET+PUT and deactivates by PATCH — never DELETE', async () => {
    const { w, seen } = await recordingWorld();
    await w.org1.assign(SARAH);
    await w.org2.assignDropbox(SARAH);
    await w.org1.updateProfile(SARAH, { lastName: 'Reyes' });
    await w.settle();
    await w.org2.unassignDropbox(SARAH);
    expect(seen.map((s) => `${s.method} ${s.path.split('?')[0]?.replace(/[0-9a-f-]{36}/, '{id}')}`)).toEqual([
      'GET /scim/v2/Users',
      'POST /scim/v2/Users',
      'GET /scim/v2/Users/{id}',
      'PUT /scim/v2/Users/{id}',
      'PATCH /scim/v2/Users/{id}',
    ]);
    expect(seen[0]?.path).toBe(
      `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${SARAH}"`)}&startIndex=1&count=100`,
    );
    expect(new Set(seen.map((s) => s.agent))).toEqual(new Set(['Okta SCIM Client 1.0.0']));
    expect(w.dropbox.team.all().map((m) => [m.familyName, m.state])).toEqual([['Reyes', 'suspended']]);
  });

  // Okta updates the SCIM id it stored as the app user's externalId:
  // https://support.okta.com/help/s/article/Existing-SCIM-User-Being-Created-at-Assignment
  it('renames the member at the kept id and shows that id as the app user’s externalId', async () => {
    const { w, seen } = await recordingWorld();
    await w.org1.assign(SARAH);
    await w.org2.assignDropbox(SARAH);
    const [member] = w.dropbox.team.all();
    seen.length = 0;
    await w.org1.updateProfile(SARAH, {
      login: 'sarah.reyes@org1.example',
      email: 'sarah.reyes@org1.example',
    });
    await w.settle();
    expect(seen.map((s) => [s.method, s.path, s.agent])).toEqual([
      ['GET', `/scim/v2/Users/${member?.id}`, 'Okta SCIM Client 1.0.0'],
      ['PUT', `/scim/v2/Users/${member?.id}`, 'Okta SCIM Client 1.0.0'],
    ]);
    expect(w.dropbox.team.all().map((m) => [m.id, m.userName])).toEqual([
      [member?.id, 'sarah.reyes@org1.example'],
    ]);
    const userId = w.org2.directory.get('sarah.reyes@org1.example').id;
    const appUser = await request(w.org2.url)
      .get(`/api/v1/apps/${w.org2.options.dropbox.id}/users/${userId}`)
      .set('Authorization', `SSWS ${w.tokens.superAdmin}`);
    expect([appUser.status, appUser.body.externalId, appUser.body.credentials.userName]).toEqual([
      200,
      member?.id,
      'sarah.reyes@org1.example',
    ]);
  });

  it('retries a dropped connection, a 500 and a 429 with one task and one member', async () => {
    const { w, seen } = await recordingWorld();
    await w.org1.assign(SARAH);
    w.faults.dropbox.inject({ fault: 'drop' });
    w.faults.dropbox.inject({ fault: 'error5xx' });
    w.faults.dropbox.inject({ fault: 'rateLimit', ms: 10_000 });
    const before = w.clock.now().getTime();
    await w.org2.assignDropbox(SARAH);
    const [task] = w.org2.provisioner.tasks;
    expect(task).toMatchObject({ action: 'create', status: 'done', attempts: 4 });
    expect(task?.errors.map((e) => [e.status ?? 'dropped', e.waitMs])).toEqual([
      ['dropped', 1000],
      [500, 2000],
      [429, 10_000],
    ]);
    expect(w.clock.now().getTime() - before).toBe(13_000);
    expect(w.dropbox.team.all()).toHaveLength(1);
    expect(seen.filter((s) => s.method === 'POST')).toHaveLength(1);
    expect(seen.some((s) => s.method === 'DELETE')).toBe(false);
  });
});
