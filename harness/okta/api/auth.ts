import type { RequestHandler } from 'express';
import { oktaError } from '../errors.js';

export type AdminRole = 'SUPER_ADMIN' | 'ORG_ADMIN' | 'READ_ONLY_ADMIN';

const READ_METHODS = new Set(['GET', 'HEAD']);

function roleOf(header: string | undefined, tokens: ReadonlyMap<string, AdminRole>): AdminRole | undefined {
  const match = /^SSWS\s+(\S+)$/i.exec(header ?? '');
  return match ? tokens.get(match[1] as string) : undefined;
}

/**
 * `Authorization: SSWS {token}`. Only a Super Admin's token may write: org2's Org2Org token must
 * be a Super Admin's, and a lesser admin's token is exactly what fails on assignment.
 */
export function sswsAuth(tokens: ReadonlyMap<string, AdminRole>): RequestHandler {
  return (req, _res, next) => {
    const role = roleOf(req.get('authorization'), tokens);
    if (!role) throw oktaError('OKTA_E0000011');
    if (role !== 'SUPER_ADMIN' && !READ_METHODS.has(req.method)) {
      throw oktaError('OKTA_E0000006');
    }
    next();
  };
}
