import type { FedsimError } from '../core/errors.js';
import { errorMetas, escapeHtml, page } from '../core/html.js';
import type { OrgLook } from './pages.js';
import { POLICY_TEXT } from './password-policy.js';

/** The end-user pages of a password change: an expired password at sign-in, a reset link. */

const newPasswordFields =
  '<label for="newPassword">New password</label><input type="password" id="newPassword" name="newPassword" autocomplete="new-password" aria-describedby="policy">' +
  '<label for="confirmPassword">Repeat password</label><input type="password" id="confirmPassword" name="confirmPassword" autocomplete="new-password">';

function refusal(err: FedsimError | undefined): string {
  if (!err) return '';
  return (
    `<div class="error" role="alert" data-error-code="${escapeHtml(err.code)}"><p class="code">${escapeHtml(err.code)}</p>` +
    `<p>${escapeHtml(err.message)}</p></div>`
  );
}

const policy = `<p class="hint" id="policy">Password requirements: ${escapeHtml(POLICY_TEXT)}.</p>`;

/** Okta's "Your password has expired" screen: the current password, then the new one twice. */
export function expiredPasswordPage(
  org: OrgLook,
  input: { username: string; fromUri?: string; error?: FedsimError },
): string {
  const from = input.fromUri
    ? `<input type="hidden" name="fromURI" value="${escapeHtml(input.fromUri)}">`
    : '';
  return page({
    title: `${org.name} - Change your password`,
    party: org.name,
    color: org.color,
    head: input.error && errorMetas(input.error),
    body:
      `<h1>Your password has expired</h1>${refusal(input.error)}` +
      `<p>Signed in as <strong>${escapeHtml(input.username)}</strong>. Choose a new password to continue.</p>${policy}` +
      `<form method="POST" action="/login/password-expired" id="change-password">` +
      `<input type="hidden" name="username" value="${escapeHtml(input.username)}">${from}` +
      '<label for="oldPassword">Old password</label><input type="password" id="oldPassword" name="oldPassword" autocomplete="current-password">' +
      `${newPasswordFields}<button type="submit">Change Password</button></form>`,
  });
}

/** The page a reset link opens: the new password twice. */
export function resetPasswordPage(
  org: OrgLook,
  input: { action: string; username: string; error?: FedsimError },
): string {
  return page({
    title: `${org.name} - Reset your password`,
    party: org.name,
    color: org.color,
    head: input.error && errorMetas(input.error),
    body:
      `<h1>Reset your password</h1>${refusal(input.error)}` +
      `<p>Choose a new password for <strong>${escapeHtml(input.username)}</strong>.</p>${policy}` +
      `<form method="POST" action="${escapeHtml(input.action)}" id="reset-password">${newPasswordFields}` +
      '<button type="submit">Reset Password</button></form>',
  });
}
