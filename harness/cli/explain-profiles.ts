import { readOktaIdp } from '../okta/org2/idp-json.js';
import { acsPathOf, expectationsOf } from '../okta/org2/inbound-idp.js';
import { loadProfile as loadWith, type ProfileOptions } from '../saml/explain/load-profile.js';
import type { LoadedProfile, ProfileReaders } from '../saml/explain/profile.js';
import { loadScenarioFile, scenarioSeed } from '../scenario/load.js';
import { createWorld } from '../world/world.js';

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

/**
 * A scenario's world as the SP: org2's inbound IdP ("Org1 IDP") as it stands before the first
 * step. The world is started on ephemeral ports only to learn its URLs, then closed; org2's
 * origin changes every run, so the ACS path is kept to match a captured Destination.
 */
export async function fromScenario(file: string): Promise<LoadedProfile> {
  const scenario = loadScenarioFile(file);
  const world = await createWorld({ ...scenario.world, seed: scenarioSeed(scenario) });
  try {
    const profile = world.org2.spProfile();
    const notes = [
      `Expectations of org2's IdP '${world.org2.idp.name}' at the start of the scenario; later configure steps are not applied.`,
    ];
    if (!profile.trustedCerts.length) notes.push('The scenario trusts no certificate: pass --cert.');
    return {
      source: `scenario ${file} (org2 IdP ${world.org2.idp.id})`,
      notes,
      spec: { ...profile },
      loopbackAcsPath: acsPathOf(world.org2.idp),
    };
  } finally {
    await world.close();
  }
}

/** The profile sources explain cannot read from saml/ (they live in higher layers). */
const READERS: ProfileReaders = { scenario: fromScenario, oktaIdp: fromOktaIdp };

/** explain's profile, with every source fedsim knows: what `fedsim explain` loads. */
export const loadProfile = (options: ProfileOptions): Promise<LoadedProfile> => loadWith(options, READERS);
