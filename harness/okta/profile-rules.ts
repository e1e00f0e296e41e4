import { hasInvisibleCharacter } from './confusables.js';
import { validationError } from './errors.js';
import type { OktaProfile } from './user.js';

/**
 * Something@something, no spaces, the domain's dot-separated labels not empty (so no trailing
 * dot): the shape Okta's email-format username policy asks for.
 */
const EMAIL_LOGIN = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)*$/;
const LOGIN_MIN = 5;
const LOGIN_MAX = 100;

/** What Okta says when a login is taken (in the org, or by another user on a profile change). */
export const LOGIN_TAKEN = 'login: An object with this field already exists in the current organization';

/** Okta's checks of a profile on create and update: the login's length and shape, the required fields. */
export function validateProfile(profile: OktaProfile, loginsAreEmails: boolean): void {
  const causes: string[] = [];
  const login = typeof profile.login === 'string' ? profile.login : '';
  if (login.length < LOGIN_MIN || login.length > LOGIN_MAX) {
    causes.push(`login: The field must be between ${LOGIN_MIN} and ${LOGIN_MAX} characters`);
  } else if (hasInvisibleCharacter(login)) {
    // Inferred wording: a zero-width or bidi character makes a login that reads as another.
    causes.push('login: Username must not contain control, format or bidirectional characters');
  } else if (loginsAreEmails && !EMAIL_LOGIN.test(login)) {
    // Okta's wording (support.okta.com, "Cannot Confirm or Import Active Directory User … Email Format").
    causes.push('login: Username must be in the form of an email address');
  }
  for (const field of ['email', 'firstName', 'lastName'] as const) {
    if (typeof profile[field] !== 'string' || profile[field] === '')
      causes.push(`${field}: The field cannot be left blank`);
  }
  if (typeof profile.email === 'string' && profile.email !== '' && !profile.email.includes('@')) {
    causes.push('email: Does not match required pattern');
  }
  if (causes.length > 0) throw validationError(causes, { actual: profile });
}
