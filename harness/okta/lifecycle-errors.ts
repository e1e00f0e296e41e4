import type { FedsimError } from '../core/errors.js';
import { oktaError } from './errors.js';
import type { OktaStatus, OktaUser } from './user.js';

/** Okta's answers to a lifecycle operation the user's status does not allow. */
export function wrongStatus(user: OktaUser, action: string, allowed: OktaStatus[]): FedsimError {
  return oktaError('OKTA_E0000038', {
    detail: `cannot ${action} a user in status ${user.status}`,
    expected: allowed,
    actual: user.status,
  });
}

/**
 * Suspend and unsuspend refuse a user in another status with 400 E0000001 (Okta's error-code
 * reference names "Suspend User" as the example; the spec lists 400 for both), in Okta's words.
 */
export function notInStatus(
  user: OktaUser,
  action: 'suspend' | 'unsuspend',
  required: OktaStatus,
): FedsimError {
  const adjective = required === 'ACTIVE' ? 'active' : 'suspended';
  return oktaError('OKTA_E0000001', {
    detail: action,
    causes: [`Cannot ${action} a user that is not ${adjective}`],
    expected: required,
    actual: user.status,
  });
}
