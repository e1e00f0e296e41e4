import { Argument } from 'commander';
import type { CliCommand } from './command.js';

export const codes: CliCommand = {
  name: 'codes',
  declare: (command) =>
    command
      .summary('list every error code with its HTTP status, meaning and usual fix')
      .description(
        'List every error code fedsim reports (in reports, pages, API bodies and exit messages) with ' +
          'the HTTP status a party answers with, what it means and what usually fixes it.',
      )
      .addArgument(new Argument('[code]', 'show only this code'))
      .option('--json', 'print a JSON array of { code, status, summary, fix }')
      .addHelpText('after', '\nExit 0; 2 when the code given is not a fedsim error code.'),
  run: async ([code], options, io) =>
    (await import('../codes.js')).codesCommand(
      { code: code as string | undefined, json: options.json === true },
      io,
    ),
};
