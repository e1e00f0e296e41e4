import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededIds } from '../../harness/core/ids.js';
import { createWorld } from '../../harness/world/world.js';
import { concrete, type Route, routesOf } from './api-routes.js';
import { formOf, linkTo, pageCode, type Served, send, startServe } from './serve-process.js';

/**
 * `fedsim serve` against hostile neighbours (issue #13, "Session and secrets"): a real served
 * world on loopback, attacked the way another page, another local process or a guesser would.
 * Decisions: docs/decisions/serve-hardening.md, docs/decisions/account-lockout.md.
 */
let a: Served;
let b: Served;
/** `--fixed-tokens --host 0.0.0.0`: two options that do not touch each other, one start for both tests. */
let fixed: Served;
/** Every `/api/v1`, SCIM and Dropbox API route of each party, read off its express routers. */
let apiRoutes: Record<'org1' | 'org2' | 'dropbox', Route[]>;

beforeAll(async () => {
  [a, b, fixed] = await Promise.all([
    startServe(),
    startServe(),
    startServe('--fixed-tokens', '--host', '0.0.0.0'),
  ]);
  const world = await createWorld();
  const api = (r: Route) => /^\/(api\/v1|scim\/v2|2)\//.test(r.path);
  apiRoutes = {
    org1: routesOf(world.org1.createApp()).filter(api),
    org2: routesOf(world.org2.createApp()).filter(api),
    dropbox: routesOf(world.dropbox.createApp()).filter(api),
  };
  await world.close();
});

afterAll(async () => {
  await Promise.all([a, b, fixed].map((s) => s?.stop()));
});

const SARAH = { login: 'sarah@org1.example', password: 'Sarah-Passw0rd!' };
const DAVID = { login: 'david@org1.example', password: 'David-Passw0rd!' };

/** A password sign-in at org1; `cookie` is what the browser already carried. */
async function org1SignIn(s: Served, user: { login: string; password: string }, cookie?: string) {
  return send('POST', `${s.facts.org1.url}/login`, {
    form: { username: user.login, password: user.password },
    headers: cookie ? { cookie } : {},
  });
}

/** org1's auto-post page carrying a fresh SAMLResponse of the Org2Org app for Sarah. */
async function org2orgPage(s: Served) {
  const signedIn = await org1SignIn(s, SARAH);
  const cookie = `org1_sid=${signedIn.cookies.org1_sid}`;
  const home = await send('GET', `${s.facts.org1.url}/app/UserHome`, { headers: { cookie } });
  return send('GET', `${s.facts.org1.url}${linkTo(home, '/sso/saml')}`, { headers: { cookie } });
}

/** The SAML form of that page: org2's ACS and the SAMLResponse. */
const org2orgResponse = async (s: Served) => formOf(await org2orgPage(s));

/** Posts a SAML form to its ACS with the cookie the browser carries there. */
const postAcs = (form: { action: string; fields: Record<string, string> }, cookie?: string) =>
  send('POST', form.action, { form: form.fields, headers: cookie ? { cookie } : {} });

describe('session fixation: every sign-in issues a fresh session id and forgets the planted one', () => {
  it("org1's password sign-in", async () => {
    const planted = (await org1SignIn(a, SARAH)).cookies.org1_sid;
    const again = await org1SignIn(a, SARAH, `org1_sid=${planted}`);
    expect(again.cookies.org1_sid).toMatch(/^[\w-]{32}$/);
    expect(again.cookies.org1_sid).not.toBe(planted);
    const old = await send('GET', `${a.facts.org1.url}/app/UserHome`, {
      headers: { cookie: `org1_sid=${planted}` },
    });
    expect(old.status).toBe(302);
  });

  it("org2's ACS (a federated sign-in)", async () => {
    const planted = (await postAcs(await org2orgResponse(a))).cookies.org2_sid;
    expect(planted).toBeDefined();
    const again = await postAcs(await org2orgResponse(a), `org2_sid=${planted}`);
    expect(again.status).toBe(200);
    expect(again.cookies.org2_sid).toMatch(/^[\w-]{32}$/);
    expect(again.cookies.org2_sid).not.toBe(planted);
    const old = await send('GET', `${a.facts.org2.url}/app/UserHome`, {
      headers: { cookie: `org2_sid=${planted}` },
    });
    expect(old.status).toBe(302);
  });

  it("dropbox's ACS (an SP sign-in)", async () => {
    const org2 = `org2_sid=${(await postAcs(await org2orgResponse(a))).cookies.org2_sid}`;
    await send('POST', `${a.facts.org2.url}/signin/enroll`, { headers: { cookie: org2 }, form: {} });
    const dropboxForm = async () => {
      const home = await send('GET', `${a.facts.org2.url}/app/UserHome`, { headers: { cookie: org2 } });
      return formOf(
        await send('GET', `${a.facts.org2.url}${linkTo(home, '/sso/saml')}`, { headers: { cookie: org2 } }),
      );
    };
    const first = await postAcs(await dropboxForm());
    const planted = `dbx_session=${first.cookies.dbx_session}`;
    await send('POST', `${a.facts.dropbox.url}/team/join`, { headers: { cookie: planted }, form: {} });
    expect((await send('GET', `${a.facts.dropbox.url}/home`, { headers: { cookie: planted } })).status).toBe(
      200,
    );
    const again = await postAcs(await dropboxForm(), planted);
    expect(again.cookies.dbx_session).toMatch(/^[\w-]{32}$/);
    expect(`dbx_session=${again.cookies.dbx_session}`).not.toBe(planted);
    expect((await send('GET', `${a.facts.dropbox.url}/home`, { headers: { cookie: planted } })).status).toBe(
      302,
    );
  });
});

describe('secrets are not predictable', () => {
  it('two serves draw different API and SCIM tokens and different session ids', async () => {
    expect(a.facts.org2.apiToken).toMatch(/^[\w-]{42}$/);
    expect(a.facts.org2.apiToken).not.toBe(b.facts.org2.apiToken);
    expect(a.facts.dropbox.scimToken).not.toBe(b.facts.dropbox.scimToken);
    const [sa, sb] = await Promise.all([org1SignIn(a, DAVID), org1SignIn(b, DAVID)]);
    expect(sa.cookies.org1_sid).not.toBe(sb.cookies.org1_sid);
  });

  it("--fixed-tokens gives the seed's tokens, the same on every start", () => {
    const seeded = new SeededIds('fedsim');
    const superAdmin = seeded.token(42);
    seeded.token(42);
    expect(fixed.facts.org2.apiToken).toBe(superAdmin);
    expect(fixed.facts.dropbox.scimToken).toBe(seeded.token(48));
  });
});

describe('every API route needs its token', () => {
  /** Public by decision: the SP metadata (idps-api-behind-ssws.md) and the session's own user. */
  const PUBLIC = new Set(['GET /api/v1/idps/:idpId/metadata.xml', 'GET /api/v1/users/me']);
  const base = (party: 'org1' | 'org2' | 'dropbox') => a.facts[party].url;

  it('the routers declare the routes this test walks', () => {
    expect(apiRoutes.org1.length).toBeGreaterThan(10);
    expect(apiRoutes.org2.length).toBeGreaterThan(25);
    expect(apiRoutes.dropbox.map((r) => r.path)).toContain('/scim/v2/Users/:id');
  });

  it.each(['org1', 'org2'] as const)(
    '%s: no token → 403 E0000005, a wrong one → 401 E0000011',
    async (party) => {
      for (const route of apiRoutes[party].filter((r) => !PUBLIC.has(`${r.method} ${r.path}`))) {
        const url = `${base(party)}${concrete(route.path)}`;
        const none = await send(route.method, url, { json: route.method === 'GET' ? undefined : {} });
        expect([route, none.status, JSON.parse(none.text).errorCode]).toEqual([route, 403, 'E0000005']);
        const wrong = await send(route.method, url, { headers: { authorization: 'SSWS not-a-token' } });
        expect([route, wrong.status, JSON.parse(wrong.text).errorCode]).toEqual([route, 401, 'E0000011']);
      }
    },
  );

  it('dropbox: SCIM and the account API answer 401 without a credential or with a wrong one', async () => {
    for (const route of apiRoutes.dropbox) {
      const url = `${base('dropbox')}${concrete(route.path)}`;
      for (const headers of [{}, { authorization: 'Bearer not-a-token' }] as Record<string, string>[]) {
        expect([route, (await send(route.method, url, { headers })).status]).toEqual([route, 401]);
      }
    }
  });

  it('the public ones give nothing away: /users/me without a session is 404', async () => {
    expect((await send('GET', `${base('org1')}/api/v1/users/me`)).status).toBe(404);
    expect((await send('GET', `${base('org2')}/api/v1/users/me`)).status).toBe(404);
  });
});

describe('cross-site forms and foreign Host headers', () => {
  const forms = () => [
    `${a.facts.org1.url}/login`,
    `${a.facts.org2.url}/signin/enroll`,
    `${a.facts.dropbox.url}/team/join`,
  ];

  it.each([
    [
      'another loopback port',
      (url: string) => (url.startsWith(a.facts.org1.url) ? a.facts.org2.url : a.facts.org1.url),
    ],
    ['an opaque origin', () => 'null'],
    ['a foreign site', () => 'http://evil.example'],
  ])('a form posted from %s → 403 HTTP_ORIGIN_REFUSED, no session', async (_why, origin) => {
    for (const url of forms()) {
      const res = await send('POST', url, {
        headers: { origin: origin(url) },
        form: { ...SARAH, username: SARAH.login },
      });
      expect([url, res.status, pageCode(res)]).toEqual([url, 403, 'HTTP_ORIGIN_REFUSED']);
      expect(Object.keys(res.cookies)).toEqual([]);
    }
  });

  it('a foreign Referer without Origin is refused too; the own origin signs in', async () => {
    const login = `${a.facts.org1.url}/login`;
    const form = { username: SARAH.login, password: SARAH.password };
    const referred = await send('POST', login, { headers: { referer: 'http://evil.example/x' }, form });
    expect([referred.status, pageCode(referred)]).toEqual([403, 'HTTP_ORIGIN_REFUSED']);
    const own = await send('POST', login, { headers: { origin: a.facts.org1.url }, form });
    expect(own.status).toBe(303);
  });

  it("the ACS takes a cross-origin post: that is SAML's POST binding", async () => {
    const form = await org2orgResponse(a);
    const res = await send('POST', form.action, { form: form.fields, headers: { origin: 'null' } });
    expect(res.status).toBeLessThan(400);
    expect(res.cookies.org2_sid).toBeDefined();
  });

  it('Host: evil.example (DNS rebinding) → 421 HTTP_HOST_REFUSED on every party; loopback names pass', async () => {
    for (const party of ['org1', 'org2', 'dropbox'] as const) {
      const { url } = a.facts[party];
      const port = new URL(url).port;
      const evil = await send('GET', `${url}/login`, { headers: { host: `evil.example:${port}` } });
      expect([party, evil.status, pageCode(evil)]).toEqual([party, 421, 'HTTP_HOST_REFUSED']);
      const api = await send('GET', `${url}/scim/v2/Users`, { headers: { host: 'evil.example' } });
      expect(api.status).toBe(421);
      const otherPort = await send('GET', `${url}/login`, { headers: { host: '127.0.0.1:1' } });
      expect(otherPort.status).toBe(421);
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
        expect((await send('GET', `${url}/login`, { headers: { host } })).status).toBe(200);
      }
    }
  });
});

describe('account lockout (Okta default password policy: 10 attempts)', () => {
  it('10 wrong passwords lock David out; the right one is refused; an admin unlocks him', async () => {
    const sso = a.facts.org1.url;
    const auth = { authorization: `SSWS ${a.facts.org2.apiToken}` };
    for (let i = 0; i < 10; i++) {
      expect((await org1SignIn(a, { ...DAVID, password: `wrong-${i}` })).status).toBe(401);
    }
    const locked = await org1SignIn(a, DAVID);
    expect([locked.status, pageCode(locked), locked.cookies.org1_sid]).toEqual([
      401,
      'AUTH_USER_LOCKED_OUT',
      undefined,
    ]);
    const user = JSON.parse(
      (await send('GET', `${sso}/api/v1/users/${DAVID.login}`, { headers: auth })).text,
    );
    expect(user.status).toBe('LOCKED_OUT');
    const filter = encodeURIComponent('eventType eq "user.account.lock"');
    const events = JSON.parse(
      (await send('GET', `${sso}/api/v1/logs?filter=${filter}`, { headers: auth })).text,
    );
    expect(events).toEqual([
      expect.objectContaining({
        displayMessage: 'Max sign in attempts exceeded',
        target: [expect.objectContaining({ id: user.id, alternateId: DAVID.login })],
      }),
    ]);
    const unlock = await send('POST', `${sso}/api/v1/users/${user.id}/lifecycle/unlock`, { headers: auth });
    expect(unlock.status).toBe(200);
    expect((await org1SignIn(a, DAVID)).status).toBe(303);
  });
});

describe('security headers on every page of every party', () => {
  it('frames denied, no sniffing, no cross-origin Referer, nothing cached', async () => {
    const pages = [
      await send('GET', `${a.facts.org1.url}/login`),
      await send('GET', `${a.facts.org2.url}/login`),
      await send('GET', `${a.facts.dropbox.url}/login`),
      await send('POST', a.facts.org2.acsUrl, { form: { SAMLResponse: 'not-saml' } }),
      await send('GET', `${a.facts.org2.url}/api/v1/users`, {
        headers: { authorization: `SSWS ${a.facts.org2.apiToken}` },
      }),
      await send('GET', `${a.facts.dropbox.url}/scim/v2/Users`),
      await org2orgPage(a),
    ];
    for (const page of pages) {
      expect({ page: page.text.slice(0, 80), ...page.headers }).toMatchObject({
        'x-frame-options': 'DENY',
        'content-security-policy': "frame-ancestors 'none'",
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'same-origin',
        'cache-control': 'no-store',
      });
    }
  });
});

describe('--host beyond loopback', () => {
  it('warns on stderr that tokens and passwords are reachable, and still starts', async () => {
    expect(fixed.facts.org2.apiToken).toMatch(/^[\w-]{42}$/);
    expect(fixed.stderr()).toMatch(/^fedsim: warning: listening on 0\.0\.0\.0, not loopback/);
    expect(a.stderr()).toBe('');
  });
});
