import { FedsimError } from '../core/errors.js';
import { parseCertificate } from '../crypto/credential.js';
import type { InboundIdp } from '../okta/org2/inbound-idp.js';
import { parseIdpMetadata } from '../saml/metadata.js';
import type { WorldConfig } from './config.js';
import { isHttpUrl, readConfigFile } from './saml-apps.js';

type IdpConfig = NonNullable<NonNullable<WorldConfig['org2']>['idp']>;

/** Whether world.org2.idp names an IdP other than org1 (its metadata, SSO URL or certificate). */
export function isExternalIdp(c: IdpConfig | undefined): boolean {
  return Boolean(c && (c.metadata ?? c.ssoUrl ?? c.certificatePem ?? c.certificateFile) !== undefined);
}

/** Issuer, SSO URL and signing certificates as an admin types them into the IdP's settings. */
function fieldsOf(c: IdpConfig, baseDir: string): Partial<InboundIdp> {
  const pem = c.certificateFile
    ? readConfigFile(c.certificateFile, baseDir, "the IdP's signing certificate")
    : c.certificatePem;
  return {
    ...(c.issuer === undefined ? {} : { issuer: c.issuer }),
    ...(c.ssoUrl === undefined ? {} : { ssoUrl: c.ssoUrl }),
    ...(pem === undefined ? {} : { trustedCerts: [parseCertificate(pem)] }),
  };
}

/** What an IdP's metadata sets: issuer (entityID), SSO URL and signing certificates. */
export function idpFromMetadata(xml: string): Partial<InboundIdp> {
  const md = parseIdpMetadata(xml);
  return { issuer: md.entityId, ssoUrl: md.ssoUrl, trustedCerts: md.signingCerts };
}

/**
 * The external IdP's settings: its metadata file first, then the fields set (which win). A
 * metadata URL is read once the world listens (`metadataUrl`), the fields set still win.
 */
export function externalIdpSettings(
  c: IdpConfig,
  baseDir: string,
): { settings: Partial<InboundIdp>; metadataUrl?: string } {
  const remote = c.metadata !== undefined && isHttpUrl(c.metadata);
  const fromFile =
    c.metadata !== undefined && !remote
      ? idpFromMetadata(readConfigFile(c.metadata, baseDir, "the IdP's metadata"))
      : {};
  const settings = { ...fromFile, ...fieldsOf(c, baseDir) };
  if (!remote && (settings.issuer === undefined || settings.trustedCerts === undefined)) {
    throw new FedsimError(
      'CONFIG_INVALID',
      'world.org2.idp names an external IdP without its issuer or certificate',
      {
        expected: 'metadata, or issuer + ssoUrl + certificatePem (or certificateFile)',
        actual: Object.keys(settings),
        hint: "Give the IdP's metadata file or URL, or its issuer (entityID), SSO URL and signing certificate.",
      },
    );
  }
  return { settings, ...(remote ? { metadataUrl: c.metadata } : {}) };
}
