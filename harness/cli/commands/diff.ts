import { Argument } from 'commander';
import type { CliCommand } from './command.js';

export const diff: CliCommand = {
  name: 'diff',
  declare: (command) =>
    command
      .summary('compare two traces and show the first hop that differs, field by field')
      .description(
        'Compare two traces written by `fedsim run --trace` (normalised or not: each is normalised ' +
          'with its own parties map) and print the first hop that differs: its step, method and URL, ' +
          'the fields of its decoded SAML message (attributes, NameID, conditions, audience, issuer, ' +
          'status, signature placement and algorithm) and of the HTTP exchange that differ.',
      )
      .addArgument(new Argument('<a>', 'a trace JSON'))
      .addArgument(new Argument('<b>', 'the trace JSON to compare it with'))
      .option('--json', 'print { a, b, equal, hops, first } as one JSON document')
      .addHelpText(
        'after',
        '\nTimings, signature values and digests are not compared.\n' +
          'Exit 0 when the traces are equal, 1 when they differ, 2 when one cannot be read.',
      ),
  run: async ([a, b], options, io) =>
    (await import('../diff.js')).diffCommand(
      { a: a as string, b: b as string, json: options.json === true },
      io,
    ),
};
