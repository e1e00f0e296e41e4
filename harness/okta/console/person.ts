import type { Router } from 'express';
import { escapeHtml } from '../../core/html.js';
import type { OktaStatus, OktaUser } from '../directory.js';
import type { Groups } from '../groups.js';
import { RESET_PASSWORD_PATH } from '../password-recovery.js';
import type { UserAdmin } from '../user-admin.js';
import type { ConsoleView } from './console.js';
import { doneNotice, facts, postButton, statusBadge, table, when } from './html.js';

/** What Directory → People uses of an org (org1 and org2 both have these). */
export interface PeopleOrg {
  /** The org's user changes: the same object its Users API changes users through. */
  readonly users: UserAdmin;
  readonly groups: Groups;
  /** The apps the user is assigned to, with the app user's status. */
  appsOf(userId: string): readonly { label: string; status: string }[];
}

type Kind = 'primary' | 'secondary' | 'danger';
type Button = readonly [action: string, label: string, kind: Kind];

const DEACTIVATE: Button = ['deactivate', 'Deactivate', 'danger'];
const RESET: Button = ['reset_password', 'Reset password', 'secondary'];

/**
 * The lifecycle buttons Okta's console offers for each status; each posts the Users API's
 * lifecycle operation of the same name (`delete` is Okta's DELETE of a deprovisioned user).
 */
const BUTTONS: Readonly<Record<OktaStatus, readonly Button[]>> = {
  STAGED: [['activate', 'Activate', 'primary'], DEACTIVATE],
  PROVISIONED: [['reactivate', 'Reactivate', 'primary'], DEACTIVATE],
  ACTIVE: [
    RESET,
    ['expire_password', 'Expire password', 'secondary'],
    ['suspend', 'Suspend', 'secondary'],
    DEACTIVATE,
  ],
  RECOVERY: [RESET, DEACTIVATE],
  LOCKED_OUT: [['unlock', 'Unlock', 'primary'], RESET, DEACTIVATE],
  PASSWORD_EXPIRED: [RESET, DEACTIVATE],
  SUSPENDED: [['unsuspend', 'Unsuspend', 'primary'], DEACTIVATE],
  DEPROVISIONED: [
    ['activate', 'Activate', 'primary'],
    ['delete', 'Delete', 'danger'],
  ],
};

const DONE: Readonly<Record<string, string>> = {
  create: 'The person was added.',
  activate: 'The person was activated.',
  reactivate: 'The person was reactivated.',
  deactivate: 'The person was deactivated; their sessions ended.',
  suspend: 'The person was suspended; their sessions ended.',
  unsuspend: 'The person was unsuspended.',
  unlock: 'The person was unlocked.',
  expire_password: 'The password was expired: the person must change it at the next sign-in.',
};

/** The buttons a user of this status gets; only a user with a password has one to expire or reset. */
export function lifecycleButtons(user: OktaUser): readonly Button[] {
  return BUTTONS[user.status].filter(
    ([action]) =>
      (action !== 'expire_password' && action !== 'reset_password') || user.password !== undefined,
  );
}

const PATHS: Readonly<Record<string, string>> = { delete: 'delete', reset_password: 'reset-password' };

/**
 * After "Reset password": the one-time link, shown to the admin once. Okta emails it to the user;
 * fedsim sends no mail, so the admin hands it over (as the API's `sendEmail=false` returns it).
 */
function resetLinkPanel(url: string): string {
  return (
    `<section class="panel" aria-labelledby="h-reset"><h2 id="h-reset">Password reset link</h2>` +
    `<p>Give this link to the person: it works once, for one hour, and is not shown again. Until they use it they cannot sign in (status RECOVERY).</p>` +
    `<p><label for="reset-link">Reset link</label><input type="text" id="reset-link" readonly value="${escapeHtml(url)}"></p></section>`
  );
}

function personPage(org: PeopleOrg, user: OktaUser): string {
  const { profile } = user;
  const buttons = lifecycleButtons(user)
    .map(([action, label, kind]) => {
      const path = PATHS[action] ?? `lifecycle/${action}`;
      return postButton(`/admin/people/${user.id}/${path}`, label, {}, kind);
    })
    .join(' ');
  const groups = org.groups
    .groupsOf(user.id)
    .map((g) => [
      `<a href="/admin/groups/${escapeHtml(g.id)}">${escapeHtml(g.profile.name)}</a>`,
      escapeHtml(g.profile.description),
    ]);
  const apps = org.appsOf(user.id).map((a) => [escapeHtml(a.label), statusBadge(a.status)]);
  return (
    `<p><a href="/admin/people">Back to People</a></p>` +
    `<section class="panel" aria-labelledby="h-actions"><h2 id="h-actions">Actions</h2><div class="actions">${buttons}</div></section>` +
    `<section class="panel" aria-labelledby="h-profile"><h2 id="h-profile">Profile</h2>` +
    facts([
      ['Username', escapeHtml(profile.login)],
      ['Primary email', escapeHtml(profile.email)],
      ['First name', escapeHtml(profile.firstName)],
      ['Last name', escapeHtml(profile.lastName)],
      ['Status', statusBadge(user.status)],
      ['Provider', escapeHtml(user.provider)],
      ['User id', `<code>${escapeHtml(user.id)}</code>`],
      ['Created', when(user.created)],
      ['Last sign-in', when(user.lastLogin)],
      ['Password changed', when(user.passwordChanged)],
    ]) +
    `</section><h2>Groups</h2>${table('Groups', ['Group', 'Description'], groups)}` +
    `<h2>Applications</h2>${table('Applications', ['Application', 'Assignment status'], apps)}`
  );
}

/** A person's page, their lifecycle changes and deletion: the Users API's operations. */
export function personRoutes(router: Router, view: ConsoleView, org: PeopleOrg): void {
  const { directory } = org.users;
  router.get('/:id', (req, res) => {
    const user = directory.get(req.params.id);
    const { firstName, lastName } = user.profile;
    view.send(req, res, {
      title: `${firstName} ${lastName}`,
      body: personPage(org, user),
      notice: doneNotice(req, DONE),
    });
  });
  router.post('/:id/lifecycle/:action', async (req, res) => {
    const { user } = await org.users.lifecycle(req.params.action, req.params.id);
    res.redirect(303, `/admin/people/${user.id}?done=${encodeURIComponent(req.params.action)}`);
  });
  router.post('/:id/reset-password', async (req, res) => {
    const { user, token } = await org.users.resetPassword(req.params.id);
    const url = `${req.protocol}://${req.headers.host}${RESET_PASSWORD_PATH}/${token}`;
    res.setHeader('Cache-Control', 'no-store');
    view.send(req, res, {
      title: `${user.profile.firstName} ${user.profile.lastName}`,
      body: resetLinkPanel(url) + personPage(org, user),
      notice: 'The password was reset: the person is in RECOVERY until they set a new one.',
    });
  });
  router.post('/:id/delete', async (req, res) => {
    const { user } = await org.users.delete(req.params.id);
    // A user not yet deprovisioned is deactivated, as Okta's DELETE does; a deprovisioned one is gone.
    res.redirect(
      303,
      directory.find(user.id) ? `/admin/people/${user.id}?done=deactivate` : '/admin/people?done=delete',
    );
  });
}
