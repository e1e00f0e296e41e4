import type { Request, Response } from 'express';
import type { FedsimError } from '../../core/errors.js';
import { escapeHtml as e } from '../../core/html.js';
import { type PageWindow, pagerNav, pageWindow } from '../../core/paging.js';
import type { CertInfo } from '../../crypto/credential.js';
import type { Member } from '../team.js';
import { fieldError } from './admin-groups.js';

/** Dropbox's admin console look: white bar with the blue wordmark, a left menu, cards. */
const CSS =
  ':root{--blue:#0061fe;--ink:#1e1919;--line:#e6e4e1;--muted:#736c64}*{box-sizing:border-box}' +
  'body{margin:0;font:15px/1.5 system-ui,sans-serif;color:var(--ink);background:#f7f5f2}' +
  'a{color:var(--blue)}a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #f5a623;outline-offset:2px}' +
  '.bar{display:flex;align-items:center;gap:12px;padding:12px 24px;background:#fff;border-bottom:1px solid var(--line)}' +
  '.logo{font-weight:700;font-size:19px;color:var(--blue)}.bar .who{margin-left:auto}.bar form{display:inline}' +
  '.layout{display:flex}nav{width:210px;padding:16px 0}nav a{display:block;padding:6px 24px;color:var(--ink);text-decoration:none}' +
  'nav a[aria-current=page]{font-weight:600;border-left:4px solid var(--blue);padding-left:20px}' +
  'main{flex:1;padding:20px 32px;max-width:1100px}h1{font-size:26px;margin:4px 0 16px}' +
  '.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin-bottom:16px}.card h2{margin-top:0}caption{text-align:left;padding:4px 0}' +
  'table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:8px 10px;border-bottom:1px solid var(--line)}th{font-size:13px;color:var(--muted)}' +
  '.state{font-size:12px;font-weight:600;padding:2px 8px;border-radius:10px;background:#eee}.state.active{background:#dcefe2;color:#19703a}' +
  '.state.invited{background:#e4edff;color:#0b4dc2}.state.suspended,.state.removed{background:#fbe3e1;color:#b3261e}' +
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 20px}dt{font-weight:600}code,pre{font-family:ui-monospace,monospace;overflow-wrap:anywhere}' +
  'pre{white-space:pre-wrap;background:#f7f5f2;padding:8px;max-height:240px;overflow:auto}' +
  'label{display:block;margin:12px 0 4px;font-weight:600}input[type=email],input[type=password]{font:inherit;width:100%;max-width:360px;padding:8px;border:1px solid #a9a29a;border-radius:4px}' +
  'button{font:inherit;padding:7px 18px;border:0;border-radius:4px;background:var(--blue);color:#fff;cursor:pointer}button.link{background:none;color:var(--blue);padding:0}' +
  'select,textarea,input[type=text]{font:inherit;width:100%;max-width:520px;padding:8px;border:1px solid #a9a29a;border-radius:4px}textarea{font-family:ui-monospace,monospace;font-size:13px}' +
  '.field-error{color:#b3261e;margin:6px 0 0}input[aria-invalid=true],select[aria-invalid=true],textarea[aria-invalid=true]{border:2px solid #b3261e}.notice{border-left:4px solid #19703a;background:#fff;padding:8px 12px;margin-bottom:16px}' +
  'nav.pager{width:auto;display:flex;gap:16px;align-items:center;padding:12px 0}nav.pager a{display:inline;padding:0}' +
  '.signin{max-width:420px;margin:48px auto}.error{border-left:4px solid #b3261e;background:#fff;padding:8px 12px}.muted{color:var(--muted)}';

const MENU = [
  ['/admin/members', 'Members'],
  ['/admin/groups', 'Groups'],
  ['/admin/sso', 'Single sign-on'],
  ['/admin/provisioning', 'Provisioning'],
] as const;

function shell(title: string, body: string, head = ''): string {
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${e(title)} · Dropbox admin console</title><style>${CSS}</style>${head}</head><body>${body}</body></html>`
  );
}

/** How a page of the console is sent: its menu entry, title and body, and a notice or refusal. */
export type AdminSend = (
  req: Request,
  res: Response,
  page: { path: string; title: string; body: string; notice?: string; error?: FedsimError },
) => void;

/** A page of the admin console: the bar with the signed-in admin, the menu, the body. */
export function adminPage(input: {
  title: string;
  path: string;
  admin: string;
  team: string;
  body: string;
  /** A one-line result of the last change. */
  notice?: string;
  /** The error meta tags of a refused form shown again. */
  head?: string;
}): string {
  const nav = MENU.map(
    ([href, label]) => `<a href="${href}"${href === input.path ? ' aria-current="page"' : ''}>${label}</a>`,
  ).join('');
  return shell(
    input.title,
    `<header class="bar"><span class="logo">Dropbox</span><span>Admin console · ${e(input.team)}</span>` +
      `<span class="who">${e(input.admin)} · <form method="POST" action="/admin/logout"><button class="link" type="submit">Sign out</button></form></span></header>` +
      `<div class="layout"><nav aria-label="Admin console">${nav}</nav><main id="main"><h1>${e(input.title)}</h1>` +
      `${input.notice ? `<p class="notice" role="status">${e(input.notice)}</p>` : ''}${input.body}</main></div>`,
    input.head,
  );
}

export function adminSignInPage(
  team: string,
  error?: { code: string; message: string; head: string },
): string {
  const refused = error
    ? `<p class="error" role="alert" data-error-code="${e(error.code)}"><code>${e(error.code)}</code> ${e(error.message)}</p>`
    : '';
  return shell(
    'Sign in',
    `<header class="bar"><span class="logo">Dropbox</span><span>Admin console</span></header><main class="signin"><div class="card">` +
      `<h1>Sign in to the ${e(team)} admin console</h1>${refused}<form method="POST" action="/admin/login">` +
      '<label for="email">Email</label><input type="email" id="email" name="email" autocomplete="username" required>' +
      '<label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" required>' +
      '<p><button type="submit">Sign in</button></p></form>' +
      '<p class="muted">Team admins sign in with their Dropbox password. Members sign in with single sign-on.</p></div></main>',
    error?.head,
  );
}

const date = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

/** The members of a page: the team's (read a page at a time, not all 100,000), then the removed. */
function membersOn(team: TeamPages, removed: readonly Member[], at: PageWindow): Member[] {
  const count = team.count();
  const current = at.start < count ? team.slice(at.start, Math.min(at.end, count)) : [];
  return [...current, ...removed.slice(Math.max(0, at.start - count), Math.max(0, at.end - count))];
}

/** What the Members page reads of the team. */
export interface TeamPages {
  count(): number;
  slice(start: number, end: number): Member[];
}

export function membersBody(team: TeamPages, removed: readonly Member[], requestedPage: unknown): string {
  const members = team.count();
  const list = pageWindow(members + removed.length, requestedPage);
  const rows = membersOn(team, removed, list)
    .map(
      (m) =>
        `<tr><td>${e(m.displayName)}</td><td>${e(m.email)}</td><td><code>${e(m.userName)}</code></td>` +
        `<td><span class="state ${e(m.state)}">${e(m.state)}</span></td><td><code>${e(m.externalId ?? '')}</code></td><td>${e(date(m.lastModified))}</td></tr>`,
    )
    .join('');
  const empty =
    '<tr><td colspan="6" class="muted">No members yet: assign users to Dropbox Business in org2.</td></tr>';
  return (
    `<p>${members} member${members === 1 ? '' : 's'}, ${removed.length} removed. Provisioning from your identity provider adds, updates and suspends them.</p>` +
    `<table><caption class="muted">Team members and their state</caption><thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Username</th>` +
    `<th scope="col">State</th><th scope="col">External id</th><th scope="col">Last changed</th></tr></thead><tbody>${rows || empty}</tbody></table>` +
    pagerNav('/admin/members', list)
  );
}

export function ssoBody(
  sso: {
    signInUrl: string;
    entityId: string;
    acsUrl: string;
    issuer?: string;
    certs: readonly CertInfo[];
  },
  refused?: { error: FedsimError; pem: string },
): string {
  const shown = fieldError('certificate', refused?.error);
  const upload =
    '<form method="POST" action="/admin/sso/certificate"><label for="certificate">Upload a new certificate (X.509, PEM)</label>' +
    '<p class="muted">After your identity provider rolls its signing certificate over (org2 › Dropbox Business › Sign On), ' +
    'paste the new one here: it replaces the one above, and members sign in with it from now on.</p>' +
    `<textarea id="certificate" name="certificate" rows="7" placeholder="-----BEGIN CERTIFICATE-----"${shown.attrs}>${e(refused?.pem ?? '')}</textarea>${shown.html}` +
    '<p><button type="submit">Upload certificate</button></p></form>';
  const certs = sso.certs
    .map(
      (c) =>
        `<dt>Subject</dt><dd>${e(c.subject)}</dd><dt>SHA-256</dt><dd><code>${e(c.sha256)}</code></dd>` +
        `<dt>Expires</dt><dd>${e(date(c.notAfter))}</dd><dt>Certificate</dt><dd><details><summary>Show</summary><pre>${e(c.pem)}</pre></details></dd>`,
    )
    .join('');
  return (
    '<div class="card"><h2>Identity provider</h2><p>Members sign in through your identity provider (org2’s Dropbox Business app).</p><dl>' +
    `<dt>Sign-in URL</dt><dd><code>${e(sso.signInUrl)}</code></dd>` +
    (sso.issuer ? `<dt>Identity provider issuer</dt><dd><code>${e(sso.issuer)}</code></dd>` : '') +
    `<dt>Entity id (audience)</dt><dd><code>${e(sso.entityId)}</code></dd><dt>ACS URL</dt><dd><code>${e(sso.acsUrl)}</code></dd>` +
    '<dt>SP metadata</dt><dd><a href="/saml/metadata">/saml/metadata</a></dd></dl></div>' +
    `<div class="card"><h2>Trusted certificate</h2><dl>${certs}</dl>${upload}</div>`
  );
}

/** The SCIM token is shown masked: the admin console never shows a secret in full again. */
export function provisioningBody(scim: { url: string; token: string; deactivation: string }): string {
  const masked = `${scim.token.slice(0, 4)}${'•'.repeat(16)}`;
  return (
    `<div class="card"><h2>Provisioning (SCIM 2.0)</h2><dl><dt>SCIM base URL</dt><dd><code>${e(scim.url)}</code></dd>` +
    `<dt>SCIM token</dt><dd><code aria-label="token, masked">${e(masked)}</code></dd>` +
    `<dt>When the identity provider deactivates a member</dt><dd>${e(scim.deactivation === 'remove' ? 'Remove from the team' : 'Suspend')}</dd></dl></div>`
  );
}
