import { afterAll, beforeAll, expect, it } from 'vitest';
import { SystemClock } from '../../harness/core/clock.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { formOf, linkTo, send } from './serve-process.js';

/**
 * Issue #14 §2, done-when: the printed org1 token assigns David (the unassigned demo user) to
 * Org2Org through org1's Apps API (`POST /api/v1/apps/{appId}/users`, Okta's "Assign an
 * application user": okta-management-openapi-spec, management.yaml, /api/v1/apps/{appId}/users),
 * org2's API assigns him to Dropbox Business, and he signs in through to Dropbox over HTTP.
 * In process, on real time, with serve's finished setup (Sarah through both hops): that serve
 * prints these tokens and ids is test/cli/cli.test.ts's and test/serve/scenario.test.ts's part.
 */
let world: World;
beforeAll(async () => {
  world = await createWorld({}, { clock: new SystemClock() });
  await world.org1.assign('sarah@org1.example');
  await world.org2.assignDropbox('sarah@org1.example');
  await world.settle();
});
afterAll(async () => {
  await world?.close();
});

const DAVID = { login: 'david@org1.example', password: 'David-Passw0rd!' };
const ssws = () => ({ authorization: `SSWS ${world.tokens.superAdmin}` });

async function apiJson(party: 'org1' | 'org2', method: string, path: string, json?: unknown) {
  const answer = await send(method, `${world[party].url}/api/v1${path}`, { headers: ssws(), json });
  return { status: answer.status, body: answer.text ? JSON.parse(answer.text) : undefined };
}

/** Follows a dashboard tile's SSO link and posts its SAML form; returns the ACS answer. */
async function tile(url: string, cookie: string) {
  const home = await send('GET', `${url}/app/UserHome`, { headers: { cookie } });
  const form = formOf(await send('GET', `${url}${linkTo(home, '/sso/saml')}`, { headers: { cookie } }));
  return send('POST', form.action, { form: form.fields });
}

it('the printed org1 token assigns David to Org2Org; he signs in through to Dropbox', async () => {
  const appId = world.org1.app.id;
  const david = await apiJson('org1', 'GET', `/users/${DAVID.login}`);
  expect(david.status).toBe(200);
  // Exactly README's curl: `-d '{"id":"<davidId>"}'`.
  const assigned = await apiJson('org1', 'POST', `/apps/${appId}/users`, { id: david.body.id });
  expect(assigned.status).toBe(200);
  expect(assigned.body).toMatchObject({ id: david.body.id, scope: 'USER', status: 'PROVISIONED' });
  expect(assigned.body.credentials.userName).toBe(DAVID.login);
  expect((await apiJson('org1', 'GET', `/apps/${appId}/users/${david.body.id}`)).body.syncState).toBe(
    'SYNCHRONIZED',
  );
  // The same System Log event as the scenario's assign step leaves.
  const log = await apiJson('org1', 'GET', '/logs');
  expect(log.body.map((e: { eventType: string }) => e.eventType)).toContain(
    'application.provision.user.push',
  );

  const inOrg2 = await apiJson('org2', 'GET', `/users/${DAVID.login}`);
  expect(inOrg2.status).toBe(200);
  const dbx = await apiJson('org2', 'POST', `/apps/${world.org2.options.dropbox.id}/users`, {
    id: inOrg2.body.id,
  });
  expect(dbx.status).toBe(200);

  const signedIn = await send('POST', `${world.org1.url}/login`, {
    form: { username: DAVID.login, password: DAVID.password },
  });
  const atOrg2 = await tile(world.org1.url, `org1_sid=${signedIn.cookies.org1_sid}`);
  expect(atOrg2.status).toBe(200);
  const org2 = `org2_sid=${atOrg2.cookies.org2_sid}`;
  await send('POST', `${world.org2.url}/signin/enroll`, { headers: { cookie: org2 }, form: {} });
  const atDropbox = await tile(world.org2.url, org2);
  const dropbox = `dbx_session=${atDropbox.cookies.dbx_session}`;
  await send('POST', `${world.dropbox.url}/team/join`, { headers: { cookie: dropbox }, form: {} });
  const home = await send('GET', `${world.dropbox.url}/home`, { headers: { cookie: dropbox } });
  expect(home.status).toBe(200);
  expect(home.text).toContain(DAVID.login);
});

it('unassigning through the API removes the app user (404 E0000007 after)', async () => {
  const appId = world.org1.app.id;
  const sarah = (await apiJson('org1', 'GET', '/users/sarah@org1.example')).body;
  expect((await apiJson('org1', 'DELETE', `/apps/${appId}/users/${sarah.id}`)).status).toBe(204);
  const gone = await apiJson('org1', 'GET', `/apps/${appId}/users/${sarah.id}`);
  expect([gone.status, gone.body.errorCode]).toEqual([404, 'E0000007']);
});
