import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededIds } from '../../harness/core/ids.js';
import { addConsoleAdmins, type ConsoleAdmin } from '../../harness/world/console-admins.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { cookieFrom, errorCodeOf } from '../routes-helpers.js';

/**
 * Dropbox's admin console (#14 §1): a team admin signs in with email and password (a fresh
 * session id each time), then sees members with their state, the SSO settings and the SCIM token
 * masked. Sign-out and every other change must come from Dropbox's own pages.
 */
let world: World;
let admin: ConsoleAdmin;

beforeAll(async () => {
  world = await createWorld();
  admin = addConsoleAdmins(world, new SeededIds('dropbox-admin')).find(
    (a) => a.org === 'dropbox',
  ) as ConsoleAdmin;
});
afterAll(() => world?.close());

const dropbox = () => request(world.dropbox.url);
async function signIn(planted?: string): Promise<string> {
  const req = dropbox().post('/admin/login').type('form');
  if (planted) req.set('cookie', planted);
  const res = await req.send({ email: admin.login, password: admin.password });
  expect([res.status, res.headers.location]).toEqual([303, '/admin/members']);
  return cookieFrom(res, 'dbx_admin') as string;
}

describe('Dropbox admin console', () => {
  it('is listed with the Okta admins, at dropbox /admin', () => {
    expect(admin).toMatchObject({ login: 'admin@dropbox.example', url: `${world.dropbox.url}/admin` });
  });

  it('sends a visitor to its own sign-in page and refuses a wrong password with DROPBOX_ADMIN_REQUIRED', async () => {
    const res = await dropbox().get('/admin/members');
    expect([res.status, res.headers.location]).toEqual([302, '/admin/login']);
    const wrong = await dropbox()
      .post('/admin/login')
      .type('form')
      .send({ email: admin.login, password: 'nope' });
    expect([wrong.status, errorCodeOf(wrong)]).toEqual([401, 'DROPBOX_ADMIN_REQUIRED']);
  });

  it('starts a fresh session at sign-in: an id planted before it is not the signed-in one', async () => {
    const cookie = await signIn('dbx_admin=planted');
    expect(cookie).not.toBe('dbx_admin=planted');
    expect((await dropbox().get('/admin/members').set('cookie', 'dbx_admin=planted')).status).toBe(302);
  });

  it('lists the members provisioning made, with their state', async () => {
    const login = 'pat@org2.example';
    world.org2.directory.create(
      { login, email: login, firstName: 'Pat', lastName: 'Lee' },
      { activate: true },
    );
    await world.org2.assignDropbox(login);
    const res = await dropbox()
      .get('/admin/members')
      .set('cookie', await signIn());
    expect(res.status).toBe(200);
    expect(res.text).toContain(`<code>${login}</code>`);
    expect(res.text).toContain('<span class="state invited">invited</span>');
  });

  it('shows the SSO settings and the SCIM token masked', async () => {
    const cookie = await signIn();
    const sso = await dropbox().get('/admin/sso').set('cookie', cookie);
    expect(sso.text).toContain(world.org2.options.dropbox.key);
    expect(sso.text).toContain(world.dropbox.options.entityId);
    expect(sso.text).toContain('BEGIN CERTIFICATE');
    const scim = await dropbox().get('/admin/provisioning').set('cookie', cookie);
    expect(scim.text).toContain(world.dropbox.scimUrl);
    expect(scim.text).not.toContain(world.tokens.scim);
  });

  it('signs out only from its own pages', async () => {
    const cookie = await signIn();
    const forged = await dropbox()
      .post('/admin/logout')
      .set('cookie', cookie)
      .set('origin', 'http://127.0.0.1:1')
      .type('form')
      .send({});
    expect([forged.status, errorCodeOf(forged)]).toEqual([403, 'HTTP_ORIGIN_REFUSED']);
    await dropbox().post('/admin/logout').set('cookie', cookie).type('form').send({});
    expect((await dropbox().get('/admin/members').set('cookie', cookie)).status).toBe(302);
  });
});
