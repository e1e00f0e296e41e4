import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededIds } from '../../harness/core/ids.js';
import { loadCredential } from '../../harness/crypto/store.js';
import { appIssuerOf } from '../../harness/okta/org2/saml-app.js';
import { ISSUER_DEFAULTS, issueResponse, type ResponseRequest } from '../../harness/saml/issue.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { cookieFrom, errorCodeOf, org2DropboxResponse } from '../routes-helpers.js';

const ERIN = { login: 'erin@org2.example', email: 'erin@org2.example', firstName: 'Erin', lastName: 'Park' };
const ACS = '/saml_login';
const ACCOUNT = '/2/users/get_current_account';

let world: World;
/** One generator for the whole file, so every issued assertion has a fresh id. */
const ids = new SeededIds('dropbox-routes');

/** A response as org2's Dropbox app would sign it, for `nameId`; `overrides` break it on purpose. */
const org2Response = (nameId: string, overrides: Partial<ResponseRequest> = {}) =>
  org2DropboxResponse(world, ids, nameId, overrides);

const postAcs = (SAMLResponse?: string, cookie?: string) => {
  const req = request(world.dropbox.url).post(ACS).type('form');
  if (cookie) req.set('Cookie', cookie);
  return req.send(SAMLResponse === undefined ? { RelayState: 'x' } : { SAMLResponse });
};

beforeAll(async () => {
  world = await createWorld();
  world.org2.directory.create(ERIN, { password: 'Erin-Passw0rd!' });
});

afterAll(async () => {
  await world?.close();
});

describe('dropbox ACS refusals', () => {
  it.each([
    ['garbage', 'SAML_BASE64_INVALID', '%%%garbage%%%'],
    ['not base64', 'SAML_BASE64_INVALID', 'abc$def'],
    ['a missing field', 'SAML_INPUT_MISSING', undefined],
    ['not XML', 'SAML_XML_INVALID', Buffer.from('<<<').toString('base64')],
  ])('%s → 400 %s', async (_what, code, body) => {
    const res = await postAcs(body);
    expect(res.status).toBe(400);
    expect(errorCodeOf(res)).toBe(code);
    expect(cookieFrom(res, world.dropbox.sessions.cookieName)).toBeUndefined();
  });

  it('a response for another audience → 403 SAML_AUDIENCE_MISMATCH', async () => {
    const res = await postAcs(org2Response(ERIN.email, { audience: 'https://www.dropbox.com/other' }));
    expect(res.status).toBe(403);
    expect(errorCodeOf(res)).toBe('SAML_AUDIENCE_MISMATCH');
  });

  it('a response signed by org1 instead of org2 is refused', async () => {
    const forged = issueResponse(
      {
        ...ISSUER_DEFAULTS,
        issuer: appIssuerOf(world.org2.options.dropbox),
        credential: loadCredential('org1-org2org'),
      },
      { acsUrl: world.dropbox.acsUrl, audience: 'Dropbox', nameId: ERIN.email, attributes: {} },
      { clock: world.clock, ids },
    );
    const res = await postAcs(forged.base64);
    expect(res.status).toBe(403);
    expect(errorCodeOf(res)).toBe('SAML_SIGNATURE_INVALID');
  });

  it('a valid response for someone outside the team → 403 DROPBOX_MEMBER_NOT_FOUND', async () => {
    const res = await postAcs(org2Response('nobody@org2.example'));
    expect(res.status).toBe(403);
    expect(errorCodeOf(res)).toBe('DROPBOX_MEMBER_NOT_FOUND');
  });
});

describe('dropbox account API and pages without a session', () => {
  it.each(['get', 'post'] as const)(
    '%s /2/users/get_current_account → 401 invalid_access_token',
    async (m) => {
      const res = await request(world.dropbox.url)[m](ACCOUNT);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error_summary: 'invalid_access_token/',
        error: { '.tag': 'invalid_access_token' },
      });
    },
  );

  it('/ and /home send the visitor to sign in', async () => {
    const root = await request(world.dropbox.url).get('/');
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/home');
    const home = await request(world.dropbox.url).get('/home');
    expect(home.status).toBe(302);
    expect(home.headers.location).toBe('/login');
  });
});

describe('dropbox SCIM mount', () => {
  it.each([
    ['no token', undefined],
    ['a wrong token', 'Bearer not-the-token'],
    ['the token under another scheme', 'SSWS TOKEN'],
  ])('%s → 401 with the SCIM Error schema', async (_what, auth) => {
    const req = request(world.dropbox.url).get('/scim/v2/Users');
    if (auth) req.set('Authorization', auth.replace('TOKEN', world.tokens.scim));
    const res = await req;
    expect(res.status).toBe(401);
    expect(res.type).toBe('application/scim+json');
    expect(res.body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
    expect(Number(res.body.status)).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
  });

  it('answers a ListResponse with the right bearer token', async () => {
    const res = await request(world.dropbox.url)
      .get('/scim/v2/Users?startIndex=1&count=100')
      .set('Authorization', `Bearer ${world.tokens.scim}`);
    expect(res.status).toBe(200);
    expect(res.body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:ListResponse']);
    expect(res.body.totalResults).toBe(world.dropbox.team.all().length);
  });
});

describe('a provisioned member signs in', () => {
  let cookie = '';

  it('org2 assignment provisions Erin into the team as invited', async () => {
    await world.org2.assignDropbox(ERIN.login);
    await world.settle();
    expect(world.dropbox.team.findByUserName(ERIN.email)?.state).toBe('invited');
  });

  it('the first sign-in asks to join the team; the account API waits for it', async () => {
    const res = await postAcs(org2Response(ERIN.email));
    expect(res.status).toBe(200);
    expect(errorCodeOf(res)).toBeUndefined();
    expect(res.text).toContain('action="/team/join"');
    cookie = cookieFrom(res, world.dropbox.sessions.cookieName) ?? '';
    expect(cookie).not.toBe('');
    expect((await request(world.dropbox.url).get(ACCOUNT).set('Cookie', cookie)).status).toBe(401);
  });

  it('joining activates the member and opens /home and the account API', async () => {
    const join = await request(world.dropbox.url).post('/team/join').set('Cookie', cookie);
    expect(join.status).toBe(303);
    expect(join.headers.location).toBe('/home');
    expect(world.dropbox.team.findByUserName(ERIN.email)?.state).toBe('active');
    const home = await request(world.dropbox.url).get('/home').set('Cookie', cookie);
    expect(home.status).toBe(200);
    expect(home.text).toContain(ERIN.email);
    const account = await request(world.dropbox.url).get(ACCOUNT).set('Cookie', cookie);
    expect(account.status).toBe(200);
    expect(account.body).toMatchObject({ email: ERIN.email, name: { display_name: 'Erin Park' } });
    expect(account.body.account_id).toBe(`dbid:${account.body.team_member_id}`);
  });

  it('a second sign-in goes straight home; a replay is refused', async () => {
    const saml = org2Response(ERIN.email);
    const res = await postAcs(saml);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/home');
    const replay = await postAcs(saml);
    expect(replay.status).toBe(403);
    expect(errorCodeOf(replay)).toBe('SAML_REPLAY');
  });

  it('after unassignment the member is suspended: sign-in and the session are refused', async () => {
    await world.org2.unassignDropbox(ERIN.login);
    await world.settle();
    expect(world.dropbox.team.findByUserName(ERIN.email)?.state).toBe('suspended');
    const res = await postAcs(org2Response(ERIN.email));
    expect(res.status).toBe(403);
    expect(errorCodeOf(res)).toBe('DROPBOX_MEMBER_SUSPENDED');
    expect((await request(world.dropbox.url).get(ACCOUNT).set('Cookie', cookie)).status).toBe(401);
  });
});
