import { Argument, InvalidArgumentError, Option } from 'commander';
import { integerIn } from '../values.js';
import type { CliCommand } from './command.js';

/** Per request: a server that never answers fails its check after this long, not never. */
export const DEFAULT_SCIM_TIMEOUT_MS = 10_000;

/** `bearer`, `basic` or `header:NAME`. */
function authScheme(value: string): 'bearer' | 'basic' | { header: string } {
  if (value === 'bearer' || value === 'basic') return value;
  const header = /^header:([!#$%&'*+.^_`|~0-9A-Za-z-]+)$/.exec(value)?.[1];
  if (header) return { header };
  throw new InvalidArgumentError('Expected bearer, basic or header:NAME (e.g. header:X-Api-Key).');
}

export const scimCheck: CliCommand = {
  name: 'scim-check',
  declare: (command) =>
    command
      .summary('check a SCIM 2.0 server as Okta provisions to it: SPEC test, lifecycle, RFC rules')
      .description(
        "Drive a SCIM 2.0 server the way Okta does: the 12 steps of Okta's SCIM 2.0 SPEC test, Okta's " +
          'provisioning lifecycle sent by its SCIM client (lookup, create, read, PUT, PATCH, deactivate, ' +
          'reactivate) and the RFC 7643/7644 rules Okta relies on. Each check prints what Okta expects, ' +
          'what the server answered and the fix. The users it creates are removed at the end.',
      )
      .addArgument(new Argument('<url>', 'the SCIM base URL, e.g. http://127.0.0.1:8080/scim/v2'))
      .requiredOption(
        '--token <token>',
        'the credential: a bearer token, user:password for basic, or the header value',
      )
      .addOption(
        new Option('--auth <scheme>', 'how the token is sent: bearer, basic or header:NAME')
          .argParser(authScheme)
          .default('bearer'),
      )
      .addOption(
        new Option('--timeout <ms>', 'milliseconds each request may take')
          .argParser(integerIn(1, 600_000))
          .default(DEFAULT_SCIM_TIMEOUT_MS),
      )
      .option('--json', 'print the report as one JSON document')
      .addHelpText(
        'after',
        '\nfedsim reaches only loopback and the URL given. Exit 0 when every check passes, 1 when one\n' +
          'fails, 2 on a usage error, when the server does not answer, or refuses the credential at once.',
      ),
  run: async ([url], options, io) =>
    (await import('../scim-check.js')).scimCheckCommand(
      {
        url: url as string,
        token: options.token,
        auth: options.auth,
        timeoutMs: options.timeout,
        json: options.json === true,
      },
      io,
    ),
};
