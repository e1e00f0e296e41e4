import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixedClock } from '../../harness/core/clock.js';
import type { WorldConfig } from '../../harness/world/config.js';
import { createWorld, type World } from '../../harness/world/world.js';

// Okta management spec (okta/okta-management-openapi-spec, dist/current/management-minimal.yaml):
// AppUser `status` (AppUserStatus: STAGED = no externalId, push queued; PROVISIONED = pushed and
// externalId set; ACTIVE = the app has no provisioning), `syncState` (AppUserSyncState:
// SYNCHRONIZED, ERROR, DISABLED when provisioning is off), `lastSync`, `externalId`, `credentials.userName`.

const SARAH = 'sarah@org1.example';
let world: World | undefined;
afterEach(() => world?.close());

/** Sarah assigned to Dropbox through org2's API; `before` runs before that POST, `after` after it. */
async function dropboxAppUser(
  config: WorldConfig,
  hooks: { before?: (w: World) => void; after?: (w: World) => Promise<void> } = {},
) {
  const w = await createWorld(config);
  world = w;
  await w.org1.assign(SARAH);
  hooks.before?.(w);
  const org2User = w.org2.directory.get(SARAH);
  const appId = w.org2.options.dropbox.id;
  const api = (method: 'get' | 'post', path: string) =>
    request(w.org2.url)
      [method](`/api/v1/apps/${appId}${path}`)
      .set('Authorization', `SSWS ${w.tokens.superAdmin}`);
  const assigned = await api('post', '/users').send({ id: org2User.id });
  await hooks.after?.(w);
  await w.settle();
  const one = await api('get', `/users/${org2User.id}`).expect(200);
  const list = await api('get', '/users').expect(200);
  expect(list.body).toEqual([one.body]);
  return { assigned, appUser: one.body };
}

describe('GET /api/v1/apps/{appId}/users shows what provisioning left', () => {
  it('a successful push: PROVISIONED, SYNCHRONIZED, lastSync, the SCIM id as externalId, the app username', async () => {
    const { assigned, appUser } = await dropboxAppUser({});
    expect(assigned.status).toBe(200);
    expect(appUser).toMatchObject({
      status: 'PROVISIONED',
      syncState: 'SYNCHRONIZED',
      credentials: { userName: SARAH },
      lastSync: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(appUser.externalId).toBe(world?.org2.provisioner.externalId(appUser.id));
    expect(appUser.externalId).toEqual(expect.any(String));
    // org1's Org2Org app user records its push the same way.
    const org1 = world?.org1;
    expect(org1?.appUsers.find(org1.app.id, org1.directory.get(SARAH).id)).toMatchObject({
      status: 'PROVISIONED',
      syncState: 'SYNCHRONIZED',
    });
  });

  it('a failed create: STAGED (no externalId) with syncState ERROR and no lastSync', async () => {
    const { assigned, appUser } = await dropboxAppUser(
      { org2: { dropbox: { provisioning: { retry: { maxAttempts: 1 } } } } },
      { before: (w) => w.faults.dropbox.inject({ fault: 'error5xx' }) },
    );
    // Okta's assignment succeeds; the push runs behind it.
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'STAGED', syncState: 'ERROR', externalId: null });
    expect(appUser).toMatchObject({ status: 'STAGED', syncState: 'ERROR', externalId: null });
    expect(appUser).not.toHaveProperty('lastSync');
    expect(world?.org2.provisioner.tasks.at(-1)).toMatchObject({ action: 'create', status: 'failed' });
  });

  it('a failed update after a successful create: PROVISIONED with syncState ERROR, lastSync kept', async () => {
    let before: string | undefined;
    const { appUser } = await dropboxAppUser(
      { org2: { dropbox: { provisioning: { retry: { maxAttempts: 1 } } } } },
      {
        after: async (w) => {
          before = w.org2.appUsers
            .find(w.org2.options.dropbox.id, w.org2.directory.get(SARAH).id)
            ?.lastSync?.toISOString();
          w.faults.dropbox.inject({ fault: 'error5xx' });
          await w.org1.updateProfile(SARAH, { lastName: 'Reyes' });
        },
      },
    );
    expect(appUser).toMatchObject({ status: 'PROVISIONED', syncState: 'ERROR', lastSync: before });
    expect(world?.org2.provisioner.tasks.at(-1)).toMatchObject({ action: 'update', status: 'failed' });
  });

  it('an app without provisioning: ACTIVE, DISABLED, no externalId and no lastSync', async () => {
    const { appUser } = await dropboxAppUser({ org2: { dropbox: { provisioning: { enabled: false } } } });
    expect(appUser).toMatchObject({ status: 'ACTIVE', syncState: 'DISABLED', externalId: null });
    expect(appUser).not.toHaveProperty('lastSync');
  });
});

// AppUserStatus INACTIVE: "provisioned, but isn't enabled to use the app" (same spec, AppUserStatus).
describe('deactivation pushes show on the app user', () => {
  const org1AppUser = (w: World) => w.org1.appUsers.find(w.org1.app.id, w.org1.directory.get(SARAH).id);

  it('Org2Org: deactivating Sarah in org1 leaves her app user INACTIVE, SYNCHRONIZED, lastSync moved', async () => {
    const w = await createWorld();
    world = w;
    await w.org1.assign(SARAH);
    const pushedAt = org1AppUser(w)?.lastSync?.getTime();
    (w.clock as FixedClock).advance(60_000);
    const task = await w.org1.deactivate(SARAH);
    expect(task).toMatchObject({ action: 'deactivate', status: 'done' });
    const appUser = org1AppUser(w);
    expect(appUser).toMatchObject({ status: 'INACTIVE', syncState: 'SYNCHRONIZED' });
    expect(appUser?.lastSync?.getTime()).toBe((pushedAt ?? 0) + 60_000);
    expect(appUser?.statusChanged).toEqual(appUser?.lastSync);
  });

  it('Org2Org: a deactivation org2 refuses keeps PROVISIONED with ERROR', async () => {
    const w = await createWorld({ org1: { org2org: { provisioning: { retry: { maxAttempts: 1 } } } } });
    world = w;
    await w.org1.assign(SARAH);
    w.faults.org2.inject({ fault: 'error5xx' });
    expect(await w.org1.deactivate(SARAH)).toMatchObject({ action: 'deactivate', status: 'failed' });
    expect(org1AppUser(w)).toMatchObject({ status: 'PROVISIONED', syncState: 'ERROR' });
  });

  it('Dropbox: an org2 user deactivated is INACTIVE through the Apps API, PROVISIONED again once reactivated', async () => {
    const { appUser } = await dropboxAppUser(
      {},
      { after: async (w) => void w.org2.directory.deactivate(SARAH) },
    );
    expect(appUser).toMatchObject({ status: 'INACTIVE', syncState: 'SYNCHRONIZED' });
    const w = world as World;
    w.org2.directory.activate(SARAH);
    await w.settle();
    expect(w.org2.appUsers.find(w.org2.options.dropbox.id, appUser.id)).toMatchObject({
      status: 'PROVISIONED',
      syncState: 'SYNCHRONIZED',
    });
  });
});
