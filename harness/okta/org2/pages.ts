import { escapeHtml, page } from '../../core/html.js';
import type { OrgLook } from '../pages.js';

/** Okta's one-time "set up security methods" step after a user's first federated sign-in. */
export function enrollPage(org: OrgLook, login: string, relayState: string): string {
  return page({
    title: `${org.name} - Set up security methods`,
    party: org.name,
    color: org.color,
    body:
      `<h1>Set up security methods</h1><p>Welcome, <strong>${escapeHtml(login)}</strong>. ` +
      'Security methods help protect your account. Set up Okta Verify to continue.</p>' +
      `<form method="POST" action="/signin/enroll" id="enroll" data-prompt="enroll">` +
      `<input type="hidden" name="RelayState" value="${escapeHtml(relayState)}">` +
      '<input type="hidden" name="authenticator" value="okta_verify">' +
      '<button type="submit">Set up</button></form>',
  });
}
