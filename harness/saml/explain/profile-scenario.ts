import { acsPathOf } from '../../okta/org2/inbound-idp.js';
import { loadScenarioFile } from '../../scenario/load.js';
import { createWorld } from '../../world/world.js';
import type { LoadedProfile } from './profile.js';

/**
 * A scenario's world as the SP: org2's inbound IdP ("Org1 IDP") as it stands before the first
 * step. The world is started on ephemeral ports only to learn its URLs, then closed; org2's
 * origin changes every run, so the ACS path is kept to match a captured Destination.
 */
export async function fromScenario(file: string): Promise<LoadedProfile> {
  const scenario = loadScenarioFile(file);
  const world = await createWorld(scenario.world);
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
