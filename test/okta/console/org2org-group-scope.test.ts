import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORLD_DEFAULTS } from '../../../harness/world/defaults.js';
import { errorCodeOf } from '../../routes-helpers.js';
import { type ConsoleWorld, consoleWorld, page, post } from './console-helpers.js';

/**
 * org1's Org2Org Assignments tab for people an assigned group holds. Okta refuses to unassign them
 * (403 E0000046; help.okta.com, "Unassign users from applications": remove the user from the group,
 * or unassign the application from the entire group), so the tab offers no Unassign for them: a
 * group-scoped person's row names the group, an individually assigned one gets Okta's
 * "Convert Assignments" (help.okta.com, "Convert an individual assignment to a group assignment").
 */
const [SARAH, DAVID] = WORLD_DEFAULTS.org1Users;
const TAB = '/admin/apps/org2org/assignments';
let cw: ConsoleWorld;
beforeAll(async () => {
  cw = await consoleWorld();
  const { org1 } = cw.world;
  const crew = org1.groups.create({ name: 'Crew' });
  org1.groups.addMember(crew.id, org1.directory.get(SARAH.login).id);
  await post(cw, 'org1', `${TAB}/assign-group`, { groupId: crew.id }).expect(303);
  await cw.world.settle();
  await org1.assign(DAVID.login);
  await org1.groupAdmin.addMember(crew.id, org1.directory.get(DAVID.login));
});
afterAll(() => cw?.world.close());

const idOf = (login: string) => cw.world.org1.directory.get(login).id;
async function rowOf(login: string) {
  const html = parse((await page(cw, 'org1', TAB)).text);
  return html.querySelectorAll('tbody tr').find((tr) => tr.querySelector('td a')?.text === login);
}

describe('Assigned people an assigned group holds', () => {
  it('a group-scoped person has no Unassign: the row says which group gives the app', async () => {
    const row = await rowOf(SARAH.login);
    expect(row?.querySelectorAll('td')[2]?.text).toBe('Group: Crew');
    expect(row?.querySelector('button')).toBeNull();
    const notes = parse((await page(cw, 'org1', TAB)).text).querySelectorAll('p.muted');
    expect(notes.map((p) => p.text)).toContainEqual(
      expect.stringContaining(
        'cannot be unassigned alone (Okta refuses it): remove them from the group, or unassign the group',
      ),
    );
  });

  it('a posted Unassign is refused with E0000046 and its cause; the person keeps the app', async () => {
    const res = await post(cw, 'org1', `${TAB}/unassign`, { userId: idOf(SARAH.login) });
    expect([res.status, errorCodeOf(res)]).toEqual([403, 'OKTA_E0000046']);
    expect(parse(res.text).querySelector('.error')?.text).toContain(
      'cannot be unassigned from the user while their group memberships grant them access',
    );
    expect(cw.world.org1.isAssigned(idOf(SARAH.login))).toBe(true);
  });

  it('an individually assigned member is offered Convert to group, which makes the assignment the group’s', async () => {
    const row = await rowOf(DAVID.login);
    expect(row?.querySelectorAll('td')[2]?.text).toBe('Individual, also Crew');
    expect(row?.querySelector(`button[aria-label="Unassign ${DAVID.login}"]`)).toBeNull();
    expect(row?.querySelector(`button[aria-label="Convert to group ${DAVID.login}"]`)).not.toBeNull();
    const res = await post(cw, 'org1', `${TAB}/convert`, { userId: idOf(DAVID.login) });
    expect([res.status, res.headers.location]).toEqual([303, `${TAB}?done=convert`]);
    expect(cw.world.org1.appUsers.find(cw.world.org1.app.id, idOf(DAVID.login))?.scope).toBe('GROUP');
    expect((await rowOf(DAVID.login))?.querySelectorAll('td')[2]?.text).toBe('Group: Crew');
  });
});
