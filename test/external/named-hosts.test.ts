import type { LookupFunction } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../harness/agent/index.js';
import { FedsimError } from '../../harness/core/errors.js';
import { type Listening, listen } from '../../harness/core/listen.js';
import { spMetadataXml } from '../../harness/saml/metadata.js';
import { signInAndClick } from '../../harness/scenario/browse.js';
import type { WorldConfig } from '../../harness/world/config.js';
import { WORLD_DEFAULTS } from '../../harness/world/defaults.js';
import { namedOrigins } from '../../harness/world/outbound.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { startScimServer } from './scim-server.js';

// Issue #15: "an external party is any URL on loopback (or a host the user names explicitly);
// fedsim never contacts anything else". The SP and SCIM server here listen on 127.0.0.1 but are
// named by hosts that are not loopback names; the world's injected lookup (standing in for DNS)
// resolves only the names this test knows, so nothing leaves the machine and a host the world
// should refuse is seen never to be resolved.

const [SARAH] = WORLD_DEFAULTS.org1Users;
const SP_HOST = 'notes.example.internal';
const SCIM_HOST = 'scim.example.internal';
const LATER_HOST = 'later.example.internal';

const resolved: string[] = [];
const lookup = ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
  resolved.push(hostname);
  if (![SP_HOST, SCIM_HOST, LATER_HOST].includes(hostname)) {
    callback(Object.assign(new Error(`test DNS: no ${hostname}`), { code: 'ENOTFOUND' }));
  } else if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
}) as LookupFunction;

/** An SP serving its metadata, which names its ACS by the SP's own host; it records each post. */
async function startSp() {
  const posts: string[] = [];
  const app = express();
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  let base = '';
  app.get('/metadata', (_req, res) => {
    const md = { entityId: 'urn:example:notes', acsUrl: `${base}/acs` };
    res
      .type('application/xml')
      .send(spMetadataXml({ ...md, wantAssertionsSigned: true, authnRequestsSigned: false }));
  });
  app.post('/acs', (req, res) => {
    posts.push(String(req.body.SAMLResponse));
    res.type('html').send('<html><head><title>Notes</title></head><body>signed in</body></html>');
  });
  const listening: Listening = await listen(app);
  base = `http://${SP_HOST}:${new URL(listening.url).port}`;
  return { listening, posts, base };
}

let sp: Awaited<ReturnType<typeof startSp>>;
let scim: Awaited<ReturnType<typeof startScimServer>>;
let world: World;
let config: WorldConfig;

beforeAll(async () => {
  sp = await startSp();
  scim = await startScimServer();
  const scimUrl = `http://${SCIM_HOST}:${new URL(scim.url).port}/scim/v2`;
  config = {
    org2: {
      apps: [
        {
          name: 'Notes',
          saml: { metadata: `${sp.base}/metadata` },
          provisioning: { scim: { url: scimUrl, token: 'T' } },
        },
      ],
    },
  };
  world = await createWorld(config, { lookup });
});

afterAll(async () => {
  await world?.close();
  await sp?.listening.close();
  await scim?.listening.close();
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as FedsimError,
  );

describe('a world reaches loopback and the hosts its config names, nothing else', () => {
  it('collects the named origins from the config: app metadata, ACS and SCIM URLs, the external IdP', () => {
    expect(namedOrigins(config)).toEqual([sp.base, `http://${SCIM_HOST}:${new URL(scim.url).port}`]);
    expect(
      namedOrigins({
        org2: {
          idp: { metadata: 'https://idp.example.test/md', ssoUrl: 'https://idp.example.test:8443/sso' },
          apps: [
            {
              name: 'A',
              saml: { metadata: './sp.xml', acsUrl: 'https://a.example.test/acs', audience: 'a' },
            },
          ],
        },
      }),
    ).toEqual(['https://idp.example.test', 'https://idp.example.test:8443', 'https://a.example.test']);
  });

  it('reads the SP metadata from its named host, pushes to the named SCIM host and posts to the ACS there', async () => {
    expect(world.org2.apps.get('Notes').sp().acsUrl).toBe(`${sp.base}/acs`);
    await world.org1.assign(SARAH.login);
    await world.org2.apps.assign(world.org2.apps.get('Notes'), SARAH.login);
    await world.settle();
    expect(scim.seen.map((s) => s.method)).toEqual(['GET', 'POST']);
    const agent = new Agent({ fetch: world.fetch, parties: world.parties() });
    const page = await signInAndClick(world, agent, {
      login: SARAH.login,
      password: SARAH.password,
      tiles: ['Org2Org', 'Notes'],
      confirm: true,
      start: 'org1',
    });
    expect(page.url).toBe(`${sp.base}/acs`);
    expect(sp.posts).toHaveLength(1);
    expect(resolved).toContain(SP_HOST);
  });

  it('refuses a host nobody named with HTTP_OUTBOUND_BLOCKED, naming it and how to allow it, unresolved', async () => {
    resolved.length = 0;
    const err = await refusal(world.fetch(`http://${LATER_HOST}:${new URL(sp.base).port}/metadata`));
    expect(err).toBeInstanceOf(FedsimError);
    expect(err?.code).toBe('HTTP_OUTBOUND_BLOCKED');
    expect(err?.message).toContain(
      `${LATER_HOST}:${new URL(sp.base).port} is not loopback and was not named`,
    );
    expect(err?.hint).toMatch(/name a URL on it in the world config/);
    expect(resolved).toEqual([]);
  });

  it('allows a host once a configure step names it (an app added with an ACS there)', async () => {
    const later = `http://${LATER_HOST}:${new URL(sp.base).port}`;
    await world.configure({
      org2: { apps: [{ name: 'Later', saml: { acsUrl: `${later}/acs`, audience: 'urn:example:later' } }] },
    });
    const res = await world.fetch(`${later}/metadata`);
    expect(res.status).toBe(200);
    expect(resolved).toEqual([LATER_HOST]);
  });
});
