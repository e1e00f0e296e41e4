import type { RequestHandler } from 'express';
import { oktaError } from '../errors.js';

export type AdminRole = 'SUPER_ADMIN' | 'ORG_ADMIN' | 'READ_ONLY_ADMIN';

/** An org's API tokens as the API checks them: the role a presented token acts with, if any. */
export interface TokenRoles {
  get(token: string): AdminRole | undefined;
}

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * The admin role of the header's token. Okta answers a request without an `SSWS`/`Bearer`
 * credential as one without a session (403 E0000005 "Invalid session"), and a token it does not
 * know with 401 E0000011 (developer.okta.com/docs/reference/error-codes). fedsim issues no OAuth
 * access tokens, so any Bearer token is unknown.
 */
function roleOf(header: string | undefined, tokens: TokenRoles): AdminRole {
  const match = /^(SSWS|Bearer)\s+(\S+)$/i.exec(header ?? '');
  if (!match) throw oktaError('OKTA_E0000005');
  const role = match[1]?.toUpperCase() === 'SSWS' ? tokens.get(match[2] as string) : undefined;
  if (!role) throw oktaError('OKTA_E0000011');
  return role;
}

/**
 * `Authorization: SSWS {token}`. Only a Super Admin's token may write: org2's Org2Org token must
 * be a Super Admin's, and a lesser admin's token is exactly what fails on assignment.
 */
export function sswsAuth(tokens: TokenRoles): RequestHandler {
  return (req, _res, next) => {
    const role = roleOf(req.get('authorization'), tokens);
    if (role !== 'SUPER_ADMIN' && !READ_METHODS.has(req.method)) {
      throw oktaError('OKTA_E0000006');
    }
    next();
  };
}
