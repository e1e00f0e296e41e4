import type { Request } from 'express';
import { escapeHtml } from '../../core/html.js';
import type { AdminRole } from '../api/auth.js';
import type { ApiToken, ApiTokens } from '../api-tokens.js';
import type { Directory } from '../directory.js';
import { validationError } from '../errors.js';
import { type LogActor, type SystemLog, userActor } from '../syslog/log-store.js';
import type { ConsoleSection, ConsoleView } from './console.js';
import { doneNotice, field, postButton, table, when } from './html.js';

/** What Security → API → Tokens uses of an org. */
export interface TokensOrg {
  readonly apiTokens: ApiTokens;
  readonly directory: Directory;
  readonly log: SystemLog;
}

const ROLE_NAMES: Readonly<Record<AdminRole, string>> = {
  SUPER_ADMIN: 'Super Administrator',
  ORG_ADMIN: 'Organization Administrator',
  READ_ONLY_ADMIN: 'Read-only Administrator',
};

/** A token as the list shows it: never its value, only its last characters. */
export function maskedToken(token: Pick<ApiToken, 'tokenWindow'>): string {
  return `••••••••${token.tokenWindow}`;
}

const tokenActor = (token: ApiToken): LogActor => ({
  id: token.id,
  type: 'Token',
  alternateId: token.name,
  displayName: token.name,
});

/** Okta's events for a token's creation and revocation (`system.api_token.create` / `.revoke`). */
function logToken(
  org: TokensOrg,
  req: Request,
  view: ConsoleView,
  change: 'create' | 'revoke',
  token: ApiToken,
) {
  const eventType = `system.api_token.${change}`;
  org.log.record({
    eventType,
    displayMessage: change === 'create' ? 'Create API token' : 'Revoke API token',
    actor: userActor(view.admin(req)),
    outcome: { result: 'SUCCESS', reason: null },
    target: [tokenActor(token)],
    transaction: 'WEB',
  });
}

function listPage(org: TokensOrg): string {
  const rows = org.apiTokens.list().map((t) => {
    const role = org.apiTokens.roleOf(t.id);
    const owner = t.userId === undefined ? undefined : org.directory.find(t.userId);
    return [
      escapeHtml(t.name),
      role
        ? escapeHtml(ROLE_NAMES[role])
        : '<span class="muted">None: the owner is not an active admin</span>',
      owner ? escapeHtml(owner.profile.login) : '<span class="muted">fedsim (printed by serve)</span>',
      when(t.created),
      when(t.lastUsed),
      `<code>${escapeHtml(maskedToken(t))}</code>`,
      postButton(`/admin/api-tokens/${t.id}/revoke`, 'Revoke', {}, 'danger').replace(
        '<button ',
        `<button aria-label="Revoke ${escapeHtml(t.name)}" `,
      ),
    ];
  });
  const intro =
    '<p class="muted">A token acts with its creator\'s admin role: send it as <code>Authorization: SSWS {token}</code>. ' +
    'Its value is shown once, when it is created; afterwards only its last characters. ' +
    "Revoking a token stops whatever uses it: org1's Org2Org provisioning pushes to org2 with org2's fedsim super admin token.</p>";
  const create =
    `<form class="panel" method="POST" action="/admin/api-tokens"><h2>Create token</h2>` +
    `${field('What do you want your token to be named?', 'name')}<p><button type="submit">Create token</button></p></form>`;
  return (
    intro +
    table('API tokens', ['Token name', 'Role', 'Owner', 'Created', 'Last used', 'Token value', ''], rows) +
    create
  );
}

function createdPage(token: ApiToken, value: string): string {
  return (
    `<section class="panel" aria-labelledby="h-value"><h2 id="h-value">Token value</h2>` +
    `<p>Copy the token for <strong>${escapeHtml(token.name)}</strong> now: it is not shown again.</p>` +
    `<p><label for="token-value">Token value</label><input type="text" id="token-value" readonly value="${escapeHtml(value)}"></p>` +
    `<p class="muted">Use it as <code>Authorization: SSWS ${escapeHtml(value.slice(0, 6))}…</code>; revoke it here when it is no longer needed.</p>` +
    `<p><a class="button" href="/admin/api-tokens">OK, I have copied it</a></p></section>`
  );
}

/**
 * Security → API → Tokens (help.okta.com "Manage Okta API tokens"): create a named token, whose
 * value is shown once; the list shows name, role, owner, created, last used and the value's last
 * characters; revoke. Only a digest of each value is kept (okta/api-tokens.ts).
 */
export function apiTokensSection(org: TokensOrg): ConsoleSection {
  return {
    path: '/api-tokens',
    label: 'API',
    group: 'Security',
    routes(router, view) {
      router.get('/', (req, res) =>
        view.send(req, res, {
          title: 'API tokens',
          body: listPage(org),
          notice: doneNotice(req, { revoke: 'The token was revoked: it no longer works.' }),
        }),
      );
      router.post('/', (req, res) => {
        const name = String(req.body?.name ?? '').trim();
        if (name === '') throw validationError(['name: The field cannot be left blank']);
        const { token, value } = org.apiTokens.create(name, view.admin(req).id);
        logToken(org, req, view, 'create', token);
        // The value is in this answer only: no redirect carries it, nothing stores it.
        res.setHeader('Cache-Control', 'no-store');
        view.send(req, res, { title: 'Token created', body: createdPage(token, value), status: 201 });
      });
      router.post('/:id/revoke', (req, res) => {
        logToken(org, req, view, 'revoke', org.apiTokens.revoke(req.params.id));
        res.redirect(303, '/admin/api-tokens?done=revoke');
      });
    },
  };
}
