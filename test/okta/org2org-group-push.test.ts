import { afterEach, describe, expect, it } from 'vitest';
import type { WorldConfig } from '../../harness/world/config.js';
import { createWorld, type World } from '../../harness/world/world.js';

// Org2Org's Push Groups over org2's Groups API (management OpenAPI spec: createGroup,
// replaceGroup, assignUserToGroup, unassignUserFromGroup, deleteGroup); behaviour from Okta help
// "Enable Group Push" and "Group Push prerequisites". See docs/decisions/org2org-group-push.md.

const SARAH = 'sarah@org1.example';
let world: World | undefined;
afterEach(() => world?.close());

const withEngineering: WorldConfig = {
  org1: {
    users: [
      { login: SARAH, firstName: 'Sarah', lastName: 'Miller', password: 'pw', groups: ['Engineering'] },
    ],
    org2org: { provisioning: { retry: { maxAttempts: 2, backoffSeconds: 1 } } },
  },
};

async function pushedWorld(config: WorldConfig = withEngineering) {
  const w = await createWorld(config);
  world = w;
  return { w, group: w.org1.group('Engineering') };
}

describe("Org2Org's group push", () => {
  it('keeps the org2 group id it created and pushes members by their org2 user ids', async () => {
    const { w, group } = await pushedWorld();
    await w.org1.assign(SARAH);
    const task = await w.org1.groupPush.push(group);
    const remoteId = w.org1.groupPush.remoteIdOf(group.id);
    expect(remoteId).toMatch(/^00g/);
    const org2Group = w.org2.groups.get(remoteId as string);
    expect(org2Group.profile.name).toBe('Engineering');
    expect([...org2Group.members]).toEqual([w.org1.connector.links.get(w.org1.directory.get(SARAH).id)]);
    expect(task).toMatchObject({ action: 'add', status: 'done', targetId: remoteId });
    expect(w.org1.groupPush.log.tasks.map((t) => t.action)).toEqual(['push', 'add']);
  });

  it('pushes nobody before they are provisioned, and removes a member once unassigned', async () => {
    const { w, group } = await pushedWorld();
    await w.org1.groupPush.push(group);
    const org2Group = () => w.org2.groups.get(w.org1.groupPush.remoteIdOf(group.id) as string);
    expect(org2Group().members.size).toBe(0);
    await w.org1.assign(SARAH);
    expect(org2Group().members.size).toBe(1);
    await w.org1.unassign(SARAH);
    expect(org2Group().members.size).toBe(0);
    expect(w.org1.groupPush.log.tasks.at(-1)).toMatchObject({ action: 'remove', status: 'done' });
  });

  it('a membership push failing past its retries is a FAILURE group_membership.add event, and the next sync resumes', async () => {
    const { w, group } = await pushedWorld();
    await w.org1.groupPush.push(group);
    await w.org1.assign(SARAH);
    await w.org1.setGroups(SARAH, []);
    // Re-joining: the membership PUT meets a 500 at both of its tries.
    w.faults.org2.inject({ fault: 'error5xx', count: 2 });
    const [failed] = await w.org1.setGroups(SARAH, ['Engineering']);
    expect(failed).toMatchObject({ action: 'add', status: 'failed', attempts: 2 });
    const events = w.org1.log.events.filter(
      (e) => e.eventType === 'application.provision.group_membership.add',
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      outcome: { result: 'FAILURE' },
      target: [{ id: group.id, type: 'UserGroup', alternateId: 'Engineering' }, { type: 'AppInstance' }],
      debugContext: { debugData: { attempts: '2', httpStatus: '500' } },
    });
    expect(await w.org1.groupPush.syncAll()).toEqual([]);
    expect(w.org2.groups.get(w.org1.groupPush.remoteIdOf(group.id) as string).members.size).toBe(1);
  });

  it('does nothing while Org2Org provisioning is off (Group Push needs provisioning)', async () => {
    const { w, group } = await pushedWorld({
      ...withEngineering,
      org1: { ...withEngineering.org1, org2org: { provisioning: { enabled: false } } },
    });
    expect(await w.org1.groupPush.push(group)).toBeUndefined();
    expect(w.org2.groups.all()).toEqual([]);
  });

  it('refuses pushGroups in a running world (configure): a push is the pushGroup step', async () => {
    const { w } = await pushedWorld();
    expect(() => w.configure({ org1: { org2org: { pushGroups: ['Engineering'] } } })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });
});
