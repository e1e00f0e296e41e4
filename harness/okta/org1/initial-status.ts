/**
 * Org2Org's "Initial status" for users it creates in org2, as Okta's support article names the
 * options: active or pending (STAGED), with org1's password or without.
 */
export const ORG2ORG_INITIAL_STATUSES = [
  'active_with_pass',
  'active_without_pass',
  'pending_with_pass',
  'pending_without_pass',
] as const;
export type Org2OrgInitialStatus = (typeof ORG2ORG_INITIAL_STATUSES)[number];

/** How org2's create call carries it: `?activate=` and whether the password goes along. */
export function createOptions(
  status: Org2OrgInitialStatus,
  password: string | undefined,
): { activate: boolean; password?: string } {
  const activate = status.startsWith('active_');
  return status.endsWith('_with_pass') && password !== undefined ? { activate, password } : { activate };
}
