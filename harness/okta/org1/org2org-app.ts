import type { SigningCredential } from '../../crypto/credential.js';
import type { NameIdFormatName, SignatureAlgorithmName } from '../../saml/constants.js';
import type { Org2OrgProvisioning } from './connector.js';

/** org1's Org2Org app instance: its ids, SAML sign-on settings and provisioning toggles. */
export interface Org2OrgApp {
  id: string;
  /** The app key (`exk…`): part of the issuer and SSO URL. */
  key: string;
  label: string;
  credential: SigningCredential;
  signResponse: boolean;
  signAssertion: boolean;
  signatureAlgorithm: SignatureAlgorithmName;
  nameIdFormat: NameIdFormatName;
  validityMs: number;
  /** org1's clock offset as seen by this app's responses (an IdP whose clock runs ahead). */
  clockOffsetMs: number;
  /** Settings normally copied from org2's IdP; set to misconfigure on purpose. */
  acsUrl?: string;
  audience?: string;
  provisioning: Org2OrgProvisioning;
}

export const issuerOf = (app: Pick<Org2OrgApp, 'key'>) => `http://www.okta.com/${app.key}`;
export const ssoPathOf = (app: Pick<Org2OrgApp, 'key'>) => `/app/okta_org2org/${app.key}/sso/saml`;
