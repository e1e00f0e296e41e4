import { Argument, Option } from 'commander';
import { SERVE_STEPS, type ServeSteps } from '../../scenario/serve-step-choice.js';
import { MAX_SERVE_PORT, SERVE_PARTIES } from '../ports.js';
import { integerIn, oneOf } from '../values.js';
import type { CliCommand } from './command.js';

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
    }),
};
