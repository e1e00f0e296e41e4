import { SystemClock } from '../core/clock.js';
import { loadScenarioFile } from '../scenario/load.js';
import { WORLD_DEFAULTS } from '../world/defaults.js';
import { createWorld, type World } from '../world/world.js';

export interface ServeOptions {
  scenario?: string;
  port: number;
  host: string;
  json: boolean;
}

/** The seed's finished setup: Sarah assigned and provisioned through both hops; the demo user is not. */
async function finishSetup(world: World): Promise<void> {
  const sarah = WORLD_DEFAULTS.org1Users[0].login;
  await world.org1.assign(sarah);
  await world.org2.assignDropbox(sarah);
  await world.settle();
}

export function serveFacts(world: World) {
  return {
    org1: { url: world.org1.url },
    org2: {
      url: world.org2.url,
      apiToken: world.tokens.superAdmin,
      idpId: world.org2.idp.id,
      acsUrl: world.org2.acsUrl,
    },
    dropbox: { url: world.dropbox.url, scimUrl: world.dropbox.scimUrl, scimToken: world.tokens.scim },
    users: world.org1.directory.all().map((u) => ({ login: u.profile.login, password: u.password ?? '' })),
  };
}

/** `fedsim serve`: the three parties on real time until SIGINT/SIGTERM. */
export async function serveCommand(options: ServeOptions): Promise<World> {
  const config = options.scenario ? loadScenarioFile(options.scenario).world : {};
  const ports: [number, number, number] = options.port
    ? [options.port, options.port + 1, options.port + 2]
    : [0, 0, 0];
  const world = await createWorld(config, { clock: new SystemClock(), ports, host: options.host });
  if (!options.scenario) await finishSetup(world);
  const facts = serveFacts(world);
  if (options.json) process.stdout.write(`${JSON.stringify(facts)}\n`);
  else {
    process.stdout.write(
      [
        'fedsim is serving (Ctrl-C to stop)',
        `  org1     ${facts.org1.url}   sign in: ${facts.users.map((u) => `${u.login} / ${u.password}`).join(', ')}`,
        `  org2     ${facts.org2.url}   API token (SSWS): ${facts.org2.apiToken}`,
        `           IdP ${facts.org2.idpId}, ACS ${facts.org2.acsUrl}`,
        `  dropbox  ${facts.dropbox.url}   SCIM ${facts.dropbox.scimUrl} (Bearer ${facts.dropbox.scimToken})`,
        '',
      ].join('\n'),
    );
  }
  const stop = async () => {
    await world.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return world;
}
