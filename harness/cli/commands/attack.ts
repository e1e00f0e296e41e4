import { Option } from 'commander';
import { ATTACK_TARGETS } from '../attack-targets.js';
import { integerIn, oneOf } from '../values.js';
import type { CliCommand } from './command.js';

/** fedsim's own attack IdP entity id, Okta-shaped (an app key after www.okta.com). */
const DEFAULT_ISSUER = 'http://www.okta.com/exkfedsimattack00000';

export const attack: CliCommand = {
  name: 'attack',
  declare: (command) =>
    command
      .summary('post a valid response, then every variant of the SAML attack catalogue, to an ACS')
      .description(
        'Post a control (a valid signed response) to an ACS and learn what acceptance looks like, then ' +
          'post every variant of the attack catalogue (signature wrapping XSW1-8, signature exclusion, ' +
          'certificate faking, NameID injection, algorithm and transform games, hostile XML, replay, ' +
          'validity and addressing mismatches, lookalike NameIDs), each built from a fresh response, and ' +
          'report which the SP accepted. Only loopback or the URLs given are contacted.',
      )
      .addOption(
        new Option('--target <party>', "attack fedsim's own SP in a world built in this process").argParser(
          oneOf(ATTACK_TARGETS),
        ),
      )
      .option('--acs <url>', "the SP's ACS URL (HTTP-POST binding); default: the metadata's")
      .option('--sp-metadata <file|url>', "the SP's metadata: its entity id (the audience) and ACS URL")
      .option('--audience <uri>', "the SP's entity id (default: the metadata's entityID)")
      .option('--recipient <url>', 'SubjectConfirmationData Recipient (default: the ACS URL)')
      .option('--idp-key <pem>', 'sign with this key (default: the one in --idp-dir, made on first use)')
      .option('--idp-cert <pem>', 'the certificate of --idp-key, put in KeyInfo and the IdP metadata')
      .option('--idp-dir <dir>', 'IdP key, cert and metadata folder', 'fedsim-attack-idp')
      .option('--issuer <entity-id>', 'IdP entity id', DEFAULT_ISSUER)
      .option('--name-id <value>', 'the user the control signs in', 'sarah@org1.example')
      .addOption(
        new Option(
          '--success-status <code>',
          'an accepted post answers this HTTP status (default: as the control)',
        ).argParser(integerIn(100, 599)),
      )
      .option('--success-location <url>', 'an accepted post redirects here (a URL prefix or path)')
      .option('--success-body <text>', "an accepted post's body contains this text")
      .option('--json', 'print { idp, acsUrl, control, accepted, results, exitCode } as one JSON document')
      .addHelpText(
        'after',
        '\nThe IdP identity is printed first: configure the SP to trust that issuer and certificate.\n' +
          'A variant is accepted when the SP answers it like the control (status, and redirect path or page\n' +
          'title), or as the --success-* options say.\n' +
          'Exit 0 when every variant is refused, 1 when one is accepted, 2 when the control is refused or on\n' +
          'a usage error.',
      ),
  run: async (_args, o, io) =>
    (await import('../attack.js')).attackCommand(
      {
        target: o.target,
        acs: o.acs,
        spMetadata: o.spMetadata,
        audience: o.audience,
        recipient: o.recipient,
        idpKey: o.idpKey,
        idpCert: o.idpCert,
        idpDir: o.idpDir,
        issuer: o.issuer,
        nameId: o.nameId,
        success:
          (o.successStatus ?? o.successLocation ?? o.successBody)
            ? { status: o.successStatus, location: o.successLocation, body: o.successBody }
            : undefined,
        json: o.json === true,
      },
      io,
    ),
};
