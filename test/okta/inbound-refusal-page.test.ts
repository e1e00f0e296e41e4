import { parse } from 'node-html-parser';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { WORLD_DEFAULTS } from '../../harness/world/defaults.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { cookieFrom, errorCodeOf, samlForm } from '../routes-helpers.js';

// What Sarah sees when org2 finds no user for her (docs/decisions/inbound-failure-page.md):
// "If no match is found: Redirect to Okta sign-in page" (provisioning DISABLED, help.okta.com
// "Add an Okta Identity Provider") sends her to org2's sign-in page; otherwise Okta's generic
// 400 GENERAL_NONSUCCESS page (support.okta.com). Either page carries fedsim's code in meta tags.

const [SARAH] = WORLD_DEFAULTS.org1Users;
let world: World | undefined;
afterEach(async () => {
  await world?.close();
});

/** Sarah, assigned but never provisioned, posts org1's response to org2's ACS. */
async function postUnknownSarah(w: World) {
  await w.org1.assign(SARAH.login);
  const login = await request(w.org1.url)
    .post('/login')
    .type('form')
    .send({ username: SARAH.login, password: SARAH.password });
  const cookie = cookieFrom(login, w.org1.sessions.cookieName) ?? '';
  const sso = await request(w.org1.url)
    .get(`/app/okta_org2org/${w.org1.app.key}/sso/saml`)
    .set('Cookie', cookie);
  const acsPath = new URL(w.org2.acsUrl).pathname;
  return request(w.org2.url).post(acsPath).type('form').send(samlForm(sso.text).fields);
}

describe('a refused inbound sign-in, as the end user sees it', () => {
  it('no match with "Redirect to Okta sign-in page": the sign-in page, once, carrying IDP_USER_NOT_FOUND', async () => {
    world = await createWorld({
      org1: { org2org: { provisioning: { enabled: false } } },
      org2: { idp: { provisioning: 'DISABLED' } },
    });
    const acs = await postUnknownSarah(world);
    expect(acs.status).toBe(303);
    expect(acs.headers.location).toBe('/login');
    const refusal = cookieFrom(acs, `${world.org2.options.name}_idp_refusal`) ?? '';
    const page = await request(world.org2.url).get('/login').set('Cookie', refusal);
    expect(page.status).toBe(200);
    expect(page.text).toContain('id="sign-in"');
    expect(errorCodeOf(page)).toBe('IDP_USER_NOT_FOUND');
    const again = await request(world.org2.url).get('/login').set('Cookie', refusal);
    expect(errorCodeOf(again)).toBeUndefined();
  });

  it('no match with JIT on but off for the org: the generic 400 GENERAL_NONSUCCESS page', async () => {
    world = await createWorld({
      org1: { org2org: { provisioning: { enabled: false } } },
      org2: { jit: false },
    });
    const acs = await postUnknownSarah(world);
    expect(acs.status).toBe(400);
    expect(acs.text).toContain('GENERAL_NONSUCCESS');
    expect(acs.text).not.toContain('class="hint"');
    expect(errorCodeOf(acs)).toMatch(/^IDP_/);
    // Issue #14 §4: below Okta's words, fedsim's code and its fix (end-user-pages.md).
    const note = parse(acs.text).querySelector('p.fedsim');
    expect(note?.querySelector('code')?.text).toBe(errorCodeOf(acs));
  });
});
