import { issuerOf } from '../okta/org1/org2org-app.js';
import { appIssuerOf } from '../okta/org2/saml-app.js';
import type { AttackAddress, AttackIdp } from '../saml/attack/context.js';
import { createWorld, type World } from '../world/world.js';

import type { AttackTargetName } from './attack-targets.js';

/** A fedsim party to attack: its ACS, the IdP it trusts, and a user it signs in. */
export interface WorldTarget {
  world: World;
  idp: AttackIdp;
  address: AttackAddress;
}

const SARAH = {
  login: 'sarah@org1.example',
  email: 'sarah@org1.example',
  firstName: 'Sarah',
  lastName: 'Miller',
};

/**
 * org2's inbound IdP ACS, trusting org1's Org2Org certificate: Sarah exists in org2 and JIT is
 * off, so any sign-in but hers is a refusal the answer shows (JIT would create a lookalike user).
 */
async function org2Target(): Promise<WorldTarget> {
  const world = await createWorld({ org2: { jit: false, users: [SARAH] } });
  const app = world.org1.app;
  return {
    world,
    idp: { issuer: issuerOf(app), credential: app.credential, nameIdFormat: app.nameIdFormat },
    address: { acsUrl: world.org2.acsUrl, audience: world.org2.spProfile().audience, nameId: SARAH.login },
  };
}

/** Dropbox's /saml_login, trusting org2's Dropbox app certificate: Sarah is a confirmed team member. */
async function dropboxTarget(): Promise<WorldTarget> {
  const world = await createWorld();
  const member = world.dropbox.team.create({
    userName: SARAH.email,
    email: SARAH.email,
    givenName: SARAH.firstName,
    familyName: SARAH.lastName,
  });
  world.dropbox.team.confirm(member.id);
  const app = world.org2.options.dropbox;
  return {
    world,
    idp: { issuer: appIssuerOf(app), credential: app.credential, nameIdFormat: app.nameIdFormat },
    address: { acsUrl: world.dropbox.acsUrl, audience: world.dropbox.options.entityId, nameId: SARAH.email },
  };
}

export function worldTarget(name: AttackTargetName): Promise<WorldTarget> {
  return name === 'org2' ? org2Target() : dropboxTarget();
}
