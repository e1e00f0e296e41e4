import { FedsimError } from '../core/errors.js';
import type { OktaUser } from './user.js';

/**
 * Okta's default password policy's complexity, as its sign-in widget lists it (the Management
 * API's PasswordPolicyPasswordSettingsComplexity: minLength 8, minLowerCase, minUpperCase and
 * minNumber 1, excludeUsername). No symbol, no history beyond the current password: inferred,
 * docs/decisions/password-reset.md.
 */
export const POLICY_TEXT =
  'at least 8 characters, a lowercase letter, an uppercase letter, a number, no parts of your username';

const MIN_LENGTH = 8;

/** The parts of a login a password may not contain: the name before the @, split on punctuation. */
function usernameParts(login: string): string[] {
  const local = login.split('@')[0] ?? '';
  return local.split(/[^A-Za-z0-9]+/).filter((part) => part.length >= 3);
}

/** What is wrong with a new password for `user`, each as a short sentence. */
export function policyFailures(user: OktaUser, password: string, confirm: string): string[] {
  const failures: string[] = [];
  if (password.length < MIN_LENGTH) failures.push(`it has fewer than ${MIN_LENGTH} characters`);
  if (!/[a-z]/.test(password)) failures.push('it has no lowercase letter');
  if (!/[A-Z]/.test(password)) failures.push('it has no uppercase letter');
  if (!/[0-9]/.test(password)) failures.push('it has no number');
  const lower = password.toLowerCase();
  if (usernameParts(user.profile.login).some((part) => lower.includes(part.toLowerCase())))
    failures.push('it contains part of the username');
  if (user.password !== undefined && password === user.password) failures.push('it is the current password');
  if (password !== confirm) failures.push('the repeated password differs');
  return failures;
}

/** Throws AUTH_PASSWORD_POLICY naming every failure at once. */
export function checkNewPassword(user: OktaUser, password: string, confirm: string): void {
  const failures = policyFailures(user, password, confirm);
  if (failures.length === 0) return;
  throw new FedsimError('AUTH_PASSWORD_POLICY', `The new password was not accepted: ${failures.join('; ')}`, {
    expected: POLICY_TEXT,
  });
}
