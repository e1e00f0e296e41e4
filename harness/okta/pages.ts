import { escapeHtml, page } from '../core/html.js';
import { currentRequestId } from '../core/request-context.js';

/** Pages shared by both Okta orgs: sign-in, dashboard with tiles. */

/** How an org's pages look: its name in the header and its own colour, so org1 and org2 never look alike. */
export interface OrgLook {
  name: string;
  color: string;
}

/** Where an Okta org's end user signs out (Okta's `/login/signout`): the session ends locally. */
export const SIGN_OUT_PATH = '/login/signout';

export interface Tile {
  label: string;
  href: string;
}

export function signInPage(
  org: OrgLook,
  options: {
    fromUri?: string;
    error?: string;
    note?: string;
    head?: string;
    /** A button that starts SP-initiated sign-in at an inbound IdP (org2's "Sign in with Org1 IDP"). */
    idp?: { name: string; href: string };
  },
): string {
  const from = options.fromUri
    ? `<input type="hidden" name="fromURI" value="${escapeHtml(options.fromUri)}">`
    : '';
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : '';
  const note = options.note ? `<p class="hint">${escapeHtml(options.note)}</p>` : '';
  return page({
    title: `${org.name} - Sign In`,
    party: org.name,
    color: org.color,
    head: options.head,
    body:
      `<h1>Sign In</h1>${error}${note}<form method="POST" action="/login" id="sign-in">` +
      '<label for="username">Username</label><input type="text" id="username" name="username" autocomplete="username">' +
      '<label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password">' +
      `${from}<button type="submit">Sign In</button></form>` +
      (options.idp
        ? `<p><a class="button idp" href="${escapeHtml(options.idp.href)}">Sign in with ${escapeHtml(options.idp.name)}</a></p>`
        : ''),
  });
}

export function dashboardPage(org: OrgLook, userName: string, tiles: Tile[]): string {
  const items = tiles.length
    ? tiles
        .map((t) => `<li><a class="tile" href="${escapeHtml(t.href)}">${escapeHtml(t.label)}</a></li>`)
        .join('')
    : '<li>No apps are assigned to you yet.</li>';
  return page({
    title: `${org.name} - My Apps`,
    party: org.name,
    color: org.color,
    body:
      `<h1>My Apps</h1><p class="user">Signed in as <strong>${escapeHtml(userName)}</strong></p><ul class="tiles">${items}</ul>` +
      `<p><a class="sign-out" href="${SIGN_OUT_PATH}">Sign out</a></p>`,
  });
}

/** Where an org's admin console shows its System Log (Reports → System Log). */
export const SYSTEM_LOG_REPORT_PATH = '/admin/reports/syslog';

/**
 * On a refused sign-in's error page: a link to the System Log events of this very request (their
 * transaction id is its X-Okta-Request-Id), which only the org's admins can open.
 */
export function systemLogLink(): string {
  const id = currentRequestId();
  if (!id) return '';
  const href = `${SYSTEM_LOG_REPORT_PATH}?transaction=${encodeURIComponent(id)}`;
  return `<p class="syslog-link"><a href="${escapeHtml(href)}">See the System Log entry</a> (administrators) · request <code>${escapeHtml(id)}</code></p>`;
}
