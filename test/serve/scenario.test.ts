import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve as serveCommand } from '../../harness/cli/commands/serve.js';
import { parseScenario, scenarioSeed } from '../../harness/scenario/load.js';
import type { ServeSteps } from '../../harness/scenario/serve-step-choice.js';
import { runServeSteps } from '../../harness/scenario/serve-steps.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { type Served, send, startServe } from './serve-process.js';

/**
 * Issue #14 §5: `fedsim serve scenario.yaml` serves the world the scenario describes: its setup
 * steps run (default `--steps setup`), its sign-ins do not; `--steps all` and `none` say otherwise.
 * One real serve shows the CLI passes the scenario and --steps on; what each choice runs is shown
 * on in-process worlds (the step choice is serve-steps.ts, whatever process runs it).
 */
const SCENARIO = [
  'name: David assigned, then signing in',
  'steps:',
  '  - assign: { user: david@org1.example }',
  '  - login: { user: david@org1.example }',
  '',
].join('\n');
const DAVID = 'david@org1.example';

let s: Served;
beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'fedsim-serve-')), 'david.yaml');
  writeFileSync(file, SCENARIO);
  s = await startServe(file, '--steps', 'all');
});
afterAll(async () => {
  await s?.stop();
});

const api = (party: 'org1' | 'org2', path: string) =>
  send('GET', `${s.facts[party].url}/api/v1${path}`, {
    headers: { authorization: `SSWS ${s.facts[party].apiToken}` },
  });

/** What the chosen steps leave in a world: David pushed to org2, David's sign-in in org1's log. */
async function afterSteps(which: ServeSteps) {
  const scenario = parseScenario(SCENARIO, 'david.yaml');
  const world: World = await createWorld({ ...scenario.world, seed: scenarioSeed(scenario) });
  try {
    await runServeSteps(scenario, world, which);
    await world.settle();
    return {
      inOrg2: world.org2.directory.find(DAVID) !== undefined,
      signedIn: world.org1.log.events.some(
        (e) => e.eventType === 'user.session.start' && e.actor.alternateId === DAVID,
      ),
    };
  } finally {
    await world.close();
  }
}

describe('serve scenario.yaml', () => {
  it('--steps all runs the sign-ins too (a real serve: org2 has David, org1 logged his sign-in)', async () => {
    expect((await api('org2', `/users/${DAVID}`)).status).toBe(200);
    const log = JSON.parse((await api('org1', '/logs')).text) as {
      eventType: string;
      actor: { alternateId: string };
    }[];
    expect(log.some((e) => e.eventType === 'user.session.start' && e.actor.alternateId === DAVID)).toBe(true);
  });

  it('runs the setup steps by default, not the sign-ins', async () => {
    const command = new Command('serve').exitOverride();
    serveCommand.declare(command);
    command.parse(['david.yaml'], { from: 'user' });
    expect(command.opts().steps).toBe('setup');
    expect(await afterSteps('setup')).toEqual({ inOrg2: true, signedIn: false });
  });

  it('--steps none serves the bare world', async () => {
    expect(await afterSteps('none')).toEqual({ inOrg2: false, signedIn: false });
  });

  it('--json prints the app ids and the metadata and tasks URLs, each served', async () => {
    const { facts } = s;
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
