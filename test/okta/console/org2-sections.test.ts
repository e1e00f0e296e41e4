import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededIds } from '../../../harness/core/ids.js';
import { loadCredential } from '../../../harness/crypto/store.js';
import { addConsoleAdmins } from '../../../harness/world/console-admins.js';
import { createWorld, type World } from '../../../harness/world/world.js';
import { cookieFrom, errorCodeOf } from '../../routes-helpers.js';

/**
 * org2's own Admin Console sections (#14 §1): every page renders, and every change lands where
 * the API's does (same state, same System Log event type) — the IdP through `PUT
 * /api/v1/idps/{id}`'s replaceIdp, assignments through `POST /api/v1/apps/{id}/users`' assign.
 */
let world: World;
let cookie: string;
let token: string;

beforeAll(async () => {
  world = await createWorld({ org2: { dropbox: { provisioning: { retry: { maxAttempts: 1 } } } } });
  const admin = addConsoleAdmins(world, new SeededIds('org2-sections')).find((a) => a.org === 'org2');
  const res = await request(world.org2.url)
    .post('/login')
    .type('form')
    .send({ username: admin?.login, password: admin?.password });
  cookie = cookieFrom(res, world.org2.sessions.cookieName) as string;
  token = world.tokens.superAdmin;
});
afterAll(() => world?.close());

const get = (path: string) => request(world.org2.url).get(path).set('cookie', cookie);
const post = (path: string, form: Record<string, string | string[]>) =>
  request(world.org2.url).post(path).set('cookie', cookie).type('form').send(form);
const api = () => request(world.org2.url);
const lastEvent = (type: string) => world.org2.log.events.filter((e) => e.eventType === type).at(-1);

/** The IdP page's form as it is now: what a browser posts when the admin changes nothing. */
function currentForm(): Record<string, string | string[]> {
  const idp = world.org2.idp;
  return {
    name: idp.name,
    issuer: idp.issuer,
    ssoUrl: idp.ssoUrl,
    userNameTemplate: idp.userNameTemplate,
    subjectFilter: idp.subjectFilter,
    matchType: idp.matchType,
    matchAttribute: idp.matchAttribute ?? '',
    accountLink: idp.accountLink,
    accountLinkExcludeUsers: '',
    provisioning: idp.provisioning,
    groupsAction: idp.groups.action,
    groupsAttribute: idp.groups.sourceAttributeName,
    signatureAlgorithm: idp.signatureAlgorithm,
    signatureScope: idp.signatureScope,
    maxClockSkew: String(idp.maxClockSkewMs),
  };
}

describe('Security → Identity Providers', () => {
  it('lists Org1 IDP and shows what org1 needs: ACS URL, audience and the SP metadata link', async () => {
    const list = await get('/admin/idps');
    expect(list.status).toBe(200);
    expect(list.text).toContain(`href="/admin/idps/${world.org2.idp.id}">Org1 IDP</a>`);
    const page = await get(`/admin/idps/${world.org2.idp.id}`);
    expect(page.text).toContain(world.org2.acsUrl);
    expect(page.text).toContain(`/api/v1/idps/${world.org2.idp.id}/metadata.xml`);
    for (const name of [
      'userNameTemplate',
      'subjectFilter',
      'matchType',
      'accountLink',
      'provisioning',
      'groupsAction',
      'maxClockSkew',
    ])
      expect(page.text).toContain(`name="${name}"`);
  });

  it('turns JIT off as PUT /api/v1/idps/{id} does: the IdP JSON and the System Log say so, by this admin', async () => {
    const id = world.org2.idp.id;
    const saved = await post(`/admin/idps/${id}`, { ...currentForm(), provisioning: 'DISABLED' });
    expect(saved.status).toBe(303);
    const json = await api().get(`/api/v1/idps/${id}`).set('authorization', `SSWS ${token}`);
    expect(json.body.policy.provisioning.action).toBe('DISABLED');
    expect(lastEvent('system.idp.lifecycle.update')?.actor.alternateId).toBe('admin@org2.example');
    // The API's PUT takes the same JSON back: same state, same event type, the token's owner as actor.
    const body = {
      ...json.body,
      policy: { ...json.body.policy, provisioning: { ...json.body.policy.provisioning, action: 'AUTO' } },
    };
    const put = await api().put(`/api/v1/idps/${id}`).set('authorization', `SSWS ${token}`).send(body);
    expect([put.status, put.body.policy.provisioning.action, world.org2.idp.provisioning]).toEqual([
      200,
      'AUTO',
      'AUTO',
    ]);
    expect(lastEvent('system.idp.lifecycle.update')?.actor.alternateId).toBe('api-token-owner');
  });

  it('refuses a filter that is not a regular expression and leaves the IdP as it was', async () => {
    const before = world.org2.idp.subjectFilter;
    const res = await post(`/admin/idps/${world.org2.idp.id}`, { ...currentForm(), subjectFilter: '(' });
    expect([res.status, errorCodeOf(res)]).toEqual([400, 'OKTA_E0000001']);
    expect(world.org2.idp.subjectFilter).toBe(before);
  });

  it('uploads a certificate for rollover: trusted besides the current one, in the key store', async () => {
    const pem = loadCredential('org1-next').cert.pem;
    const res = await post(`/admin/idps/${world.org2.idp.id}/certs`, { pem, mode: 'rollover' });
    expect(res.status).toBe(303);
    expect(world.org2.idp.trustedCerts.map((c) => c.pem)).toContain(pem);
    expect(world.org2.idp.trustedCerts).toHaveLength(2);
    const keys = await api().get('/api/v1/idps/credentials/keys').set('authorization', `SSWS ${token}`);
    expect(keys.body).toHaveLength(2);
  });
});

describe('Applications → Dropbox Business', () => {
  const appId = () => world.org2.options.dropbox.id;

  it.each(['general', 'signon', 'provisioning', 'assignments'])('renders the %s tab', async (tab) => {
    const res = await get(`/admin/apps/${appId()}/${tab}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`href="/admin/apps/${appId()}/${tab}" aria-current="page"`);
  });

  it('assigns a person as POST /api/v1/apps/{id}/users does: the app user, the SCIM push, its log event', async () => {
    const user = world.org2.directory.create(
      { login: 'pat@org2.example', email: 'pat@org2.example', firstName: 'Pat', lastName: 'Lee' },
      { password: 'Pat-Passw0rd!1', activate: true },
    );
    const res = await post(`/admin/apps/${appId()}/assignments`, { user: 'pat@org2.example', userName: '' });
    expect(res.status).toBe(303);
    expect(world.org2.appUsers.find(appId(), user.id)).toMatchObject({ status: 'PROVISIONED' });
    expect(world.dropbox.team.findByUserName('pat@org2.example')?.state).toBe('invited');
    expect(lastEvent('application.provision.user.push')?.target?.[0]?.alternateId).toBe('pat@org2.example');
    await post(`/admin/apps/${appId()}/assignments/remove`, { userId: user.id });
    expect(world.org2.appUsers.find(appId(), user.id)).toBeUndefined();
    expect(world.dropbox.team.findByUserName('pat@org2.example')?.state).toBe('suspended');
  });

  it('saves the To App toggles and the username format', async () => {
    await post(`/admin/apps/${appId()}/provisioning`, { enabled: 'on', create: 'on', update: 'on' });
    expect(world.org2.options.dropbox.provisioning).toMatchObject({
      enabled: true,
      create: true,
      deactivate: false,
    });
    await post(`/admin/apps/${appId()}/provisioning`, {
      enabled: 'on',
      create: 'on',
      update: 'on',
      deactivate: 'on',
    });
    await post(`/admin/apps/${appId()}/signon`, { userNameFormat: 'EMAIL', userNameExpression: '' });
    expect(world.org2.options.dropbox.userNameFormat).toBe('EMAIL');
    expect(lastEvent('application.lifecycle.update')?.actor.alternateId).toBe('admin@org2.example');
  });

  it('rolls the signing certificate over: a new one waits inactive until activated', async () => {
    const before = world.org2.options.dropbox.credential.cert.sha256;
    await post(`/admin/apps/${appId()}/signon/cert/new`, {});
    expect(world.org2.options.dropbox.credential.cert.sha256).toBe(before);
    const download = await get(`/admin/apps/${appId()}/signon/cert.pem?next=1`).responseType('blob');
    const pem = (download.body as Buffer).toString();
    expect(pem).toContain('BEGIN CERTIFICATE');
    await post(`/admin/apps/${appId()}/signon/cert/activate`, {});
    expect(world.org2.options.dropbox.credential.cert.pem).toBe(pem);
  });
});

describe('Workflow → Provisioning tasks', () => {
  it('shows a failed push with its error and retries it to success', async () => {
    world.faults.dropbox.inject({ fault: 'error5xx' });
    world.org2.directory.create(
      { login: 'kim@org2.example', email: 'kim@org2.example', firstName: 'Kim', lastName: 'Ng' },
      { activate: true },
    );
    await post(`/admin/apps/${world.org2.options.dropbox.id}/assignments`, { user: 'kim@org2.example' });
    const failed = world.org2.provisioner.tasks.at(-1);
    expect(failed).toMatchObject({ login: 'kim@org2.example', status: 'failed' });
    const page = await get('/admin/tasks');
    expect(page.text).toContain('PROVISIONING_FAILED');
    world.faults.dropbox.clear();
    const retry = await post('/admin/tasks/retry', {
      appId: world.org2.options.dropbox.id,
      taskId: String(failed?.id),
    });
    expect(retry.status).toBe(303);
    expect(world.org2.provisioner.tasks.at(-1)).toMatchObject({ login: 'kim@org2.example', status: 'done' });
    expect(world.dropbox.team.findByUserName('kim@org2.example')).toBeDefined();
  });
});
