import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Served, send, startServe } from './serve-process.js';

/**
 * Issue #14 §5: `fedsim serve scenario.yaml` serves the world the scenario describes: its setup
 * steps run (default `--steps setup`), its sign-ins do not; `--steps all` and `none` say otherwise.
 */
const SCENARIO = [
  'name: David assigned, then signing in',
  'steps:',
  '  - assign: { user: david@org1.example }',
  '  - login: { user: david@org1.example }',
  '',
].join('\n');

let file: string;
const served = new Map<string, Promise<Served>>();
/** One serve per set of arguments: the tests only read, so two with the same arguments share one. */
const serve = (...args: string[]) => {
  const key = args.join(' ');
  const s = served.get(key) ?? startServe(file, ...args);
  served.set(key, s);
  return s;
};

beforeAll(() => {
  file = join(mkdtempSync(join(tmpdir(), 'fedsim-serve-')), 'david.yaml');
  writeFileSync(file, SCENARIO);
});
afterAll(async () => {
  await Promise.all([...served.values()].map(async (s) => (await s.catch(() => undefined))?.stop()));
});

const api = (s: Served, party: 'org1' | 'org2', path: string) =>
  send('GET', `${s.facts[party].url}/api/v1${path}`, {
    headers: { authorization: `SSWS ${s.facts[party].apiToken}` },
  });
/** Whether org2 has David (Org2Org pushed him). */
const davidInOrg2 = async (s: Served) => (await api(s, 'org2', '/users/david@org1.example')).status === 200;
/** Whether org1's System Log has a sign-in of David. */
const davidSignedIn = async (s: Served) =>
  (
    JSON.parse((await api(s, 'org1', '/logs')).text) as {
      eventType: string;
      actor: { alternateId: string };
    }[]
  ).some((e) => e.eventType === 'user.session.start' && e.actor.alternateId === 'david@org1.example');

describe('serve scenario.yaml', () => {
  it('runs the setup steps by default, not the sign-ins', async () => {
    const s = await serve();
    expect(await davidInOrg2(s)).toBe(true);
    expect(await davidSignedIn(s)).toBe(false);
  });

  it('--steps none serves the bare world', async () => {
    const s = await serve('--steps', 'none');
    expect(await davidInOrg2(s)).toBe(false);
  });

  it('--steps all runs the sign-ins too', async () => {
    const s = await serve('--steps', 'all');
    expect(await davidInOrg2(s)).toBe(true);
    expect(await davidSignedIn(s)).toBe(true);
  });

  it('--json prints the app ids and the metadata and tasks URLs, each served', async () => {
    const { facts } = await serve('--steps', 'none');
    expect(facts.org1.org2orgAppId).toMatch(/^0oa/);
    expect(facts.org2.dropboxAppId).toMatch(/^0oa/);
    for (const url of [facts.org1.metadataUrl, facts.org2.dropboxMetadataUrl, facts.dropbox.metadataUrl]) {
      expect([url, (await send('GET', url)).status]).toEqual([url, 200]);
    }
    const sp = await send('GET', facts.org2.spMetadataUrl);
    expect(sp.status).toBe(200);
    const tasks = await send('GET', facts.org1.tasksUrl, {
      headers: { authorization: `SSWS ${facts.org1.apiToken}` },
    });
    expect(tasks.status).toBe(200);
  });
});
