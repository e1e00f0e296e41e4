import { Argument, Option } from 'commander';
import { collect, integerIn, isoDate } from '../values.js';
import type { CliCommand } from './command.js';

export const explain: CliCommand = {
  name: 'explain',
  declare: (command) =>
    command
      .summary('decode a SAML message and say which check fails, and why')
      .description(
        'Decode a SAML message and run every check of the ACS table on it, against a profile: ' +
          'the signing certificate next to the trusted one, each check with expected, actual and the fix.',
      )
      .addArgument(
        new Argument(
          '[file]',
          'base64 (raw or URL-encoded), form body, auto-post page, HAR, XML, Redirect URL or trace JSON; - is stdin',
        ).default('-'),
      )
      .option(
        '--profile <file>',
        "a scenario's world (every SP in it) or a profile JSON; repeatable",
        collect,
      )
      .option('--okta-idp <file>', 'an Okta IdP object, as /api/v1/idps/{id} returns it; repeatable', collect)
      .option('--sp-metadata <file>', 'SP metadata XML; repeatable', collect)
      .option('--idp-metadata <file>', 'IdP metadata XML: its signing certificates are trusted')
      .option('--cert <pem>', 'a trusted signing certificate (PEM file); repeatable', collect)
      .option('--issuer <entity-id>', 'the IdP issuer expected')
      .option('--audience <uri>', 'the audience expected')
      .option('--acs <url>', 'the ACS URL expected as Recipient and Destination')
      .addOption(new Option('--hop <n>', 'explain only hop n of a trace').argParser(integerIn(1, 1_000_000)))
      .option('--sp-key <pem>', "the SP's private key for an EncryptedAssertion; repeatable", collect)
      .option('--sp-cert <pem>', 'the certificate of each --sp-key, in the same order', collect)
      .option('--request-id <id>', 'an AuthnRequest ID the response may answer; repeatable', collect)
      .addOption(
        new Option('--now <iso>', 'judge times at this instant (default: the IssueInstant)').argParser(
          isoDate,
        ),
      )
      .option(
        '--lenient',
        'read an Okta IdP object past wrong values, with a note for each (default: errors)',
      )
      .option('--json', 'print the report as one JSON document')
      .addHelpText(
        'after',
        '\nEach Response is judged by the SP it reached: the profile a trace recorded for it, else the\n' +
          'one given (--profile, --okta-idp, --sp-metadata) whose ACS or entity id it is addressed to;\n' +
          'a profile given replaces the recorded ones. The other options refine every profile.\n' +
          'Exit 0 when every check passes, 1 when one fails, 2 on unusable input or a usage error.',
      ),
  run: async ([file], options, io) =>
    (await import('../explain.js')).explainCommand(
      {
        file: file as string,
        profile: {
          profile: options.profile,
          oktaIdp: options.oktaIdp,
          spMetadata: options.spMetadata,
          idpMetadata: options.idpMetadata,
          certs: options.cert,
          issuer: options.issuer,
          audience: options.audience,
          acs: options.acs,
          lenient: options.lenient === true,
          spKeys: options.spKey,
          spCerts: options.spCert,
        },
        hop: options.hop,
        now: options.now,
        requestIds: options.requestId,
        json: options.json === true,
      },
      io,
    ),
};
