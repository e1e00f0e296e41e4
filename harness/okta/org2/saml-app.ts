import type { CertInfo } from '../../crypto/credential.js';
import type { RetryPolicy } from '../../provisioning/retry.js';
import type { AppSigning } from '../../saml/issue.js';
import type { ScimAuthScheme } from '../../scim/auth.js';
import type { ScimUpdateMethod } from '../../scim/client.js';
import { type AppUserNameSettings, attributeExpression } from '../app-username.js';
import type { OktaUser } from '../directory.js';

/**
 * One SAML app instance of org2, as Okta's App Integration Wizard "SAML 2.0" app behaves: its own
 * key, IdP issuer, SSO URL, metadata URL and signing certificate, the SP it signs users in to, its
 * attribute statements and its To-App provisioning. Dropbox Business is one instance with Dropbox's
 * defaults (docs/decisions/external-saml-apps.md).
 */
export interface SamlApp extends AppSigning, AppUserNameSettings {
  id: string;
  /** The app's external key (`exk…`): its issuer and URLs name it. */
  key: string;
  /** Okta's app name (`dropbox_for_business`; an AIW app's `{org}_{label}_1`), the SSO URL's first segment. */
  name: string;
  label: string;
  /** SAML attribute name → the Okta expression over `user.*` that gives its value. */
  attributeStatements: Record<string, string>;
  /** The SP: where responses go, who may send AuthnRequests, whom to encrypt for (read lazily: it may listen later). */
  sp: () => AppSp;
  provisioning: AppProvisioning;
  /** Dropbox's "Silent Provisioning" (no invitation); other apps have no such setting. */
  silentProvisioning: boolean;
}

export interface AppSp {
  acsUrl: string;
  audience: string;
  /** Verifies the SP's signed AuthnRequests. */
  requestCert?: CertInfo;
  /** Assertions are encrypted for it when the app's encryption is on. */
  encryptionCert?: CertInfo;
}

export interface AppScim {
  url: string;
  token: string;
  authScheme: ScimAuthScheme;
}

export interface AppProvisioning {
  enabled: boolean;
  create: boolean;
  update: boolean;
  deactivate: boolean;
  /** Retries of each SCIM call (default DEFAULT_RETRY). */
  retry?: RetryPolicy;
  updateMethod: ScimUpdateMethod;
  /** The SCIM server (undefined: the app has no SCIM connection and provisioning cannot run). */
  scim: () => AppScim | undefined;
}

/** Okta's IdP issuer of an app: `http://www.okta.com/{key}`. */
export const appIssuerOf = (app: Pick<SamlApp, 'key'>) => `http://www.okta.com/${app.key}`;
/** The app's "Identity Provider Single Sign-On URL" path (IdP-initiated, and where AuthnRequests go). */
export const appSsoPathOf = (app: Pick<SamlApp, 'key' | 'name'>) => `/app/${app.name}/${app.key}/sso/saml`;
export const appMetadataPathOf = (app: Pick<SamlApp, 'key'>) => `/app/${app.key}/sso/saml/metadata`;

/** The app's attribute statements for the user; a bad expression fails when the app is configured. */
export function attributeStatementsOf(app: Pick<SamlApp, 'attributeStatements'>) {
  const compiled = Object.entries(app.attributeStatements).map(
    ([name, expression]) => [name, attributeExpression(expression)] as const,
  );
  return (user: OktaUser): Record<string, string> =>
    Object.fromEntries(compiled.map(([name, value]) => [name, value(user)]));
}

/** Finds an app by id, key, label or Okta name (case-insensitive for names). */
export function findApp<T extends Pick<SamlApp, 'id' | 'key' | 'name' | 'label'>>(
  apps: readonly T[],
  ref: string,
): T | undefined {
  const lower = ref.toLowerCase();
  return apps.find(
    (a) => a.id === ref || a.key === ref || a.label.toLowerCase() === lower || a.name.toLowerCase() === lower,
  );
}
