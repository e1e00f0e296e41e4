/** An Okta user as a directory stores it: Okta's statuses, providers and profile. */
export const OKTA_STATUSES = [
  'STAGED',
  'PROVISIONED',
  'ACTIVE',
  'RECOVERY',
  'LOCKED_OUT',
  'PASSWORD_EXPIRED',
  'SUSPENDED',
  'DEPROVISIONED',
] as const;

export type OktaStatus = (typeof OKTA_STATUSES)[number];

export const PROVIDER_TYPES = ['OKTA', 'FEDERATION', 'ACTIVE_DIRECTORY', 'LDAP', 'SOCIAL', 'IMPORT'] as const;

export type ProviderType = (typeof PROVIDER_TYPES)[number];

export interface OktaProfile {
  login: string;
  email: string;
  firstName: string;
  lastName: string;
  mobilePhone?: string | null;
  [attr: string]: unknown;
}

export interface OktaUser {
  id: string;
  status: OktaStatus;
  created: Date;
  activated: Date | null;
  statusChanged: Date | null;
  lastLogin: Date | null;
  lastUpdated: Date;
  passwordChanged: Date | null;
  profile: OktaProfile;
  provider: ProviderType;
  /** Kept only so the harness can check a password sign-in; never serialised. */
  password?: string;
  /** Which system masters the profile (an IdP id after JIT with profileMaster), else undefined. */
  profileMasteredBy?: string;
}

export interface CreateUserOptions {
  activate?: boolean;
  provider?: ProviderType;
  password?: string;
  /** `nextLogin=changePassword`: the activated user must change the password (PASSWORD_EXPIRED). */
  expirePassword?: boolean;
}
