import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORLD_DEFAULTS } from '../../../harness/world/defaults.js';
import { errorCodeOf } from '../../routes-helpers.js';
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
 * Directory → People (#14 §1) in org1's console: list, search, a person's page, adding a person
 * and each lifecycle button, every change through the Users API's own path (UserAdmin): the same
 * state and the same System Log event as the API call.
 */
const [SARAH, DAVID] = WORLD_DEFAULTS.org1Users;
let cw: ConsoleWorld;
beforeAll(async () => {
  cw = await consoleWorld();
});
afterAll(() => cw?.world.close());

const idOf = (login: string) => cw.world.org1.directory.get(login).id;
const rowsOf = (html: string) => parse(html).querySelectorAll('tbody tr');

describe('the people list', () => {
  it('lists every user with status and provider, and finds people by name, email or login', async () => {
    const all = await page(cw, 'org1', '/admin/people');
    expect(all.status).toBe(200);
    expect(rowsOf(all.text)).toHaveLength(cw.world.org1.directory.all().length);
    const byName = await page(cw, 'org1', `/admin/people?q=${encodeURIComponent(DAVID.firstName)}`);
    expect(rowsOf(byName.text).map((r) => r.text)).toEqual([expect.stringContaining(DAVID.login)]);
    const none = await page(cw, 'org1', '/admin/people?q=nobody-here');
    expect(none.text).toContain('0 people match');
  });

  it('filters by status and pages through 20 at a time', async () => {
    for (let i = 0; i < 25; i++)
      cw.world.org1.directory.create(
        {
          login: `bulk${i}@org1.example`,
          email: `bulk${i}@org1.example`,
          firstName: 'Bulk',
          lastName: `${i}`,
        },
        { activate: false },
      );
    const staged = await page(cw, 'org1', '/admin/people?status=STAGED');
    expect(rowsOf(staged.text)).toHaveLength(20);
    expect(staged.text).toContain('Page 1 of 2');
    const second = await page(cw, 'org1', '/admin/people?status=STAGED&page=2');
    expect(rowsOf(second.text)).toHaveLength(5);
  });
});

describe("a person's page", () => {
  it('shows profile, status, provider, groups and apps', async () => {
    await cw.world.org1.assign(SARAH.login);
    const res = await page(cw, 'org1', `/admin/people/${idOf(SARAH.login)}`);
    expect(res.status).toBe(200);
    const text = parse(res.text).text;
    for (const fact of [SARAH.login, 'ACTIVE', 'OKTA', cw.world.org1.app.label, 'PROVISIONED'])
      expect(text).toContain(fact);
    for (const group of cw.world.org1.groups.groupsOf(idOf(SARAH.login)))
      expect(text).toContain(group.profile.name);
  });

  it('an unknown person is the console error page with the API code', async () => {
    const res = await page(cw, 'org1', '/admin/people/00unope');
    expect([res.status, errorCodeOf(res)]).toEqual([404, 'OKTA_E0000007']);
  });
});

describe('lifecycle buttons: the same change and event as the Users API', () => {
  it.each([
    ['suspend', 'SUSPENDED', 'unsuspend'],
    ['expire_password', 'PASSWORD_EXPIRED', undefined],
  ] as const)('%s leaves %s and the API’s event', async (action, status, undo) => {
    const login = `${action}@org1.example`;
    const mk = () =>
      cw.world.org1.users.create(
        { login, email: login, firstName: 'Life', lastName: 'Cycle' },
        { password: 'Life-Passw0rd!1' },
      );
    const { user } = await mk();
    const res = await post(cw, 'org1', `/admin/people/${user.id}/lifecycle/${action}`);
    expect([res.status, res.headers.location]).toEqual([303, `/admin/people/${user.id}?done=${action}`]);
    expect(cw.world.org1.directory.get(user.id).status).toBe(status);
    const fromConsole = comparable(lastEvent(cw, 'org1'));
    if (undo) await api(cw, 'org1', 'post', `/users/${user.id}/lifecycle/${undo}`).expect(200);
    else {
      await cw.world.org1.users.delete(user.id);
      await cw.world.org1.users.delete(user.id);
      await mk();
    }
    const again = cw.world.org1.directory.get(login).id;
    await api(cw, 'org1', 'post', `/users/${again}/lifecycle/${action}`).expect(200);
    const fromApi = comparable(lastEvent(cw, 'org1'));
    expect(fromConsole).toEqual({ ...fromApi, target: fromConsole?.target });
    expect(fromConsole?.target[0]?.alternateId).toBe(login);
  });

  it('deactivating an assigned user ends their sessions and deactivates them in org2, as the API does', async () => {
    const { org1, org2 } = cw.world;
    await org1.assign(DAVID.login);
    await cw.world.settle();
    const res = await post(cw, 'org1', `/admin/people/${idOf(DAVID.login)}/lifecycle/deactivate`);
    expect(res.status).toBe(303);
    expect(org1.directory.get(DAVID.login).status).toBe('DEPROVISIONED');
    expect(org2.directory.get(DAVID.login).status).toBe('DEPROVISIONED');
    expect(org1.log.events.map((e) => e.eventType)).toContain('user.lifecycle.deactivate');
    const person = await page(cw, 'org1', res.headers.location);
    expect(person.text).toContain('The person was deactivated');
    expect(
      parse(person.text)
        .querySelectorAll('.actions button')
        .map((b) => b.text),
    ).toEqual(['Activate', 'Delete']);
  });

  it('Delete removes a deactivated person; a status without that operation is refused with its code', async () => {
    const refused = await post(cw, 'org1', `/admin/people/${idOf(SARAH.login)}/lifecycle/unsuspend`);
    expect([refused.status, errorCodeOf(refused)]).toEqual([400, 'OKTA_E0000001']);
    const id = idOf(DAVID.login);
    const res = await post(cw, 'org1', `/admin/people/${id}/delete`);
    expect([res.status, res.headers.location]).toEqual([303, '/admin/people?done=delete']);
    expect(cw.world.org1.directory.find(id)).toBeUndefined();
    expect(lastEvent(cw, 'org1')?.eventType).toBe('user.lifecycle.delete.initiated');
  });
});

describe('adding a person', () => {
  it('creates the user with the API’s checks and event', async () => {
    const form = await page(cw, 'org1', '/admin/people/new');
    expect(
      parse(form.text)
        .querySelectorAll('label')
        .map((l) => l.text),
    ).toContain('First name');
    const login = 'new.person@org1.example';
    const res = await post(cw, 'org1', '/admin/people', {
      firstName: 'New',
      lastName: 'Person',
      login,
      email: login,
      password: 'New-Passw0rd!1',
      activate: 'true',
    });
    expect(res.status).toBe(303);
    expect(cw.world.org1.directory.get(login).status).toBe('ACTIVE');
    expect(lastEvent(cw, 'org1')?.eventType).toBe('user.lifecycle.create');
    const bad = await post(cw, 'org1', '/admin/people', {
      firstName: 'X',
      lastName: '',
      login: 'nope',
      email: 'nope',
    });
    expect([bad.status, errorCodeOf(bad)]).toEqual([400, 'OKTA_E0000001']);
    expect(bad.text).toContain('lastName: The field cannot be left blank');
  });
});
