import { dirname } from 'node:path';
import { readOktaIdp } from '../okta/org2/idp-json.js';
import { expectationsOf } from '../okta/org2/inbound-idp.js';
import { loadProfiles as loadWith, type ProfileOptions } from '../saml/explain/load-profile.js';
import type { LoadedProfile, ProfileReaders } from '../saml/explain/profile.js';
import { loadScenarioFile, scenarioSeed } from '../scenario/load.js';
import { createWorld, type World } from '../world/world.js';

/**
 * An Okta IdP object as the SP side of the check table, through the same reader and mapping that
 * build org2's inbound IdP in a scenario: a value a scenario refuses, explain refuses too, unless
 * `lenient`, which reads past it and says so in the notes. The object names its signing keys
 * only by kid: the certificate comes from `--cert`.
 */
export function fromOktaIdp(json: unknown, file: string, options: { lenient: boolean }): LoadedProfile {
  const idp = readOktaIdp(json, file, options);
  const name = idp.settings.name ?? idp.settings.id ?? 'IdP';
  const notes = [...idp.notes];
  if (idp.trustKids.length) {
    notes.push(
      `Okta trusts the key(s) ${idp.trustKids.join(', ')}: pass that certificate with --cert (GET /api/v1/idps/credentials/keys/{kid}, field x5c).`,
    );
  }
  if (!idp.acsUrl)
    notes.push('The IdP object has no _links.acs: pass --acs https://{your-org}/sso/saml2/{idpId}.');
  if (idp.sharedAcs) {
    notes.push(
      'acs.type is ORG (shared ACS): check Destination against the ACS the IdP app posts to (--acs).',
    );
  }
  return {
    source: `Okta IdP ${file} (${name}${idp.settings.id ? `, ${idp.settings.id}` : ''})`,
    notes,
    spec: {
      ...expectationsOf(idp.settings),
      acsUrl: idp.acsUrl,
      labels: { idpApp: 'the IdP app that signs for this IdP', sp: `Okta IdP '${name}'` },
    },
  };
}

/** One SP of a world as explain's profile: its expectations at the start, its ACS path kept. */
function spOf(world: World, file: string, party: 'org2' | 'dropbox'): LoadedProfile {
  const sp = party === 'org2' ? world.org2 : world.dropbox;
  const profile = sp.spProfile();
  const notes = [
    `${profile.labels.sp} at the start of the scenario: later configure steps are not applied (a trace from \`fedsim run --trace\` records them).`,
  ];
  if (!profile.trustedCerts.length) notes.push('The scenario trusts no certificate: pass --cert.');
  return {
    source: `scenario ${file} (${party}${party === 'org2' ? ` IdP ${world.org2.idp.id}` : ''})`,
    notes,
    spec: { ...profile },
    loopbackAcsPath: new URL(sp.acsUrl).pathname,
  };
}

/**
 * Every SP of a scenario's world, built as `fedsim run` builds it (same seed, same base folder):
 * org2's inbound IdP ("Org1 IDP") and Dropbox. The world is started on ephemeral ports only to
 * learn its URLs, then closed; its origins change every run, so each ACS path is kept to match a
 * captured Destination.
 */
export async function fromScenario(file: string): Promise<LoadedProfile[]> {
  const scenario = loadScenarioFile(file);
  const world = await createWorld(
    { ...scenario.world, seed: scenarioSeed(scenario) },
    { baseDir: dirname(file) },
  );
  try {
    return [spOf(world, file, 'org2'), spOf(world, file, 'dropbox')];
  } finally {
    await world.close();
  }
}

/** The profile sources explain cannot read from saml/ (they live in higher layers). */
const READERS: ProfileReaders = { scenario: fromScenario, oktaIdp: fromOktaIdp };

/** explain's profiles, with every source fedsim knows: what `fedsim explain` loads. */
export const loadProfiles = (options: ProfileOptions): Promise<LoadedProfile[]> => loadWith(options, READERS);
