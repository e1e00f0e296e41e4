import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORLD_DEFAULTS } from '../../../harness/world/defaults.js';
import {
  api,
  type ConsoleWorld,
  comparable,
  consoleWorld,
  lastEvent,
  page,
  post,
} from './console-helpers.js';

/**
 * Directory → Groups and Security → API tokens (#14 §1) in org1's console: group changes go
 * through the Groups API's path (GroupAdmin: same state, same event); token values never appear.
 */
const [SARAH, DAVID] = WORLD_DEFAULTS.org1Users;
let cw: ConsoleWorld;
beforeAll(async () => {
  cw = await consoleWorld();
});
afterAll(() => cw?.world.close());

describe('groups', () => {
  it('creates a group, adds and removes a member, each with the Groups API’s event', async () => {
    const list = await page(cw, 'org1', '/admin/groups');
    expect(list.status).toBe(200);
    const created = await post(cw, 'org1', '/admin/groups', {
      name: 'Console Crew',
      description: 'made here',
    });
    expect(created.status).toBe(303);
    const group = cw.world.org1.groups.findByName('Console Crew');
    expect(created.headers.location).toBe(`/admin/groups/${group?.id}?done=create`);
    expect(lastEvent(cw, 'org1')?.eventType).toBe('group.lifecycle.create');

    const added = await post(cw, 'org1', `/admin/groups/${group?.id}/members`, { login: DAVID.login });
    expect(added.status).toBe(303);
    const david = cw.world.org1.directory.get(DAVID.login);
    expect(group?.members.has(david.id)).toBe(true);
    const fromConsole = comparable(lastEvent(cw, 'org1'));
    await api(cw, 'org1', 'delete', `/groups/${group?.id}/users/${david.id}`).expect(204);
    await api(cw, 'org1', 'put', `/groups/${group?.id}/users/${david.id}`).expect(204);
    expect(fromConsole).toEqual(comparable(lastEvent(cw, 'org1')));

    const shown = await page(cw, 'org1', `/admin/groups/${group?.id}`);
    expect(parse(shown.text).querySelector('tbody')?.text).toContain(DAVID.login);
    const removed = await post(cw, 'org1', `/admin/groups/${group?.id}/members/${david.id}/remove`);
    expect(removed.status).toBe(303);
    expect(group?.members.has(david.id)).toBe(false);
    expect(lastEvent(cw, 'org1')?.eventType).toBe('group.user_membership.remove');
  });
});

describe('org1 group changes push pushed groups, whichever way they are made', () => {
  it('a member added through the Groups API is pushed to org2 like one added by a step', async () => {
    const { org1, org2 } = cw.world;
    await org1.assign(SARAH.login);
    await org1.assign(DAVID.login);
    await cw.world.settle();
    const { group: pushed } = await org1.groupAdmin.create({ name: 'Pushed Crew' });
    await org1.groupAdmin.addMember(pushed.id, org1.directory.get(SARAH.login));
    await org1.groupPush.push(pushed);
    const david = org1.directory.get(DAVID.login);
    await api(cw, 'org1', 'put', `/groups/${pushed.id}/users/${david.id}`).expect(204);
    const inOrg2 = org2.groups.findByName(pushed.profile.name);
    expect(inOrg2?.members.has(org2.directory.get(DAVID.login).id)).toBe(true);
  });
});

describe('API tokens', () => {
  it('lists the tokens by role with only their last four characters', async () => {
    const res = await page(cw, 'org1', '/admin/api-tokens');
    expect(res.status).toBe(200);
    const { superAdmin, readOnly } = cw.world.tokens;
    for (const token of [superAdmin, readOnly]) {
      expect(res.text).not.toContain(token);
      expect(res.text).toContain(`••••••••${token.slice(-4)}`);
    }
    expect(parse(res.text).querySelector('tbody')?.text).toContain('Super Administrator');
  });
});
