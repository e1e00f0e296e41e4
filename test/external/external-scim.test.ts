import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OKTA_SCIM_USER_AGENT } from '../../harness/scim/client.js';
import type { SamlAppConfig } from '../../harness/world/config.js';
import { WORLD_DEFAULTS } from '../../harness/world/defaults.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { startScimServer } from './scim-server.js';

// Issue #15's second "done when": a SCIM server that is not fedsim's receives Okta's request
// sequence when a user is assigned to an App Integration Wizard app with SCIM provisioning.
// Okta's sequence on assignment: find by userName, then create if absent
// (https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20, "Create Users").

const [SARAH] = WORLD_DEFAULTS.org1Users;
const TOKEN = 'scim-secret-token';

let server: Awaited<ReturnType<typeof startScimServer>>;
let world: World;

const appConfig = (
  name: string,
  extra: Partial<NonNullable<SamlAppConfig['provisioning']>>,
): SamlAppConfig => ({
  name,
  saml: { acsUrl: 'http://127.0.0.1:9/acs', audience: `urn:example:${name}` },
  provisioning: { scim: { url: server.url, token: TOKEN }, ...extra },
});

beforeAll(async () => {
  server = await startScimServer();
  world = await createWorld({
    org2: {
      apps: [
        appConfig('Put App', {}),
        appConfig('Patch App', {
          updateMethod: 'PATCH',
          scim: { url: server.url, token: 'ops:pw', authScheme: 'basic' },
        }),
      ],
    },
  });
  await world.org1.assign(SARAH.login);
  await world.settle();
});

afterAll(async () => {
  await world?.close();
  await server?.listening.close();
});

const calls = () => server.seen.splice(0).map((s) => `${s.method} ${decodeURIComponent(s.path)}`);

describe('an external SCIM server receives Okta’s requests', () => {
  it('assign: GET by userName, then POST the user, with Okta’s headers and body', async () => {
    server.seen.length = 0;
    await world.org2.apps.assign(world.org2.apps.get('Put App'), SARAH.login);
    const [find, create] = server.seen;
    expect(calls()).toEqual([
      `GET /scim/v2/Users?filter=userName eq "${SARAH.login}"&startIndex=1&count=100`,
      'POST /scim/v2/Users',
    ]);
    expect(find?.headers).toEqual({
      authorization: `Bearer ${TOKEN}`,
      accept: 'application/scim+json',
      'content-type': undefined,
      'user-agent': OKTA_SCIM_USER_AGENT,
    });
    expect(create?.headers['content-type']).toBe('application/scim+json; charset=utf-8');
    const org2User = world.org2.directory.get(SARAH.login);
    expect(create?.body).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: SARAH.login,
      name: { givenName: 'Sarah', familyName: 'Miller' },
      emails: [{ primary: true, value: SARAH.email, type: 'work' }],
      displayName: 'Sarah Miller',
      externalId: org2User.id,
      active: true,
    });
    // The SCIM id is the app user's externalId.
    expect(world.org2.apps.provisionerOf(world.org2.apps.get('Put App')).externalId(org2User.id)).toBe('u1');
  });

  it('a profile change: GET then PUT of the whole user (the AIW default)', async () => {
    await world.org2.directory.update(SARAH.login, { lastName: 'Jones' });
    await world.settle();
    const seen = [...server.seen];
    expect(calls()).toEqual(['GET /scim/v2/Users/u1', 'PUT /scim/v2/Users/u1']);
    expect(seen[1]?.body).toMatchObject({
      id: 'u1',
      name: { familyName: 'Jones' },
      displayName: 'Sarah Jones',
    });
  });

  it('PATCH updates and basic auth when the app says so; unassign deactivates with PATCH active:false', async () => {
    const app = world.org2.apps.get('Patch App');
    await world.org2.apps.assign(app, SARAH.login);
    expect(server.seen[0]?.headers.authorization).toBe(`Basic ${Buffer.from('ops:pw').toString('base64')}`);
    // She is there already (Put App created her): found by userName, then updated with one PATCH.
    expect(calls()).toEqual([
      `GET /scim/v2/Users?filter=userName eq "${SARAH.login}"&startIndex=1&count=100`,
      'PATCH /scim/v2/Users/u1',
    ]);
    await world.org2.directory.update(SARAH.login, { firstName: 'Sally' });
    await world.settle();
    // Both apps hold Sarah as u1: only Patch App's calls (basic auth) are about this setting.
    const patchApp = server.seen.filter((c) => c.headers.authorization?.startsWith('Basic'));
    calls();
    expect(patchApp.map((c) => `${c.method} ${c.path}`)).toEqual(['PATCH /scim/v2/Users/u1']);
    const [patch] = patchApp;
    expect(patch?.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { name: { givenName: 'Sally', familyName: 'Jones' } } }],
    });
    await world.org2.apps.unassign(app, SARAH.login);
    expect(server.seen.at(-1)?.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
  });

  it('a 503 is retried with back-off by the same task machinery as Dropbox’s', async () => {
    server.seen.length = 0;
    const [, david] = WORLD_DEFAULTS.org1Users;
    await world.org1.assign(david.login);
    await world.settle();
    server.failNext(1);
    const app = world.org2.apps.get('Put App');
    await world.org2.apps.assign(app, david.login);
    const task = world.org2.apps.provisionerOf(app).tasks.at(-1);
    expect(task).toMatchObject({ action: 'create', status: 'done', attempts: 2 });
    expect(task?.errors.map((e) => e.status)).toEqual([503]);
  });
});
