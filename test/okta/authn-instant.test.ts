import { DOMParser } from '@xmldom/xmldom';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../harness/core/clock.js';
import { appSsoPathOf } from '../../harness/okta/org2/saml-app.js';
import { NS } from '../../harness/saml/constants.js';
import { WORLD_DEFAULTS } from '../../harness/world/defaults.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { cookieFrom, samlForm } from '../routes-helpers.js';
import { issue } from '../saml/helpers.js';

// AuthnInstant is when the user signed in at the issuing org, IssueInstant when the tile was
// clicked; SessionIndex as Okta sets it. Sources: docs/decisions/okta-saml-wire-shape.md.

const [SARAH] = WORLD_DEFAULTS.org1Users;
const MINUTE = 60_000;

let world: World;
let clock: FixedClock;

beforeAll(async () => {
  clock = new FixedClock(new Date(WORLD_DEFAULTS.clock));
  world = await createWorld({}, { clock });
  await world.org1.assign(SARAH.login);
  await world.settle();
});

afterAll(async () => {
  await world?.close();
});

function timesOf(base64: string) {
  const doc = new DOMParser().parseFromString(Buffer.from(base64, 'base64').toString('utf8'), 'text/xml');
  const response = doc.documentElement as unknown as Element;
  const authn = doc.getElementsByTagNameNS(NS.assertion, 'AuthnStatement')[0] as unknown as Element;
  return {
    issueInstant: response.getAttribute('IssueInstant'),
    authnInstant: authn.getAttribute('AuthnInstant'),
    sessionIndex: authn.getAttribute('SessionIndex'),
  };
}

describe('AuthnInstant is the sign-in at the issuing org, IssueInstant the click', () => {
  it('org1 (password sign-in) → Org2Org, then org2 (federated sign-in) → Dropbox', async () => {
    const signedInAtOrg1 = clock.now();
    const login = await request(world.org1.url)
      .post('/login')
      .type('form')
      .send({ username: SARAH.login, password: SARAH.password });
    const org1Cookie = cookieFrom(login, world.org1.sessions.cookieName) ?? '';

    clock.advance(10 * MINUTE);
    const clickedOrg2Org = clock.now();
    const ssoPath = `/app/okta_org2org/${world.org1.app.key}/sso/saml`;
    const form = samlForm((await request(world.org1.url).get(ssoPath).set('Cookie', org1Cookie)).text);
    const org2org = timesOf(form.fields.SAMLResponse ?? '');
    expect(org2org).toEqual({
      issueInstant: clickedOrg2Org.toISOString(),
      authnInstant: signedInAtOrg1.toISOString(),
      // IdP-initiated: `id` + the issue time in epoch milliseconds + `.` + a number.
      sessionIndex: expect.stringMatching(new RegExp(`^id${clickedOrg2Org.getTime()}\\.\\d+$`)),
    });

    const acs = await request(world.org2.url)
      .post(new URL(world.org2.acsUrl).pathname)
      .type('form')
      .send(form.fields);
    expect(acs.status).toBe(200);
    const org2Cookie = cookieFrom(acs, world.org2.sessions.cookieName) ?? '';
    await world.org2.assignDropbox(SARAH.login);
    await world.settle();

    clock.advance(5 * MINUTE);
    const dropboxPath = appSsoPathOf(world.org2.options.dropbox);
    const dropboxForm = samlForm(
      (await request(world.org2.url).get(dropboxPath).set('Cookie', org2Cookie)).text,
    );
    expect(timesOf(dropboxForm.fields.SAMLResponse ?? '')).toMatchObject({
      issueInstant: clock.now().toISOString(),
      authnInstant: clickedOrg2Org.toISOString(),
    });
  });

  it('answering an AuthnRequest, SessionIndex is its ID (as in every SP-initiated Okta capture)', () => {
    const { xml } = issue({ inResponseTo: '_4d84cad1-1c61-4e4f-8ab6-1358b8d0da77' });
    expect(timesOf(Buffer.from(xml).toString('base64')).sessionIndex).toBe(
      '_4d84cad1-1c61-4e4f-8ab6-1358b8d0da77',
    );
  });
});
