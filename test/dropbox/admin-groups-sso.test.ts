import { parse } from 'node-html-parser';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededIds } from '../../harness/core/ids.js';
import { generateCertificate } from '../../harness/crypto/certs.js';
import { toCredential } from '../../harness/crypto/credential.js';
import { appIssuerOf } from '../../harness/okta/org2/saml-app.js';
import { ISSUER_DEFAULTS, issueResponse } from '../../harness/saml/issue.js';
import { addConsoleAdmins, type ConsoleAdmin } from '../../harness/world/console-admins.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { cookieFrom, errorCodeOf } from '../routes-helpers.js';

/**
 * Dropbox's admin console: Groups (create one, add team members, remove them; a refused form is
 * shown again with the refusal next to its field), and the SSO settings' certificate upload that
 * makes SSO work again after org2 rolled the Dropbox app's signing certificate over.
 */
const ERIN = {
  userName: 'erin@org2.example',
  givenName: 'Erin',
  familyName: 'Park',
  email: 'erin@org2.example',
};
const ids = new SeededIds('dropbox-admin-groups');
let world: World;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  const admin = addConsoleAdmins(world, ids).find((a) => a.org === 'dropbox') as ConsoleAdmin;
  const res = await request(world.dropbox.url)
    .post('/admin/login')
    .type('form')
    .send({ email: admin.login, password: admin.password });
  cookie = cookieFrom(res, 'dbx_admin') as string;
  world.dropbox.team.create({ ...ERIN, externalId: 'x1' });
});
afterAll(() => world?.close());

const page = (path: string) => request(world.dropbox.url).get(path).set('cookie', cookie);
const post = (path: string, form: Record<string, string>) =>
  request(world.dropbox.url)
    .post(path)
    .set('cookie', cookie)
    .set('origin', world.dropbox.url)
    .type('form')
    .send(form);

describe('Dropbox groups', () => {
  it('creates a group and adds a member; the member is listed and can be removed', async () => {
    const created = await post('/admin/groups', { name: 'Design' });
    expect(created.status).toBe(303);
    const [group] = world.dropbox.groups.all();
    expect(created.headers.location).toBe(`/admin/groups/${encodeURIComponent(group?.id ?? '')}?done=create`);
    const erin = world.dropbox.team.findByUserName(ERIN.userName);
    const base = `/admin/groups/${encodeURIComponent(group?.id ?? '')}`;
    expect((await post(`${base}/members`, { member: erin?.id ?? '' })).status).toBe(303);
    const shown = parse((await page(`${base}?done=add`)).text);
    expect(shown.querySelector('[role=status]')?.text).toBe('The member was added to the group.');
    expect(shown.querySelector('tbody')?.text).toContain(ERIN.email);
    expect((await page('/admin/groups')).text).toContain('<td>1</td>');
    const removed = await post(`${base}/members/${encodeURIComponent(erin?.id ?? '')}/remove`, {});
    expect(removed.status).toBe(303);
    expect(group?.members.size).toBe(0);
  });

  it('a taken name is shown again in the form with DROPBOX_GROUP_INVALID next to it', async () => {
    const res = await post('/admin/groups', { name: 'design' });
    expect([res.status, errorCodeOf(res)]).toEqual([400, 'DROPBOX_GROUP_INVALID']);
    const html = parse(res.text);
    expect(html.querySelector('#group-name')?.getAttribute('value')).toBe('design');
    expect(html.querySelector('#group-name')?.getAttribute('aria-invalid')).toBe('true');
    expect(html.querySelector('#group-name-error')?.text).toContain('already has a group named design');
  });

  it('a member who left the team leaves its groups; an unknown group is an error inside the console', async () => {
    const group = world.dropbox.groups.create('Sales');
    const erin = world.dropbox.team.findByUserName(ERIN.userName);
    world.dropbox.groups.addMember(group.id, ERIN.userName);
    world.dropbox.team.remove(erin?.id ?? '');
    expect(world.dropbox.groups.get(group.id).members.size).toBe(0);
    const unknown = await page('/admin/groups/g:nope');
    expect([unknown.status, errorCodeOf(unknown)]).toEqual([400, 'DROPBOX_GROUP_INVALID']);
    expect(parse(unknown.text).querySelector('nav')?.text).toContain('Groups');
    world.dropbox.team.create({ ...ERIN, externalId: 'x2' });
  });
});

describe('Dropbox SSO certificate upload', () => {
  it('after org2 rolls its signing certificate over, SSO fails until the new one is uploaded', async () => {
    const app = world.org2.options.dropbox;
    const next = toCredential(generateCertificate({ commonName: 'Dropbox Business rolled' }));
    app.credential = next;
    const respond = () =>
      issueResponse(
        { ...ISSUER_DEFAULTS, nameIdFormat: 'emailAddress', issuer: appIssuerOf(app), credential: next },
        {
          acsUrl: world.dropbox.acsUrl,
          audience: world.dropbox.options.entityId,
          nameId: ERIN.email,
          attributes: { email: ERIN.email },
        },
        { clock: world.clock, ids },
      ).base64;
    const acs = (SAMLResponse: string) =>
      request(world.dropbox.url).post('/saml_login').type('form').send({ SAMLResponse });
    const before = await acs(respond());
    expect([before.status, errorCodeOf(before)]).toEqual([403, 'SAML_SIGNATURE_INVALID']);

    const bad = await post('/admin/sso/certificate', { certificate: 'not a certificate' });
    expect([bad.status, errorCodeOf(bad)]).toEqual([400, 'CERT_INVALID']);
    expect(parse(bad.text).querySelector('#certificate')?.text).toBe('not a certificate');

    const uploaded = await post('/admin/sso/certificate', { certificate: next.cert.pem });
    expect([uploaded.status, uploaded.headers.location]).toEqual([303, '/admin/sso?done=certificate']);
    const sso = parse((await page('/admin/sso?done=certificate')).text);
    expect(sso.querySelector('[role=status]')?.text).toContain('uploaded');
    expect(sso.text).toContain(next.cert.sha256);
    const after = await acs(respond());
    expect(after.status).toBe(200);
    expect(errorCodeOf(after)).toBeUndefined();
  });
});
