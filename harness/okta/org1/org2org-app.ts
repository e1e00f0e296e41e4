import type { AppSigning } from '../../saml/issue.js';
import type { AppUserNameSettings } from '../app-username.js';
import type { Org2OrgProvisioning } from './connector.js';

/** org1's Org2Org app instance: its ids, SAML sign-on settings and provisioning toggles. */
export interface Org2OrgApp extends AppSigning, AppUserNameSettings {
  id: string;
  /** The app key (`exk…`): part of the issuer and SSO URL. */
  key: string;
  label: string;
  /** org1's clock offset as seen by this app's responses (an IdP whose clock runs ahead). */
  clockOffsetMs: number;
  /** Overrides the issuer derived from the app key. */
  issuer?: string;
  /** Sends the user's org1 groups in this attribute (Okta's group attribute statement). */
  groupsAttribute?: string;
  provisioning: Org2OrgProvisioning;
}

export const issuerOf = (app: Pick<Org2OrgApp, 'key' | 'issuer'>) =>
  app.issuer ?? `http://www.okta.com/${app.key}`;
export const ssoPathOf = (app: Pick<Org2OrgApp, 'key'>) => `/app/okta_org2org/${app.key}/sso/saml`;
