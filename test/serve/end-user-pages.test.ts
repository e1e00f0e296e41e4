import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SystemClock } from '../../harness/core/clock.js';
import { parseScenario, scenarioSeed } from '../../harness/scenario/load.js';
import { runServeSteps } from '../../harness/scenario/serve-steps.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { formOf, linkTo, pageCode, send } from './serve-process.js';

/**
 * Issue #14 §4 against a served world (in process, on real time, its setup steps run as serve
 * runs them): org2's own users sign in with a password, its sign-in page's
 * "Sign in with Org1 IDP" starts SP-initiated SSO, every party signs out (Okta's end-user
 * `/login/signout`; Dropbox's `/logout`), and every party has its own 404 page with fedsim's code.
 */
const ORG2_ADMIN = { login: 'olivia@org2.example', password: 'Olivia-Passw0rd!' };
const SARAH = { login: 'sarah@org1.example', password: 'Sarah-Passw0rd!' };
const SCENARIO = [
  'name: org2 has its own user',
  'world:',
  '  org2:',
  '    users:',
  `      - { login: ${ORG2_ADMIN.login}, firstName: Olivia, lastName: Park, password: ${ORG2_ADMIN.password} }`,
  'steps:',
  '  - assign: { user: sarah@org1.example }',
  '  - assign: { user: sarah@org1.example, app: Dropbox Business }',
  '',
].join('\n');

let world: World;
beforeAll(async () => {
  const scenario = parseScenario(SCENARIO, 'org2-user.yaml');
  world = await createWorld(
    { ...scenario.world, seed: scenarioSeed(scenario) },
    { clock: new SystemClock() },
  );
  await runServeSteps(scenario, world, 'setup');
});
afterAll(async () => {
  await world?.close();
});

const url = (party: 'org1' | 'org2' | 'dropbox', path: string) => `${world[party].url}${path}`;
const signIn = (party: 'org1' | 'org2', user: { login: string; password: string }) =>
  send('POST', url(party, '/login'), { form: { username: user.login, password: user.password } });

describe("org2's sign-in page", () => {
  it('signs its own user in with a password', async () => {
    const signedIn = await signIn('org2', ORG2_ADMIN);
    expect([signedIn.status, signedIn.headers.location]).toEqual([303, '/app/UserHome']);
    const home = await send('GET', url('org2', '/app/UserHome'), {
      headers: { cookie: `org2_sid=${signedIn.cookies.org2_sid}` },
    });
    expect(home.status).toBe(200);
    // Signed in: org2's one-time security method enrollment greets her (then her dashboard).
    expect(parse(home.text).querySelector('main strong')?.text).toBe(ORG2_ADMIN.login);
  });

  it('refuses a wrong password with 401', async () => {
    const refused = await signIn('org2', { ...ORG2_ADMIN, password: 'wrong' });
    expect(refused.status).toBe(401);
    expect(refused.cookies.org2_sid).toBeUndefined();
  });

  it('"Sign in with Org1 IDP" sends an AuthnRequest to org1 (SP-initiated)', async () => {
    const page = await send('GET', url('org2', '/login'));
    const button = parse(page.text).querySelector('a.idp');
    expect(button?.text).toBe('Sign in with Org1 IDP');
    const started = await send('GET', url('org2', button?.getAttribute('href') ?? ''));
    expect(started.status).toBe(302);
    const location = new URL(String(started.headers.location));
    expect(location.origin).toBe(world.org1.url);
    expect(location.searchParams.get('SAMLRequest')).toBeTruthy();
  });
});

describe('sign-out ends the local session', () => {
  it('org1 and org2: /login/signout, then the dashboard asks to sign in again', async () => {
    for (const party of ['org1', 'org2'] as const) {
      const user = party === 'org1' ? SARAH : ORG2_ADMIN;
      const cookie = `${party}_sid=${(await signIn(party, user)).cookies[`${party}_sid`]}`;
      // org2 asks every user to set up a security method once (its enrollment page) first.
      if (party === 'org2')
        await send('POST', url(party, '/signin/enroll'), { headers: { cookie }, form: {} });
      const home = await send('GET', url(party, '/app/UserHome'), { headers: { cookie } });
      expect(home.status).toBe(200);
      const out = await send('GET', url(party, linkTo(home, '/login/signout')), { headers: { cookie } });
      expect([party, out.status, out.headers.location]).toEqual([party, 302, '/login']);
      const after = await send('GET', url(party, '/app/UserHome'), { headers: { cookie } });
      expect([party, after.status]).toEqual([party, 302]);
    }
  });

  it('dropbox: /logout, then /home asks to sign in again', async () => {
    const org1 = `org1_sid=${(await signIn('org1', SARAH)).cookies.org1_sid}`;
    const tile = async (base: string, cookie: string) => {
      const home = await send('GET', `${base}/app/UserHome`, { headers: { cookie } });
      const form = formOf(await send('GET', `${base}${linkTo(home, '/sso/saml')}`, { headers: { cookie } }));
      return send('POST', form.action, { form: form.fields });
    };
    const org2 = `org2_sid=${(await tile(world.org1.url, org1)).cookies.org2_sid}`;
    await send('POST', url('org2', '/signin/enroll'), { headers: { cookie: org2 }, form: {} });
    const dropbox = `dbx_session=${(await tile(world.org2.url, org2)).cookies.dbx_session}`;
    await send('POST', url('dropbox', '/team/join'), { headers: { cookie: dropbox }, form: {} });
    const home = await send('GET', url('dropbox', '/home'), { headers: { cookie: dropbox } });
    expect(home.status).toBe(200);
    const out = await send('GET', url('dropbox', linkTo(home, '/logout')), { headers: { cookie: dropbox } });
    expect([out.status, out.headers.location]).toEqual([302, '/login']);
    expect((await send('GET', url('dropbox', '/home'), { headers: { cookie: dropbox } })).status).toBe(302);
  });
});

it.each(['org1', 'org2', 'dropbox'] as const)(
  "%s answers an unknown path with its own 404 page, not express's",
  async (party) => {
    const answer = await send('GET', url(party, '/no/such/page'));
    expect(answer.status).toBe(404);
    expect(pageCode(answer)).toBe('HTTP_NOT_FOUND');
    expect(answer.text).not.toContain('Cannot GET');
    expect(parse(answer.text).querySelector('h1')?.text).toBe('Page not found');
  },
);
