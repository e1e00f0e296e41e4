import { FedsimError } from '../../core/errors.js';
import type { Directory, OktaUser } from '../directory.js';
import type { IdpUser } from '../expression.js';
import type { InboundIdp } from './inbound-idp.js';
import type { IdpLinks } from './links.js';

/** What the inbound IdP decided for one assertion. */
export interface SignInOutcome {
  user: OktaUser;
  username: string;
  action: 'linked-existing' | 'already-linked' | 'jit-created';
  /** Group memberships the IdP's group policy changed (`+name` joined, `-name` left). */
  groupsChanged: string[];
}

/** Okta's provisioning conditions: reactivate or unsuspend matched users when the IdP says so. */
function applyConditions(idp: InboundIdp, directory: Directory, user: OktaUser): void {
  if (user.status === 'DEPROVISIONED' && idp.deprovisionedAction === 'REACTIVATE') {
    directory.activate(user.id);
  }
  if (user.status === 'SUSPENDED' && idp.suspendedAction === 'UNSUSPEND') directory.unsuspend(user.id);
  directory.activateOnSignIn(user.id);
}

/**
 * Signs the resolved user in: provisioning conditions, then only an ACTIVE user passes; the IdP's
 * profile (when it masters profiles) is written and the user linked to the IdP's subject.
 */
export function finishSignIn(
  idp: InboundIdp,
  deps: { directory: Directory; links: IdpLinks },
  resolved: { user: OktaUser; username: string; action: SignInOutcome['action'] },
  idpUser: IdpUser,
): SignInOutcome {
  const { user, username, action } = resolved;
  applyConditions(idp, deps.directory, user);
  if (user.status !== 'ACTIVE') {
    throw new FedsimError(
      'IDP_USER_INACTIVE',
      `User ${user.profile.login} is ${user.status} in org2 and cannot sign in`,
      {
        expected: 'ACTIVE',
        actual: user.status,
        hint: 'Activate the user in org2, or set the IdP to reactivate deprovisioned users.',
      },
    );
  }
  if (idp.profileMaster && action !== 'jit-created') {
    const changes = Object.fromEntries(
      (['email', 'firstName', 'lastName'] as const).flatMap((k) => (idpUser[k] ? [[k, idpUser[k]]] : [])),
    );
    deps.directory.update(user.id, changes);
  }
  if (idp.profileMaster) user.profileMasteredBy = idp.id;
  deps.links.link(
    user.id,
    idpUser.subjectNameId ?? username,
    Object.fromEntries(Object.entries(idpUser).filter(([, v]) => v !== undefined)) as Record<string, string>,
  );
  return { user, username, action, groupsChanged: [] };
}
