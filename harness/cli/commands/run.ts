import { Argument, Option } from 'commander';
import { integerIn, shard } from '../values.js';
import type { CliCommand } from './command.js';

export const run: CliCommand = {
  name: 'run',
  declare: (command) =>
    command
      .summary('run scenario files and report every expectation')
      .description('Run scenario files: build each world, run its steps, report every expectation.')
      .addArgument(
        new Argument('[paths...]', 'scenario files, or folders of *.yaml/*.yml files').default(
          ['scenarios'],
          'scenarios/',
        ),
      )
      .option('--json', 'print the report as one JSON document')
      .option(
        '--trace <dir>',
        'write <dir>/<scenario>.json and .html: every exchange (browser and party to party), SAML decoded',
      )
      .option(
        '--trace-raw',
        "keep each run's origins and timings in trace JSON (default: {org1}… placeholders)",
      )
      .option(
        '--trace-on-failure <dir>',
        "folder for a failed scenario's trace when --trace is not given (default: <tmp>/fedsim-traces)",
      )
      .option('--junit <file>', 'write a JUnit XML report')
      .addOption(
        new Option('--concurrency <n>', 'scenarios in flight at once, 1 to 256')
          .argParser(integerIn(1, 256))
          .default(4),
      )
      .addOption(
        new Option(
          '--shard <i/n>',
          'run share i of n (1 <= i <= n): the n shares together run every file once',
        ).argParser(shard),
      )
      .addHelpText(
        'after',
        '\nFolders given to --trace, --trace-on-failure and --junit are created when missing.\n' +
          "A failed scenario's trace is always written, with the `fedsim explain` command for its failing\n" +
          'message (the file runs again, recorded; its world is deterministic, so it fails the same way).\n' +
          'Exit 0 when every scenario met its expectations, 1 when one did not, 2 on a usage error,\n' +
          'when no scenario is found, or when a report cannot be written.',
      ),
  run: async ([paths], options, io) =>
    (await import('../run.js')).runCommand(
      {
        paths: paths as string[],
        json: options.json === true,
        traceDir: options.trace,
        traceRaw: options.traceRaw === true,
        failureTraceDir: options.traceOnFailure,
        junit: options.junit,
        concurrency: options.concurrency,
        shard: options.shard,
      },
      io,
    ),
};
