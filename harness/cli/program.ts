import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { FedsimError, toFedsimError } from '../core/errors.js';
import { COMMANDS } from './commands/index.js';
import type { CliIo } from './io.js';

/** Help fits the terminal, and is the same everywhere else (README's Commands section is checked against it). */
const HELP_WIDTH = 100;

const { version } = createRequire(import.meta.url)('fedsim/package.json') as { version: string };

/** commander's message without its "error: " prefix, on one line. */
const usageMessage = (err: CommanderError) => err.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');

function program(io: CliIo, done: (code: number) => void): Command {
  const width = Math.min(io.columns ?? HELP_WIDTH, HELP_WIDTH);
  const root = new Command('fedsim')
    .description('Offline SAML federation simulator: two Okta orgs joined by Org2Org, Dropbox behind them.')
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'print this help')
    .addHelpText('after', "\nRun 'fedsim <command> --help' for its options and exit codes.")
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      // Errors are reported once, with their code, by runCli.
      outputError: () => {},
      getOutHelpWidth: () => width,
      getErrHelpWidth: () => width,
    })
    .exitOverride();
  root.helpCommand(false);
  for (const spec of COMMANDS) {
    const command = root.command(spec.name);
    spec.declare(command);
    command.action(async (...params: unknown[]) => {
      const self = params.at(-1) as Command;
      done(await spec.run(self.processedArgs, self.opts(), io));
    });
  }
  return root;
}

function usageError(err: CommanderError, argv: string[]): FedsimError {
  const name = COMMANDS.find((c) => c.name === argv[0])?.name;
  return new FedsimError('CLI_USAGE', usageMessage(err), {
    hint: `'fedsim ${name ? `${name} ` : ''}--help' lists every ${name ? 'option' : 'command'}.`,
  });
}

/** `fedsim argv…`, reporting every failure as `fedsim: CODE: message`; resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let code = 0;
  try {
    await program(io, (c) => {
      code = c;
    }).parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError && err.exitCode === 0) return 0;
    // `fedsim` alone: commander printed the help to stderr.
    if (err instanceof CommanderError && err.code === 'commander.help') return 2;
    const e = err instanceof CommanderError ? usageError(err, argv) : toFedsimError(err);
    io.stderr(`fedsim: ${e.code}: ${e.message}\n${e.hint ? `  ${e.hint}\n` : ''}`);
    return 2;
  }
}
