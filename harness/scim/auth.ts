/**
 * How a SCIM client authenticates, as Okta's provisioning settings offer it: a bearer token
 * ("HTTP Header" / OAuth), Basic (`user:password`), or the token in a header the app names.
 */
/** The schemes a world's app config names (the header one is `scim-check`'s). */
export const SCIM_AUTH_SCHEMES = ['bearer', 'basic'] as const;
export type ScimAuthScheme = (typeof SCIM_AUTH_SCHEMES)[number] | { header: string };

export interface ScimAuth {
  scheme: ScimAuthScheme;
  /** The token; for Basic, `user:password`. */
  token: string;
}

/** The header carrying `auth`, or carrying `value` in place of the credential (a refused-token probe). */
export function scimAuthHeader(auth: ScimAuth, value?: string): [name: string, value: string] {
  const { scheme, token } = auth;
  if (typeof scheme === 'object') return [scheme.header, value ?? token];
  if (value !== undefined) return ['Authorization', value];
  if (scheme === 'basic') return ['Authorization', `Basic ${Buffer.from(token).toString('base64')}`];
  return ['Authorization', `Bearer ${token}`];
}
