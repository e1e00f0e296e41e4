import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Listening, listen } from '../../harness/core/listen.js';
import { OKTA_SCIM_USER_AGENT } from '../../harness/scim/client.js';
import type { SamlAppConfig } from '../../harness/world/config.js';
import { WORLD_DEFAULTS } from '../../harness/world/defaults.js';
import { createWorld, type World } from '../../harness/world/world.js';

// Issue #15's second "done when": a SCIM server that is not fedsim's receives Okta's request
// sequence when a user is assigned to an App Integration Wizard app with SCIM provisioning.
// Okta's sequence on assignment: find by userName, then create if absent
// (https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20, "Create Users").

const [SARAH] = WORLD_DEFAULTS.org1Users;
const TOKEN = 'scim-secret-token';

interface Seen {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  body: unknown;
}

/** A minimal SCIM 2.0 server in the test: records every request; `failNext` answers 503s first. */
async function startScimServer() {
  const seen: Seen[] = [];
  const users = new Map<string, Record<string, unknown>>();
  let failNext = 0;
  const app = express();
  app.use(express.json({ type: ['application/json', 'application/scim+json'] }));
  app.use((req, res, next) => {
    const { authorization, accept } = req.headers;
    const headers = {
      authorization,
      accept,
      'content-type': req.headers['content-type'],
      'user-agent': req.headers['user-agent'],
    };
    seen.push({ method: req.method, path: req.originalUrl, headers, body: req.body });
    if (failNext > 0) {
      failNext--;
      res.status(503).json({ detail: 'busy' });
    } else next();
  });
  const scim = (res: express.Response, status: number, body: unknown) =>
    res.status(status).type('application/scim+json').send(JSON.stringify(body));
  app.get('/scim/v2/Users', (req, res) => {
    const name = /userName eq "(.*)"/.exec(String(req.query.filter ?? ''))?.[1];
    const found = [...users.values()].filter((u) => u.userName === name);
    scim(res, 200, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: found.length,
      Resources: found,
    });
  });
  app.post('/scim/v2/Users', (req, res) => {
    const id = `u${users.size + 1}`;
    users.set(id, { ...req.body, id });
    scim(res, 201, users.get(id));
  });
  app.get('/scim/v2/Users/:id', (req, res) => scim(res, 200, users.get(req.params.id)));
  app.put('/scim/v2/Users/:id', (req, res) => {
    users.set(req.params.id, { ...req.body, id: req.params.id });
    scim(res, 200, users.get(req.params.id));
  });
  app.patch('/scim/v2/Users/:id', (req, res) => {
    const value = (req.body.Operations?.[0]?.value ?? {}) as Record<string, unknown>;
    users.set(req.params.id, { ...users.get(req.params.id), ...value });
    scim(res, 200, users.get(req.params.id));
  });
  const listening: Listening = await listen(app);
  return {
    listening,
    seen,
    users,
    url: `${listening.url}/scim/v2`,
    failNext: (n: number) => {
      failNext = n;
    },
  };
}

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
