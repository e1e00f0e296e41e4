import { FedsimError } from '../core/errors.js';
import type { OktaUser } from './directory.js';
import { compileTemplate } from './expression.js';

/** An app's Sign On tab "Application username format" (Okta's built-in choices, or a custom expression). */
export const USERNAME_FORMATS = [
  'OKTA_USERNAME',
  'OKTA_USERNAME_PREFIX',
  'EMAIL',
  'EMAIL_PREFIX',
  'CUSTOM',
] as const;
export type UserNameFormat = (typeof USERNAME_FORMATS)[number];

export interface AppUserNameSettings {
  userNameFormat: UserNameFormat;
  /** The Okta expression over `user.*` when the format is CUSTOM. */
  userNameExpression?: string;
}

const USER_VOCABULARY = {
  prefix: 'user',
  attributes: ['login', 'email', 'firstName', 'lastName'],
  code: 'APP_USERNAME_EXPRESSION_INVALID',
  label: 'Custom application username expression',
} as const;

/** A SAML app's attribute statement value: an Okta expression over the same `user.*` attributes. */
export function attributeExpression(expression: string): (user: OktaUser) => string {
  const compiled = compileTemplate(expression, {
    ...USER_VOCABULARY,
    code: 'APP_ATTRIBUTE_STATEMENT_INVALID',
    label: 'Attribute statement',
  });
  return ({ profile }) => compiled(profile as Record<string, string>);
}

const prefix = (value: string) => value.split('@')[0] ?? value;

/** Compiles the app's format once (a bad custom expression fails when the world is built). */
export function appUserNameFormat(settings: AppUserNameSettings): (user: OktaUser) => string {
  const { userNameFormat: format, userNameExpression } = settings;
  // The chosen format only: every assignment and push computes it.
  if (format === 'OKTA_USERNAME') return ({ profile }) => profile.login;
  if (format === 'OKTA_USERNAME_PREFIX') return ({ profile }) => prefix(profile.login);
  if (format === 'EMAIL') return ({ profile }) => profile.email;
  if (format === 'EMAIL_PREFIX') return ({ profile }) => prefix(profile.email);
  if (userNameExpression === undefined) {
    throw new FedsimError(
      'APP_USERNAME_EXPRESSION_INVALID',
      'The CUSTOM username format needs an expression',
      {
        hint: 'Set userNameExpression, e.g. String.toLowerCase(user.email).',
      },
    );
  }
  const compiled = compileTemplate(userNameExpression, USER_VOCABULARY);
  return ({ profile }) => compiled(profile as Record<string, string>);
}
