import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededIds } from '../../../harness/core/ids.js';
import { addConsoleAdmins, type ConsoleAdmin } from '../../../harness/world/console-admins.js';
import { WORLD_DEFAULTS } from '../../../harness/world/defaults.js';
import { createWorld, type World } from '../../../harness/world/world.js';
import { cookieFrom, errorCodeOf } from '../../routes-helpers.js';

/**
 * The Admin Console's frame (#14 §1): only an org's admins reach `/admin`, a browser without a
 * session is sent to the org's sign-in page and back, org2's IdP routing rule does not capture the
 * console's sign-in, changes are Super/Org Admin only and must come from the org's own pages.
 */
const [SARAH] = WORLD_DEFAULTS.org1Users;
let world: World;
let admins: ConsoleAdmin[];

beforeAll(async () => {
  world = await createWorld();
  admins = addConsoleAdmins(world, new SeededIds('console-test'));
});
afterAll(() => world?.close());

const party = (org: 'org1' | 'org2') => world[org];
async function signIn(org: 'org1' | 'org2', login: string, password: string): Promise<string> {
  const res = await request(party(org).url).post('/login').type('form').send({ username: login, password });
  expect(res.status).toBe(303);
  return cookieFrom(res, party(org).sessions.cookieName) as string;
}
const adminOf = (org: 'org1' | 'org2') => admins.find((a) => a.org === org) as ConsoleAdmin;

describe.each(['org1', 'org2'] as const)('%s Admin Console', (org) => {
  it('sends a browser without a session to the sign-in page, which returns it to the console', async () => {
    const res = await request(party(org).url).get('/admin/dashboard');
    expect([res.status, res.headers.location]).toEqual([302, '/login?fromURI=%2Fadmin%2Fdashboard']);
    const page = await request(party(org).url).get(res.headers.location);
    expect(page.status).toBe(200);
    expect(page.text).toContain('name="fromURI" value="/admin/dashboard"');
  });

  it("shows the admin the org's own console: its name, colour and menu", async () => {
    const { login, password } = adminOf(org);
    const cookie = await signIn(org, login, password);
    const res = await request(party(org).url).get('/admin/dashboard').set('cookie', cookie);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`<span class="org">${org}</span>`);
    expect(res.text).toContain(`--org:${party(org).options.color}`);
    expect(res.text).toContain(`${login} (SUPER_ADMIN)`);
    const css = await request(party(org).url).get('/admin/assets/console.css');
    expect([css.status, css.type]).toEqual([200, 'text/css']);
  });

  it('refuses a signed-in user without an admin role: 403 AUTH_ADMIN_REQUIRED and no console', async () => {
    const login = org === 'org1' ? SARAH.login : 'pat@org2.example';
    if (org === 'org2')
      party(org).directory.create(
        { login, email: login, firstName: 'Pat', lastName: 'User' },
        { password: 'Pat-Passw0rd!1', activate: true },
      );
    const cookie = await signIn(org, login, org === 'org1' ? SARAH.password : 'Pat-Passw0rd!1');
    const res = await request(party(org).url).get('/admin/dashboard').set('cookie', cookie);
    expect([res.status, errorCodeOf(res)]).toEqual([403, 'AUTH_ADMIN_REQUIRED']);
    expect(res.text).not.toContain('class="menu"');
  });

  it('refuses a change posted from another origin (CSRF) and one without a session', async () => {
    const { login, password } = adminOf(org);
    const cookie = await signIn(org, login, password);
    const forged = await request(party(org).url)
      .post('/admin/dashboard')
      .set('cookie', cookie)
      .set('origin', 'http://127.0.0.1:1')
      .type('form')
      .send({});
    expect([forged.status, errorCodeOf(forged)]).toEqual([403, 'HTTP_ORIGIN_REFUSED']);
    const anonymous = await request(party(org).url).post('/admin/dashboard').type('form').send({});
    expect([anonymous.status, errorCodeOf(anonymous)]).toEqual([403, 'AUTH_ADMIN_REQUIRED']);
  });
});

describe('a Read-Only Admin', () => {
  it('opens the console but may not change anything', async () => {
    const login = 'reader@org2.example';
    const user = world.org2.directory.create(
      { login, email: login, firstName: 'Rea', lastName: 'Der' },
      { password: 'Reader-Passw0rd!1', activate: true },
    );
    world.org2.admins.add(user.id, 'READ_ONLY_ADMIN');
    const cookie = await signIn('org2', login, 'Reader-Passw0rd!1');
    expect((await request(world.org2.url).get('/admin/dashboard').set('cookie', cookie)).status).toBe(200);
    const change = await request(world.org2.url)
      .post('/admin/dashboard')
      .set('cookie', cookie)
      .type('form')
      .send({});
    expect([change.status, errorCodeOf(change)]).toEqual([403, 'AUTH_ADMIN_REQUIRED']);
  });
});
