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
 * org1's Applications → Org2Org tabs, Workflow → Provisioning tasks and Reports → System Log
 * (#14 §1). Assigning goes through org1.assign, as `POST /api/v1/apps/{id}/users` does.
 */
const [SARAH, DAVID] = WORLD_DEFAULTS.org1Users;
const APP = '/admin/apps/org2org';
let cw: ConsoleWorld;
beforeAll(async () => {
  cw = await consoleWorld();
});
afterAll(() => cw?.world.close());

const idOf = (login: string) => cw.world.org1.directory.get(login).id;

describe('General and Sign On', () => {
  it('renders each tab with the app’s facts; the label is editable', async () => {
    for (const tab of ['general', 'sign-on', 'provisioning', 'assignments']) {
      const res = await page(cw, 'org1', `${APP}/${tab}`);
      expect(res.status, tab).toBe(200);
      expect(parse(res.text).querySelector('.tabs a[aria-current=page]')?.getAttribute('href')).toBe(
        `${APP}/${tab}`,
      );
    }
    const signOn = parse((await page(cw, 'org1', `${APP}/sign-on`)).text).text;
    const { org1 } = cw.world;
    expect(signOn).toContain(`http://www.okta.com/${org1.app.key}`);
    expect(signOn).toContain(`${org1.url}/app/${org1.app.key}/sso/saml/metadata`);
    await post(cw, 'org1', `${APP}/general`, { label: 'Org2Org (hub)' }).expect(303);
    expect(org1.app.label).toBe('Org2Org (hub)');
    await post(cw, 'org1', `${APP}/general`, { label: 'Org2Org' }).expect(303);
  });

  it('downloads the active certificate as PEM, generates a new one and activates it', async () => {
    const { org1 } = cw.world;
    const before = org1.app.credential.cert;
    const file = `${APP}/certificates/${before.sha256.replace(/:/g, '')}.cert`;
    const pem = await page(cw, 'org1', file)
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => done(null, text));
      });
    expect([pem.status, pem.body]).toEqual([200, before.pem]);
    expect(pem.headers['content-disposition']).toContain('.cert');
    await post(cw, 'org1', `${APP}/certificates/generate`).expect(303);
    const [active, fresh] = org1.certificates.all();
    expect([active?.active, fresh?.active]).toEqual([true, false]);
    expect(org1.app.credential.cert.sha256).toBe(before.sha256);
    await post(cw, 'org1', `${APP}/certificates/activate`, {
      sha256: fresh?.credential.cert.sha256 ?? '',
    }).expect(303);
    expect(org1.app.credential.cert.sha256).toBe(fresh?.credential.cert.sha256);
    const metadata = await page(cw, 'org1', `/app/${org1.app.key}/sso/saml/metadata`);
    expect(metadata.text).toContain(fresh?.credential.cert.base64);
    // Back to the certificate org2 trusts, for the tests below.
    await post(cw, 'org1', `${APP}/certificates/activate`, { sha256: before.sha256 }).expect(303);
    expect(org1.app.credential.cert.sha256).toBe(before.sha256);
  });
});

describe('Provisioning', () => {
  it('tests the token against org2: a refused one shows org2’s code', async () => {
    const { provisioning } = cw.world.org1.app;
    const good = provisioning.token;
    expect((await post(cw, 'org1', `${APP}/provisioning/test`)).headers.location).toContain('done=tested');
    await post(cw, 'org1', `${APP}/provisioning/token`, { token: 'not-a-token' }).expect(303);
    const refused = await post(cw, 'org1', `${APP}/provisioning/test`);
    expect([refused.status, errorCodeOf(refused)]).toEqual([401, 'OKTA_E0000011']);
    await post(cw, 'org1', `${APP}/provisioning/token`, { token: good }).expect(303);
    const shown = await page(cw, 'org1', `${APP}/provisioning`);
    expect(shown.text).not.toContain(good);
  });

  it('saves the To App toggles', async () => {
    const { provisioning } = cw.world.org1.app;
    await post(cw, 'org1', `${APP}/provisioning/to-app`, { create: 'true', update: 'true' }).expect(303);
    expect([provisioning.create, provisioning.update, provisioning.deactivate]).toEqual([true, true, false]);
    await post(cw, 'org1', `${APP}/provisioning/to-app`, {
      create: 'true',
      update: 'true',
      deactivate: 'true',
    }).expect(303);
    expect(provisioning.deactivate).toBe(true);
  });
});

describe('Assignments', () => {
  it('assigns David as the Apps API does: pushed to org2, the same System Log event', async () => {
    const { org1, org2 } = cw.world;
    const res = await post(cw, 'org1', `${APP}/assignments/assign`, { login: DAVID.login });
    expect([res.status, res.headers.location]).toEqual([303, `${APP}/assignments?done=assign`]);
    expect(org1.appUsers.find(org1.app.id, idOf(DAVID.login))?.status).toBe('PROVISIONED');
    expect(org2.directory.get(DAVID.login).status).not.toBe('DEPROVISIONED');
    // Unassigned, then assigned again each way: each re-assignment reactivates him in org2.
    const unassign = () =>
      post(cw, 'org1', `${APP}/assignments/unassign`, { userId: idOf(DAVID.login) }).expect(303);
    await unassign();
    expect(org1.isAssigned(idOf(DAVID.login))).toBe(false);
    expect(org2.directory.get(DAVID.login).status).toBe('DEPROVISIONED');
    await api(cw, 'org1', 'post', `/apps/${org1.app.id}/users`, { id: idOf(DAVID.login) }).expect(200);
    const fromApi = comparable(lastEvent(cw, 'org1'));
    await unassign();
    await post(cw, 'org1', `${APP}/assignments/assign`, { login: DAVID.login }).expect(303);
    expect(comparable(lastEvent(cw, 'org1'))).toEqual(fromApi);
    expect(fromApi?.eventType).toBe('application.provision.user.reactivate');
    expect(org2.directory.get(DAVID.login).status).not.toBe('DEPROVISIONED');
  });
});

describe('Provisioning tasks', () => {
  it('lists a failed push with its error, and Retry pushes again through the connector', async () => {
    const { org1 } = cw.world;
    const { provisioning } = org1.app;
    const good = provisioning.token;
    provisioning.token = 'revoked-token';
    await org1.assign(SARAH.login);
    const failed = org1.connector.tasks.at(-1);
    expect(failed?.status).toBe('failed');
    const list = await page(cw, 'org1', '/admin/tasks?status=failed');
    expect(list.text).toContain('OKTA_E0000011');
    expect(list.text).toContain(`Showing 1 task: #${failed?.id}`);
    provisioning.token = good;
    const retried = await post(cw, 'org1', `/admin/tasks/${failed?.id}/retry`);
    expect(retried.headers.location).toBe('/admin/tasks?done=retry');
    expect(org1.connector.tasks.at(-1)?.status).toBe('done');
    expect(org1.appUsers.find(org1.app.id, idOf(SARAH.login))?.syncState).toBe('SYNCHRONIZED');
    const unknown = await post(cw, 'org1', '/admin/tasks/9999/retry');
    expect([unknown.status, errorCodeOf(unknown)]).toEqual([404, 'OKTA_E0000007']);
  });
});

describe('Assign to groups', () => {
  it('lists the assigned groups; Unassign drops the group, its members lose the app', async () => {
    const { org1, org2 } = cw.world;
    const group = org1.groups.create({ name: 'Divers' });
    const login = 'diver1@org1.example';
    org1.groups.addMember(group.id, org1.addUser({ login, email: login, firstName: 'D', lastName: '1' }).id);
    await post(cw, 'org1', `${APP}/assignments/assign-group`, { groupId: group.id });
    await cw.world.settle();
    const listed = parse((await page(cw, 'org1', `${APP}/assignments`)).text);
    const table = listed
      .querySelectorAll('table')
      .find((t) => t.querySelector('caption')?.text === 'Assigned groups');
    expect(table?.querySelector('tbody tr td')?.text).toBe('Divers');
    expect(table?.querySelector('button[aria-label="Unassign group Divers"]')).not.toBeNull();
    const row = listed.querySelectorAll('tbody tr').find((tr) => tr.text.includes(login));
    expect(row?.querySelectorAll('td')[2]?.text).toBe('Group: Divers');
    const res = await post(cw, 'org1', `${APP}/assignments/unassign-group`, { groupId: group.id });
    expect([res.status, res.headers.location]).toEqual([303, `${APP}/assignments?done=ungroup`]);
    await cw.world.settle();
    expect(org1.appUsers.find(org1.app.id, idOf(login))).toBeUndefined();
    expect(org2.directory.get(login).status).toBe('DEPROVISIONED');
    const again = await post(cw, 'org1', `${APP}/assignments/unassign-group`, { groupId: group.id });
    expect([again.status, errorCodeOf(again)]).toEqual([404, 'OKTA_E0000007']);
  });

  it('assigns the members at once and pushes after; Provisioning tasks pages them, with counts', async () => {
    const { org1, org2 } = cw.world;
    const group = org1.groups.create({ name: 'Crew' });
    for (let n = 1; n <= 60; n++) {
      const login = `crew${n}@org1.example`;
      const user = org1.addUser({ login, email: login, firstName: 'Crew', lastName: String(n) });
      org1.groups.addMember(group.id, user.id);
    }
    const res = await post(cw, 'org1', `${APP}/assignments/assign-group`, { groupId: group.id });
    expect([res.status, res.headers.location]).toEqual([303, `${APP}/assignments?done=group`]);
    await cw.world.settle();
    expect(org2.directory.get('crew60@org1.example').status).toBe('PROVISIONED');
    expect(org1.appUsers.find(org1.app.id, idOf('crew1@org1.example'))?.scope).toBe('GROUP');

    const newest = parse((await page(cw, 'org1', '/admin/tasks')).text);
    const counts = org1.connector.log.counts();
    expect(newest.querySelector('[aria-label="Task status"]')?.text).toContain(`done (${counts.done})`);
    expect(newest.querySelectorAll('tbody tr')).toHaveLength(50);
    expect(newest.querySelector('tbody tr td')?.text).toBe(String(org1.connector.tasks.at(-1)?.id));
    const older = newest.querySelector('.pager a')?.getAttribute('href') ?? '';
    expect(older).toMatch(/^\/admin\/tasks\?after=\d+$/);
    const next = parse((await page(cw, 'org1', older)).text);
    expect(next.querySelectorAll('tbody tr td:nth-child(3)').map((td) => td.text)).toContain(
      'crew1@org1.example',
    );
    expect(next.querySelector('.pager a')?.text).toBe('« Newest');
  });
});

describe('System Log', () => {
  it('lists the org’s events newest first and filters them', async () => {
    const all = await page(cw, 'org1', '/admin/reports/syslog');
    expect(all.status).toBe(200);
    const first = parse(all.text).querySelector('tbody tr')?.text;
    expect(first).toContain(lastEvent(cw, 'org1')?.eventType);
    const sessions = await page(cw, 'org1', '/admin/reports/syslog?q=user.session.start');
    const types = parse(sessions.text)
      .querySelectorAll('tbody tr td:nth-child(2) code')
      .map((td) => td.text);
    expect(types.length).toBeGreaterThan(0);
    // The report page's event cell: its display message, then the event type.
    for (const type of types) expect(type).toContain('user.session.start');
  });
});
