import { resolve } from 'node:path';
import { Argument, Option, type OptionValues } from 'commander';
import { FedsimError } from '../../core/errors.js';
import { SERVE_STEPS, type ServeSteps } from '../../scenario/serve-step-choice.js';
import { MAX_SERVE_PORT, SERVE_PARTIES } from '../ports.js';
import { SERVE_HEAPS, type ServeHeap } from '../serve-heap.js';
import type { ServedApp } from '../serve-world.js';
import { integerIn, oneOf } from '../values.js';
import type { CliCommand } from './command.js';

const usage = (message: string) =>
  new FedsimError('CLI_USAGE', message, { hint: 'See fedsim serve --help.' });

/** `--app-metadata` and its companions; a file path is made absolute (the world reads it from another folder). */
function servedApp(options: OptionValues): { app?: ServedApp } {
  const { appMetadata, appName, scimUrl, scimToken } = options as Record<string, string | undefined>;
  if (appMetadata === undefined) {
    if (scimUrl !== undefined) throw usage('--scim-url needs --app-metadata');
    return {};
  }
  if ((scimUrl === undefined) !== (scimToken === undefined))
    throw usage('--scim-url and --scim-token go together');
  return {
    app: {
      name: appName ?? 'My SAML App',
      metadata: /^https?:\/\//i.test(appMetadata) ? appMetadata : resolve(appMetadata),
      ...(scimUrl && scimToken ? { scim: { url: scimUrl, token: scimToken } } : {}),
    },
  };
}

const PORTS = SERVE_PARTIES.map((party, i) => `${party} on N${i ? `+${i}` : ''}`).join(', ');

export const serve: CliCommand = {
  name: 'serve',
  declare: (command) =>
    command
      .summary('serve the three parties for browsers and clients, on real time')
      .description(
        "Serve org1, org2 and dropbox on real time with the walkthrough's finished setup (Sarah " +
          'provisioned through both hops) until SIGINT/SIGTERM.',
      )
      .addArgument(
        new Argument(
          '[scenario]',
          "serve this scenario's world instead, after running its steps (see --steps)",
        ),
      )
      .addOption(
        new Option('--steps <which>', `scenario steps to run first: ${SERVE_STEPS.join(', ')}`)
          .argParser(oneOf(SERVE_STEPS))
          .default('setup'),
      )
      .option('--host <address>', 'address to listen on', '127.0.0.1')
      .addOption(
        new Option('--port <n>', `${PORTS}; 0: any free ports`)
          .argParser(integerIn(0, MAX_SERVE_PORT, `serve listens on N to N+${SERVE_PARTIES.length - 1}`))
          .default(0),
      )
      .option(
        '--json',
        'print one line of JSON: per party its URL, metadata URLs, app ids, tasks URL and tokens; the demo users',
      )
      .option(
        '--app-metadata <file|url>',
        "add your own SP to org2 as a SAML app, from its metadata; assigned to org2's users",
      )
      .option('--app-name <name>', "the app's name (its tile) with --app-metadata", 'My SAML App')
      .option(
        '--scim-url <url>',
        "with --app-metadata: provision the app's users to this SCIM 2.0 server (its host is then reachable)",
      )
      .option('--scim-token <token>', 'the bearer token for --scim-url')
      .addOption(
        // footprint: RSS stays flat over thousands of sign-ins; throughput: ~1.5× the journeys per
        // CPU second, RSS ~40–60 MB higher (serve-heap.ts).
        new Option('--heap <profile>', 'V8 heap: footprint, or throughput for load tests')
          .argParser(oneOf(SERVE_HEAPS))
          .default('footprint'),
      )
      .option(
        '--fixed-tokens',
        "API and SCIM tokens from the world's seed, the same on every start (for scripts); default: random",
      )
      .addHelpText('after', '\nExit 0 once stopped by a signal, 2 when the world cannot start.'),
  run: async ([scenario], options) =>
    (await import('../serve.js')).serveCommand({
      scenario: scenario as string | undefined,
      port: options.port,
      host: options.host,
      json: options.json === true,
      fixedTokens: options.fixedTokens === true,
      steps: options.steps as ServeSteps,
      heap: options.heap as ServeHeap,
      ...servedApp(options),
    }),
};
