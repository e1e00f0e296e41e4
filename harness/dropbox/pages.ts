import { escapeHtml, page } from '../core/html.js';
import type { Member } from './team.js';

export const DROPBOX_COLOR = '#0061fe';
const PARTY = 'Dropbox Business';

/** The first-time confirmation an invited member sees at their first SSO sign-in. */
export function joinTeamPage(member: Member, teamName: string): string {
  return page({
    title: `Dropbox - Join ${teamName}`,
    party: PARTY,
    color: DROPBOX_COLOR,
    body:
      `<h1>Join ${escapeHtml(teamName)}</h1><p>${escapeHtml(member.displayName)}, you were invited to the ` +
      `<strong>${escapeHtml(teamName)}</strong> team as ${escapeHtml(member.email)}. Your team admin manages this account.</p>` +
      '<form method="POST" action="/team/join" id="join" data-prompt="join-team"><button type="submit">Join team</button></form>',
  });
}

/** Where a Dropbox user signs out: the Dropbox session ends, the IdP's does not. */
export const DROPBOX_SIGN_OUT_PATH = '/logout';

export function homePage(member: Member, teamName: string): string {
  return page({
    title: 'Dropbox - Home',
    party: PARTY,
    color: DROPBOX_COLOR,
    body:
      `<h1>Home</h1><p class="user">Signed in as <strong>${escapeHtml(member.email)}</strong>, member of ${escapeHtml(teamName)}.</p>` +
      `<p><a class="sign-out" href="${DROPBOX_SIGN_OUT_PATH}">Sign out</a></p>`,
  });
}

export function signInPage(): string {
  return page({
    title: 'Dropbox - Sign in',
    party: PARTY,
    color: DROPBOX_COLOR,
    body: '<h1>Sign in</h1><p>Your team uses single sign-on.</p><p><a href="/sso/start">Sign in with SSO</a></p>',
  });
}
