import { FedsimError } from '../core/errors.js';
import type { SessionStore } from '../core/sessions.js';
import type { OutstandingRequests } from '../saml/outstanding.js';
import type { ServiceProvider } from '../saml/sp.js';
import type { SpEndpoint } from '../saml/sp-routes.js';
import type { DropboxOptions, DropboxSession } from './options.js';
import { joinTeamPage } from './pages.js';
import type { Member, Team } from './team.js';

/** What signing in uses of Dropbox (dropbox.ts passes itself). */
export interface DropboxSignInParty {
  readonly options: DropboxOptions;
  readonly team: Team;
  readonly sp: ServiceProvider;
  readonly sessions: SessionStore<DropboxSession>;
  readonly outstanding: OutstandingRequests;
  readonly acsUrl: string;
}

/** Dropbox as an SP: "Sign in with SSO" asks org2's Dropbox app; a member must exist and not be suspended. */
export function dropboxSignIn(
  dropbox: DropboxSignInParty,
  party: { name: string; color: string },
): SpEndpoint<DropboxSession> {
  const { options } = dropbox;
  return {
    party,
    sp: dropbox.sp,
    outstanding: dropbox.outstanding,
    sessions: dropbox.sessions,
    deps: options,
    authnRequest: () => ({
      spEntityId: options.entityId,
      idpSsoUrl: options.idp().ssoUrl,
      acsUrl: dropbox.acsUrl,
      signing: { key: options.spCredential.privateKey, algorithm: 'SHA-256' },
    }),
    signIn: ({ assertion }) => {
      const named = memberNamed(dropbox, assertion.nameId ?? '');
      // Silently provisioned members got no invitation: their first SSO sign-in activates them.
      const member =
        named.state === 'invited' && options.silentProvisioning() ? dropbox.team.confirm(named.id) : named;
      const confirmed = member.state === 'active';
      return {
        session: { memberId: member.id, confirmed },
        decision: { outcome: 'signed-in', userId: member.id, login: member.userName },
        respond: (res) => {
          if (confirmed) res.redirect(303, '/home');
          else res.type('html').send(joinTeamPage(member, options.teamName));
        },
      };
    },
  };
}

/** The team member an assertion names, if they may sign in. */
function memberNamed(dropbox: DropboxSignInParty, email: string): Member {
  const { teamName } = dropbox.options;
  const member = dropbox.team.findByUserName(email);
  if (!member) {
    throw new FedsimError('DROPBOX_MEMBER_NOT_FOUND', `${email} is not a member of the ${teamName} team`, {
      actual: email,
      hint: 'Assign the user to Dropbox Business in org2 so provisioning invites them.',
    });
  }
  if (member.state !== 'active' && member.state !== 'invited') {
    throw new FedsimError('DROPBOX_MEMBER_SUSPENDED', `${email} is ${member.state} in the ${teamName} team`, {
      actual: member.state,
      hint: 'A team admin (or provisioning from org2) must reactivate the member.',
    });
  }
  return member;
}
