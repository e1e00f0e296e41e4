import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NS } from '../../harness/saml/constants.js';
import { WORLD_DEFAULTS } from '../../harness/world/defaults.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { cookieFrom, decodeResponse, errorCodeOf, samlForm } from '../routes-helpers.js';

const [SARAH, DAVID] = WORLD_DEFAULTS.org1Users;
const HOME = '/app/UserHome';

let world: World;
let ssoPath: string;

/** Signs in at org1 over HTTP and returns the session cookie (`name=value`). */
async function signIn(login: string, password: string): Promise<string> {
  const res = await request(world.org1.url).post('/login').type('form').send({ username: login, password });
  expect(res.status).toBe(303);
  const cookie = cookieFrom(res, world.org1.sessions.cookieName);
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

beforeAll(async () => {
  world = await createWorld();
  ssoPath = `/app/okta_org2org/${world.org1.app.key}/sso/saml`;
});

afterAll(async () => {
  await world?.close();
});

describe('org1 sign-in', () => {
  it('GET /login shows the sign-in form, carrying fromURI', async () => {
    const res = await request(world.org1.url).get('/login?fromURI=/app/UserHome');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html');
    const form = samlForm(res.text);
    expect(form.action).toBe('/login');
    expect(Object.keys(form.fields).sort()).toEqual(['fromURI', 'password', 'username']);
    expect(form.fields.fromURI).toBe(HOME);
  });

  it.each([
    ['a wrong password', SARAH.login, 'wrong-password'],
    ['an unknown user', 'nobody@org1.example', SARAH.password],
    ['an empty form', '', ''],
  ])('%s → 401, no session', async (_why, username, password) => {
    const res = await request(world.org1.url).post('/login').type('form').send({ username, password });
    expect(res.status).toBe(401);
    expect(res.text).toContain('Unable to sign in');
    expect(cookieFrom(res, world.org1.sessions.cookieName)).toBeUndefined();
  });

  it('the right password → 303 to the dashboard with an HttpOnly session cookie', async () => {
    const res = await request(world.org1.url)
      .post('/login')
      .type('form')
      .send({ username: SARAH.login.toUpperCase(), password: SARAH.password });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(HOME);
    const raw = String(res.headers['set-cookie']);
    expect(raw).toContain(`${world.org1.sessions.cookieName}=`);
    expect(raw).toMatch(/HttpOnly/i);
    expect(world.org1.directory.get(SARAH.login).lastLogin?.toISOString()).toBe(WORLD_DEFAULTS.clock);
  });

  it('goes back to a local fromURI, never to another origin', async () => {
    const to = async (fromURI: string) =>
      (
        await request(world.org1.url)
          .post('/login')
          .type('form')
          .send({ username: SARAH.login, password: SARAH.password, fromURI })
      ).headers.location;
    expect(await to(ssoPath)).toBe(ssoPath);
    expect(await to('https://evil.example/')).toBe(HOME);
    expect(await to('//evil.example/')).toBe(HOME);
    expect(await to('/\\evil.example/')).toBe(HOME);
  });

  it('a deactivated user with the right password is refused with AUTH_USER_INACTIVE', async () => {
    world.org1.addUser({ ...SARAH, login: 'gone@org1.example', email: 'gone@org1.example' });
    await world.org1.deactivate('gone@org1.example');
    const res = await request(world.org1.url)
      .post('/login')
      .type('form')
      .send({ username: 'gone@org1.example', password: SARAH.password });
    expect(res.status).toBe(403);
    expect(errorCodeOf(res)).toBe('AUTH_USER_INACTIVE');
  });
});

describe('org1 dashboard and Org2Org SSO', () => {
  it('without a session the dashboard and the SSO URL redirect to /login', async () => {
    const home = await request(world.org1.url).get(HOME);
    expect(home.status).toBe(302);
    expect(home.headers.location).toBe('/login?fromURI=/app/UserHome');
    const sso = await request(world.org1.url).get(ssoPath);
    expect(sso.status).toBe(302);
    expect(sso.headers.location).toBe(`/login?fromURI=${encodeURIComponent(ssoPath)}`);
    const bogus = await request(world.org1.url)
      .get(HOME)
      .set('Cookie', `${world.org1.sessions.cookieName}=x`);
    expect(bogus.status).toBe(302);
  });

  it('shows the Org2Org tile only once the user is assigned', async () => {
    const cookie = await signIn(SARAH.login, SARAH.password);
    const before = await request(world.org1.url).get(HOME).set('Cookie', cookie);
    expect(before.status).toBe(200);
    expect(before.text).toContain('No apps are assigned to you yet.');
    expect(before.text).not.toContain(ssoPath);
    await world.org1.assign(SARAH.login);
    await world.settle();
    const after = await request(world.org1.url).get(HOME).set('Cookie', cookie);
    expect(after.text).toContain(`href="${ssoPath}"`);
    expect(after.text).toContain('>Org2Org</a>');
    expect(world.org2.directory.find(SARAH.login)?.profile.firstName).toBe('Sarah');
  });

  it('the SSO URL answers an auto-post form with a signed Response for org2', async () => {
    const cookie = await signIn(SARAH.login, SARAH.password);
    const res = await request(world.org1.url)
      .get(`${ssoPath}?RelayState=%2Fapp%2FUserHome`)
      .set('Cookie', cookie);
    expect(res.status).toBe(200);
    expect(res.text).toContain('document.forms[0].submit()');
    const form = samlForm(res.text);
    expect(form.action).toBe(world.org2.acsUrl);
    expect(form.fields.RelayState).toBe(HOME);
    const saml = decodeResponse(form.fields.SAMLResponse ?? '');
    expect(saml.root).toBe(`{${NS.protocol}}Response`);
    expect(saml.destination).toBe(world.org2.acsUrl);
    expect(saml.issuers).toEqual([
      `http://www.okta.com/${world.org1.app.key}`,
      `http://www.okta.com/${world.org1.app.key}`,
    ]);
    expect(saml.nameIds).toEqual([SARAH.login]);
    expect(saml.audiences).toEqual([`https://www.okta.com/saml2/service-provider/${world.org2.idp.spId}`]);
    expect(saml.signatures).toBe(2);
    expect(saml.attributes).toEqual({
      firstName: ['Sarah'],
      lastName: ['Miller'],
      email: [SARAH.email],
    });
  });

  it('org2 accepts that response once, and refuses its replay', async () => {
    const cookie = await signIn(SARAH.login, SARAH.password);
    const { fields } = samlForm((await request(world.org1.url).get(ssoPath).set('Cookie', cookie)).text);
    const acsPath = new URL(world.org2.acsUrl).pathname;
    const first = await request(world.org2.url).post(acsPath).type('form').send(fields);
    expect(first.status).toBe(200);
    expect(errorCodeOf(first)).toBeUndefined();
    expect(world.org2.signIns.at(-1)).toMatchObject({ ok: true, login: SARAH.login });
    expect(world.org2.links.get(world.org2.directory.get(SARAH.login).id)?.externalId).toBe(SARAH.login);
    const replay = await request(world.org2.url).post(acsPath).type('form').send(fields);
    // Okta's generic 400 page for the user; fedsim's code stays readable by the harness.
    expect(replay.status).toBe(400);
    expect(replay.text).toContain('GENERAL_NONSUCCESS');
    expect(errorCodeOf(replay)).toBe('SAML_REPLAY');
    // The org2 session the first post started: enrollment returns to a local RelayState only.
    const org2Cookie = cookieFrom(first, world.org2.sessions.cookieName) ?? '';
    const enroll = (RelayState: string) =>
      request(world.org2.url)
        .post('/signin/enroll')
        .set('Cookie', org2Cookie)
        .type('form')
        .send({ RelayState });
    expect((await enroll('/\\evil.example/')).headers.location).toBe(HOME);
    expect((await enroll('//evil.example/')).headers.location).toBe(HOME);
    const ok = await enroll(HOME);
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe(HOME);
  });

  it('an unassigned user gets 403 APP_NOT_ASSIGNED', async () => {
    const cookie = await signIn(DAVID.login, DAVID.password);
    const res = await request(world.org1.url).get(ssoPath).set('Cookie', cookie);
    expect(res.status).toBe(403);
    expect(errorCodeOf(res)).toBe('APP_NOT_ASSIGNED');
    expect(res.text).not.toContain('SAMLResponse');
  });
});

describe('org2 ACS refuses unusable input before any user is touched', () => {
  const post = (form: Record<string, string>) =>
    request(world.org2.url).post(new URL(world.org2.acsUrl).pathname).type('form').send(form);

  it.each([
    ['garbage', 'SAML_BASE64_INVALID', { SAMLResponse: '!!!not base64!!!' }],
    ['a missing field', 'SAML_INPUT_MISSING', { RelayState: HOME }],
    ['an empty field', 'SAML_INPUT_MISSING', { SAMLResponse: '' }],
    ['base64 of text', 'SAML_XML_INVALID', { SAMLResponse: Buffer.from('hello').toString('base64') }],
  ])('%s → 400 %s', async (_what, code, form) => {
    const users = world.org2.directory.all().length;
    const links = world.org2.links.all().length;
    const res = await post(form);
    expect(res.status).toBe(400);
    expect(errorCodeOf(res)).toBe(code);
    expect(world.org2.signIns.at(-1)).toMatchObject({ ok: false, error: { code } });
    expect(world.org2.directory.all()).toHaveLength(users);
    expect(world.org2.links.all()).toHaveLength(links);
    expect(cookieFrom(res, world.org2.sessions.cookieName)).toBeUndefined();
  });
});

describe("org2's SP-initiated start keeps the relay target on org2", () => {
  const relayOf = async (query: string) => {
    const res = await request(world.org2.url).get(`${new URL(world.org2.acsUrl).pathname}?${query}`);
    expect(res.status).toBe(302);
    return new URL(res.headers.location ?? '').searchParams.get('RelayState');
  };

  it.each([
    ['RelayState=%2F%2Fevil.example%2F', HOME],
    ['fromURI=https%3A%2F%2Fevil.example%2F', HOME],
    ['RelayState=%2F%5Cevil.example%2F', HOME],
    [`fromURI=${encodeURIComponent(`${HOME}?tab=apps`)}`, `${HOME}?tab=apps`],
  ])('%s → RelayState %s', async (query, relay) => {
    expect(await relayOf(query)).toBe(relay);
  });
});
