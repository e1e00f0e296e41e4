import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../harness/agent/index.js';
import { FixedClock } from '../../harness/core/clock.js';
import { FedsimError } from '../../harness/core/errors.js';
import { loopbackFetch } from '../../harness/core/http.js';
import { signInAndClick } from '../../harness/scenario/browse.js';
import type { SamlAppConfig } from '../../harness/world/config.js';
import { WORLD_DEFAULTS } from '../../harness/world/defaults.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { type NodeSamlSp, startNodeSamlSp } from './node-saml-sp.js';

// `configure { org2: { apps } }` on a running world, as an admin adding an App Integration Wizard
// app or editing one (https://help.okta.com/en-us/content/topics/apps/oiw/sso-settings.htm): a new
// name adds the app, a known name replaces its settings while its id, key and assignments stay.

const [SARAH] = WORLD_DEFAULTS.org1Users;
const APP = 'Acme Notes';

let sp: NodeSamlSp;
let world: World;

const notes = (saml: Partial<SamlAppConfig['saml']> = {}): SamlAppConfig => ({
  name: APP,
  saml: { metadata: sp.metadataUrl, nameIdFormat: 'emailAddress', ...saml },
});

beforeAll(async () => {
  sp = await startNodeSamlSp();
  // node-saml checks times against the real clock: the world's fixed clock starts now.
  world = await createWorld({}, { clock: new FixedClock(new Date()) });
  await world.org1.assign(SARAH.login);
  await world.settle();
});

afterAll(async () => {
  await world?.close();
  await sp?.close();
});

async function signIn() {
  const agent = new Agent({ fetch: loopbackFetch, parties: { ...world.parties(), [sp.url]: 'sp' } });
  return signInAndClick(world, agent, {
    login: SARAH.login,
    password: SARAH.password,
    tiles: ['Org2Org', APP],
    confirm: true,
    start: 'org1',
  });
}

describe('configure adds and changes org2 apps on a running world', () => {
  it('adds an app from its SP metadata URL; once assigned, node-saml accepts Sarah', async () => {
    await world.configure({ org2: { apps: [notes()] } });
    const app = world.org2.apps.get(APP);
    await sp.trust(world.org2.apps.facts().find((f) => f.id === app.id)?.idpMetadataUrl ?? '');
    await world.org2.apps.assign(app, SARAH.login);
    const page = await signIn();
    expect(page.url).toBe(sp.acsUrl);
    expect(parse(page.html).querySelector('#nameid')?.text).toBe(SARAH.login);
  });

  it('changes the app by name: a wrong audience is refused by the SP; id, key and assignment stay', async () => {
    const { id, key } = world.org2.apps.get(APP);
    await world.configure({ org2: { apps: [notes({ audience: 'urn:example:someone-else' })] } });
    expect(world.org2.apps.get(APP)).toMatchObject({ id, key });
    expect(world.org2.apps.get(APP).sp().audience).toBe('urn:example:someone-else');
    const refused = (await signIn().catch((e: unknown) => e)) as FedsimError;
    expect(refused.code).toBe('HTTP_FAILED');
    expect(refused.message).toMatch(/answered 403 .*node-saml refused: SAML assertion audience mismatch/);
    await world.configure({ org2: { apps: [notes()] } });
    expect((await signIn()).status).toBe(200);
    expect(world.org2.apps.list.map((a) => a.label)).toEqual(['Dropbox Business', APP]);
  });

  it('refuses to change Dropbox Business through org2.apps', async () => {
    const err = await world
      .configure({
        org2: {
          apps: [{ name: 'Dropbox Business', saml: { acsUrl: 'http://127.0.0.1:9/a', audience: 'a' } }],
        },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FedsimError);
    expect((err as FedsimError).code).toBe('CONFIG_INVALID');
  });
});
