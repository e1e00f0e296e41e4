import { FedsimError } from '../core/errors.js';
import { type CertInfo, parseCertificate } from '../crypto/credential.js';
import { NAMEID_FORMAT, NS } from './constants.js';
import { attr, child, descendants, escapeXml, parseUntrustedXml, textOf } from './xml.js';

/** SAML 2.0 metadata: what an IdP app and an SP publish, and reading it back to wire trust. */
export const MD_NS = 'urn:oasis:names:tc:SAML:2.0:metadata';
const BINDING = {
  post: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
  redirect: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
};

function keyDescriptor(cert: CertInfo, use: 'signing' | 'encryption'): string {
  return `<md:KeyDescriptor use="${use}"><ds:KeyInfo xmlns:ds="${NS.dsig}"><ds:X509Data><ds:X509Certificate>${cert.base64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
}

export interface IdpMetadata {
  entityId: string;
  ssoUrl: string;
  signingCerts: CertInfo[];
}

export interface SpMetadata {
  entityId: string;
  acsUrl: string;
  signingCert?: CertInfo;
  encryptionCert?: CertInfo;
  wantAssertionsSigned: boolean;
  authnRequestsSigned: boolean;
}

/** An Okta app's IdP metadata (`/app/{exk}/sso/saml/metadata`). */
export function idpMetadataXml(m: IdpMetadata): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><md:EntityDescriptor xmlns:md="${MD_NS}" entityID="${escapeXml(m.entityId)}">` +
    `<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
    m.signingCerts.map((c) => keyDescriptor(c, 'signing')).join('') +
    `<md:NameIDFormat>${NAMEID_FORMAT.unspecified}</md:NameIDFormat><md:NameIDFormat>${NAMEID_FORMAT.emailAddress}</md:NameIDFormat>` +
    `<md:SingleSignOnService Binding="${BINDING.post}" Location="${escapeXml(m.ssoUrl)}"/>` +
    `<md:SingleSignOnService Binding="${BINDING.redirect}" Location="${escapeXml(m.ssoUrl)}"/>` +
    '</md:IDPSSODescriptor></md:EntityDescriptor>'
  );
}

/** An SP's metadata (org2's inbound IdP at `/api/v1/idps/{id}/metadata.xml`, dropbox's). */
export function spMetadataXml(m: SpMetadata): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><md:EntityDescriptor xmlns:md="${MD_NS}" entityID="${escapeXml(m.entityId)}">` +
    `<md:SPSSODescriptor AuthnRequestsSigned="${m.authnRequestsSigned}" WantAssertionsSigned="${m.wantAssertionsSigned}" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
    (m.signingCert ? keyDescriptor(m.signingCert, 'signing') : '') +
    (m.encryptionCert ? keyDescriptor(m.encryptionCert, 'encryption') : '') +
    `<md:NameIDFormat>${NAMEID_FORMAT.unspecified}</md:NameIDFormat>` +
    `<md:AssertionConsumerService Binding="${BINDING.post}" Location="${escapeXml(m.acsUrl)}" index="0" isDefault="true"/>` +
    '</md:SPSSODescriptor></md:EntityDescriptor>'
  );
}

function descriptor(
  xml: string,
  role: 'IDPSSODescriptor' | 'SPSSODescriptor',
): { entity: Element; role: Element } {
  const doc = parseUntrustedXml(xml);
  const entity = descendants(doc, MD_NS, 'EntityDescriptor').find((e) => child(e, MD_NS, role));
  const found = entity && child(entity, MD_NS, role);
  if (!entity || !found) {
    throw new FedsimError('CONFIG_INVALID', `Metadata has no EntityDescriptor with an ${role}`, {
      expected: `SAML 2.0 metadata (${MD_NS}) with an ${role}`,
    });
  }
  return { entity, role: found };
}

/** Trust is wired from these values: metadata without them is a config error, not an empty string. */
function required(value: string | undefined, what: string): string {
  if (!value) throw new FedsimError('CONFIG_INVALID', `Metadata lacks ${what}`, { expected: what });
  return value;
}

function certs(role: Element, use: 'signing' | 'encryption'): CertInfo[] {
  return descendants(role, MD_NS, 'KeyDescriptor')
    .filter((k) => (attr(k, 'use') ?? use) === use)
    .flatMap((k) => descendants(k, NS.dsig, 'X509Certificate'))
    .map((x) => parseCertificate(textOf(x) ?? ''));
}

/** IdP metadata read as it is: absent values stay undefined (explain reports them as notes). */
export function readIdpMetadata(xml: string): Partial<IdpMetadata> & { signingCerts: CertInfo[] } {
  const { entity, role } = descriptor(xml, 'IDPSSODescriptor');
  const sso = descendants(role, MD_NS, 'SingleSignOnService');
  const redirect = sso.find((s) => attr(s, 'Binding') === BINDING.redirect) ?? sso[0];
  return {
    entityId: attr(entity, 'entityID'),
    ssoUrl: attr(redirect, 'Location'),
    signingCerts: certs(role, 'signing'),
  };
}

/** SP metadata read as it is; the POST ACS is the isDefault one, then the lowest index. */
export function readSpMetadata(
  xml: string,
): Partial<SpMetadata> & Pick<SpMetadata, 'wantAssertionsSigned' | 'authnRequestsSigned'> {
  const { entity, role } = descriptor(xml, 'SPSSODescriptor');
  const rank = (s: Element) => (attr(s, 'isDefault') === 'true' ? -1 : Number(attr(s, 'index') ?? 1e9));
  const acs = descendants(role, MD_NS, 'AssertionConsumerService')
    .filter((s) => attr(s, 'Binding') === BINDING.post)
    .sort((a, b) => rank(a) - rank(b))[0];
  return {
    entityId: attr(entity, 'entityID'),
    acsUrl: attr(acs, 'Location'),
    signingCert: certs(role, 'signing')[0],
    encryptionCert: certs(role, 'encryption')[0],
    wantAssertionsSigned: attr(role, 'WantAssertionsSigned') === 'true',
    authnRequestsSigned: attr(role, 'AuthnRequestsSigned') === 'true',
  };
}

/** IdP metadata to wire trust from: entityID and an SSO URL are required. */
export function parseIdpMetadata(xml: string): IdpMetadata {
  const md = readIdpMetadata(xml);
  return {
    ...md,
    entityId: required(md.entityId, 'an entityID'),
    ssoUrl: required(md.ssoUrl, 'a SingleSignOnService Location'),
  };
}

/** SP metadata to wire trust from: entityID and an HTTP-POST ACS are required. */
export function parseSpMetadata(xml: string): SpMetadata {
  const md = readSpMetadata(xml);
  return {
    ...md,
    entityId: required(md.entityId, 'an entityID'),
    acsUrl: required(md.acsUrl, 'an HTTP-POST AssertionConsumerService Location'),
  };
}
