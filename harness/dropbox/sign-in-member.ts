import { FedsimError } from '../core/errors.js';
import type { Member, Team } from './team.js';

/** The team member an SSO assertion names, if they may sign in: on the team, invited or active. */
export function memberWhoMaySignIn(team: Team, teamName: string, email: string): Member {
  const member = team.findByUserName(email);
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
