import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { SystemClock } from '../core/clock.js';
import { FedsimError, toFedsimError } from '../core/errors.js';
import { isLoopbackHost } from '../core/http.js';
import { randomSecrets } from '../core/secrets.js';
import { samlSchemas } from '../saml/schema/validate.js';
import { loadScenarioFile, scenarioSeed } from '../scenario/load.js';
import type { ServeSteps } from '../scenario/serve-step-choice.js';
import { runServeSteps } from '../scenario/serve-steps.js';
import type { WorldConfig } from '../world/config.js';
import { addConsoleAdmins, type ConsoleAdmin } from '../world/console-admins.js';
import { WORLD_DEFAULTS } from '../world/defaults.js';
import { createWorld, type World } from '../world/world.js';
import { servePorts } from './ports.js';
import type { ServeHeap } from './serve-heap.js';

export interface ServeOptions {
  scenario?: string;
  port: number;
  host: string;
  json: boolean;
  /** Tokens from the seed (the same on every start, for scripts) instead of the CSPRNG. */
  fixedTokens: boolean;
  /** Which of the scenario's steps run before serving (scenario/serve-steps.ts). */
  steps: ServeSteps;
  /** How the world's V8 heap trades memory for CPU (serve-heap.ts). */
  heap: ServeHeap;
  /** `--app-metadata`: the user's own SP, added to org2 as a SAML app and assigned to org2's users. */
  app?: ServedApp;
}

export interface ServedApp {
  name: string;
  /** The SP's metadata: an absolute file path or an http(s) URL. */
  metadata: string;
  scim?: { url: string; token: string };
}

/** Worker → main thread: started (the facts are printed), or failed before listening. */
export type ServeMessage = { started: true } | { error: { code: string; message: string; hint?: string } };

/** The seed's finished setup: Sarah assigned and provisioned through both hops; the demo user is not. */
async function finishSetup(world: World): Promise<void> {
  const sarah = WORLD_DEFAULTS.org1Users[0].login;
  await world.org1.assign(sarah);
  await world.org2.assignDropbox(sarah);
  await world.settle();
}

/** The world's config with the user's SP added as an org2 app (`--app-metadata`). */
function withServedApp(world: WorldConfig, app: ServedApp | undefined): WorldConfig {
  if (!app) return world;
  const added = {
    name: app.name,
    saml: { metadata: app.metadata },
    ...(app.scim ? { provisioning: { scim: app.scim } } : {}),
  };
  return { ...world, org2: { ...world.org2, apps: [...(world.org2?.apps ?? []), added] } };
}

/** Every user of org2 (Sarah, once set up) is assigned to the user's SP, provisioned when it has SCIM. */
async function assignServedApp(world: World, app: ServedApp | undefined): Promise<void> {
  if (!app) return;
  const { apps, directory } = world.org2;
  for (const user of directory.all()) await apps.assign(apps.get(app.name), user.profile.login);
  await world.settle();
}

/** What a person or a script needs to reach each party: only what the parties serve. */
function serveFacts(world: World, admins: ConsoleAdmin[]) {
  const { org1, org2, dropbox } = world;
  const dropboxApp = org2.options.dropbox;
  return {
    org1: {
      url: org1.url,
      adminUrl: `${org1.url}/admin`,
      apiToken: world.tokens.superAdmin,
      org2orgAppId: org1.app.id,
      metadataUrl: `${org1.url}/app/${org1.app.key}/sso/saml/metadata`,
      tasksUrl: `${org1.url}/api/v1/apps/${org1.app.id}/tasks`,
    },
    org2: {
      url: org2.url,
      adminUrl: `${org2.url}/admin`,
      apiToken: world.tokens.superAdmin,
      idpId: org2.idp.id,
      acsUrl: org2.acsUrl,
      spMetadataUrl: `${org2.url}/api/v1/idps/${org2.idp.id}/metadata.xml`,
      dropboxAppId: dropboxApp.id,
      dropboxMetadataUrl: `${org2.url}/app/${dropboxApp.key}/sso/saml/metadata`,
    },
    dropbox: {
      url: dropbox.url,
      adminUrl: `${dropbox.url}/admin`,
      metadataUrl: `${dropbox.url}/saml/metadata`,
      scimUrl: dropbox.scimUrl,
      scimToken: world.tokens.scim,
    },
    /** org2's SAML apps (Dropbox Business first): what an SP's admin configures before the first sign-in. */
    apps: org2.apps.facts(),
    traceUrl: `${org1.url}/_fedsim/trace`,
    users: org1.directory
      .all()
      .filter((u) => !org1.admins.has(u.id))
      .map((u) => ({ login: u.profile.login, password: u.password ?? '' })),
    admins,
  };
}

/** Users a banner names; a generated directory has thousands (--json lists them all). */
const BANNER_USERS = 5;

export function bannerSignIns(users: readonly { login: string; password: string }[]): string {
  const named = users.slice(0, BANNER_USERS).map((u) => `${u.login} / ${u.password}`);
  const more = users.length - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more (--json lists them)` : named.join(', ');
}

function announce(facts: ReturnType<typeof serveFacts>, json: boolean): string {
  if (json) return `${JSON.stringify(facts)}\n`;
  return [
    'fedsim is serving (Ctrl-C to stop)',
    `  org1     ${facts.org1.url}   sign in: ${bannerSignIns(facts.users)}`,
    `           API token (SSWS): ${facts.org1.apiToken}, Org2Org app ${facts.org1.org2orgAppId}`,
    `           IdP metadata ${facts.org1.metadataUrl}, tasks ${facts.org1.tasksUrl}`,
    `  org2     ${facts.org2.url}   API token (SSWS): ${facts.org2.apiToken}`,
    `           IdP ${facts.org2.idpId}, ACS ${facts.org2.acsUrl}, SP metadata ${facts.org2.spMetadataUrl}`,
    `           Dropbox app ${facts.org2.dropboxAppId}, IdP metadata ${facts.org2.dropboxMetadataUrl}`,
    `  dropbox  ${facts.dropbox.url}   SP metadata ${facts.dropbox.metadataUrl}`,
    `           SCIM ${facts.dropbox.scimUrl} (Bearer ${facts.dropbox.scimToken})`,
    ...facts.apps
      .slice(1)
      .map((a) => `  app      ${a.name}: SSO ${a.ssoUrl}\n           IdP metadata ${a.idpMetadataUrl}`),
    ...facts.admins.map((a) => `  admin    ${a.url}   ${a.login} / ${a.password}`),
    `  trace    ${facts.traceUrl}   (every exchange, live; /_fedsim/trace on each party)`,
    '',
  ].join('\n');
}

/** Said on stderr when serve listens beyond this machine. */
function exposedWarning(host: string): string {
  return (
    `fedsim: warning: listening on ${host}, not loopback: the API and SCIM tokens and the demo ` +
    'passwords below, and the live trace, are reachable from the network. Use --host 127.0.0.1 unless you mean it.\n'
  );
}

/** The three parties on real time, until the main thread says stop. */
async function serveWorld(options: ServeOptions): Promise<World> {
  const scenario = options.scenario ? loadScenarioFile(options.scenario) : undefined;
  const ports = servePorts(options.port);
  const config = scenario ? { ...scenario.world, seed: scenarioSeed(scenario) } : {};
  const world = await createWorld(withServedApp(config, options.app), {
    clock: new SystemClock(),
    ports,
    host: options.host,
    tokens: options.fixedTokens ? undefined : randomSecrets,
    liveTrace: true,
    ...(options.scenario ? { baseDir: dirname(options.scenario) } : {}),
  });
  try {
    if (scenario) await runServeSteps(scenario, world, options.steps);
    else await finishSetup(world);
    await assignServedApp(world, options.app);
  } catch (err) {
    await world.close();
    throw err;
  }
  // Compiled now rather than on the first sign-in, which would otherwise pay for it.
  const admins = addConsoleAdmins(world, options.fixedTokens ? world.ids : randomSecrets);
  samlSchemas();
  if (!isLoopbackHost(options.host)) process.stderr.write(exposedWarning(options.host));
  process.stdout.write(announce(serveFacts(world, admins), options.json));
  return world;
}

/** A taken port says which one and what to do, not just the socket error. */
function inUse(err: unknown): FedsimError | undefined {
  const e = err as NodeJS.ErrnoException & { address?: string; port?: number };
  if (e?.code !== 'EADDRINUSE') return undefined;
  return new FedsimError('CONFIG_INVALID', `Port ${e.port} on ${e.address} is already in use`, {
    hint: 'Stop what listens there, or pick other ports with --port N (fedsim uses N, N+1 and N+2).',
  });
}

if (parentPort) {
  const port = parentPort;
  serveWorld(workerData as ServeOptions).then(
    (world) => {
      port.postMessage({ started: true } satisfies ServeMessage);
      // A retry waiting out its back-off on a real timer would keep the thread alive: end it.
      port.once('message', () => void world.stop().then(() => process.exit(0)));
    },
    (err: unknown) => {
      const e = toFedsimError(inUse(err) ?? err);
      port.postMessage({ error: { code: e.code, message: e.message, hint: e.hint } } satisfies ServeMessage);
      port.close();
    },
  );
}
