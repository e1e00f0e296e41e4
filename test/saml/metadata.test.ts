import { describe, expect, it } from 'vitest';
import { loadCredential } from '../../harness/crypto/store.js';
import {
  idpMetadataXml,
  MD_NS,
  parseIdpMetadata,
  parseSpMetadata,
  spMetadataXml,
} from '../../harness/saml/metadata.js';

const ORG1 = loadCredential('org1-org2org').cert;
const NEXT = loadCredential('org1-next').cert;
const SP_SIGN = loadCredential('org2-sp').cert;
const SP_ENC = loadCredential('dropbox-sp').cert;
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const DS = 'http://www.w3.org/2000/09/xmldsig#';

const IDP = {
  entityId: 'http://www.okta.com/exk1fixture0000000?a=1&b=2',
  ssoUrl: 'http://127.0.0.1:9/app/okta_org2org/exk1fixture0000000/sso/saml?x=1&y=2',
  signingCerts: [ORG1, NEXT],
};
const SP = {
  entityId: 'https://www.okta.com/saml2/service-provider/spfixture0000000000',
  acsUrl: 'http://127.0.0.1:9/sso/saml2/0oa1fixture00000000',
  signingCert: SP_SIGN,
  encryptionCert: SP_ENC,
  wantAssertionsSigned: true,
  authnRequestsSigned: true,
};
const fingerprints = (certs: { sha256: string }[]) => certs.map((c) => c.sha256);
const keyDescriptor = (cert: { base64: string }, use?: string) =>
  `<md:KeyDescriptor${use ? ` use="${use}"` : ''}><ds:KeyInfo xmlns:ds="${DS}"><ds:X509Data><ds:X509Certificate>${cert.base64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
const entity = (role: string, inner: string, entityId = 'urn:e') =>
  `<md:EntityDescriptor xmlns:md="${MD_NS}" entityID="${entityId}"><md:${role} protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${inner}</md:${role}></md:EntityDescriptor>`;
const acs = (binding: string, location: string, index: number, isDefault?: boolean) =>
  `<md:AssertionConsumerService Binding="${binding}" Location="${location}" index="${index}"${isDefault === undefined ? '' : ` isDefault="${isDefault}"`}/>`;

describe('IdP metadata: generate → parse', () => {
  it('round-trips entityID, SSO URL (escaped) and both rollover signing certs', () => {
    const xml = idpMetadataXml(IDP);
    expect(xml).toContain('entityID="http://www.okta.com/exk1fixture0000000?a=1&amp;b=2"');
    const md = parseIdpMetadata(xml);
    expect(md.entityId).toBe(IDP.entityId);
    expect(md.ssoUrl).toBe(IDP.ssoUrl);
    expect(fingerprints(md.signingCerts)).toEqual(fingerprints([ORG1, NEXT]));
  });

  it('prefers the Redirect SingleSignOnService, else the first one', () => {
    const both = entity(
      'IDPSSODescriptor',
      `<md:SingleSignOnService Binding="${POST}" Location="https://idp/post"/><md:SingleSignOnService Binding="${REDIRECT}" Location="https://idp/redirect"/>`,
    );
    expect(parseIdpMetadata(both).ssoUrl).toBe('https://idp/redirect');
    const postOnly = entity(
      'IDPSSODescriptor',
      `<md:SingleSignOnService Binding="${POST}" Location="https://idp/post"/>`,
    );
    expect(parseIdpMetadata(postOnly).ssoUrl).toBe('https://idp/post');
  });

  it('takes signing and use-less KeyDescriptors, not encryption ones; finds the entity inside EntitiesDescriptor', () => {
    const inner = entity(
      'IDPSSODescriptor',
      keyDescriptor(ORG1, 'signing') + keyDescriptor(NEXT) + keyDescriptor(SP_ENC, 'encryption'),
      'urn:idp',
    )
      .replace(` xmlns:md="${MD_NS}"`, '')
      .replace(
        '</md:IDPSSODescriptor>',
        `<md:SingleSignOnService Binding="${REDIRECT}" Location="https://idp/sso"/></md:IDPSSODescriptor>`,
      );
    const xml = `<md:EntitiesDescriptor xmlns:md="${MD_NS}">${entity('SPSSODescriptor', '', 'urn:sp').replace(` xmlns:md="${MD_NS}"`, '')}${inner}</md:EntitiesDescriptor>`;
    const md = parseIdpMetadata(xml);
    expect(md.entityId).toBe('urn:idp');
    expect(fingerprints(md.signingCerts)).toEqual(fingerprints([ORG1, NEXT]));
  });
});

describe('SP metadata: generate → parse', () => {
  it('round-trips entityID, ACS, both certs and both flags', () => {
    expect(parseSpMetadata(spMetadataXml(SP))).toEqual(SP);
  });

  it('round-trips an SP without certs and with both flags off', () => {
    const bare = {
      ...SP,
      signingCert: undefined,
      encryptionCert: undefined,
      wantAssertionsSigned: false,
      authnRequestsSigned: false,
    };
    expect(parseSpMetadata(spMetadataXml(bare))).toEqual(bare);
  });

  it('picks the isDefault POST ACS, else the lowest index; never a non-POST binding', () => {
    const pick = (inner: string) => parseSpMetadata(entity('SPSSODescriptor', inner)).acsUrl;
    expect(pick(acs(POST, 'https://sp/1', 1) + acs(POST, 'https://sp/default', 5, true))).toBe(
      'https://sp/default',
    );
    expect(pick(acs(POST, 'https://sp/3', 3) + acs(POST, 'https://sp/0', 0))).toBe('https://sp/0');
    expect(pick(acs(REDIRECT, 'https://sp/redirect', 0, true) + acs(POST, 'https://sp/post', 2))).toBe(
      'https://sp/post',
    );
  });
});

describe('malformed metadata', () => {
  it.each([
    ['SP metadata read as IdP metadata', () => parseIdpMetadata(spMetadataXml(SP))],
    ['IdP metadata read as SP metadata', () => parseSpMetadata(idpMetadataXml(IDP))],
    [
      'another namespace',
      () => parseIdpMetadata(idpMetadataXml(IDP).replace(MD_NS, 'urn:example:not-metadata')),
    ],
    [
      'an empty EntityDescriptor',
      () => parseSpMetadata(`<md:EntityDescriptor xmlns:md="${MD_NS}" entityID="x"/>`),
    ],
    [
      'a SAML Response',
      () => parseIdpMetadata('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>'),
    ],
  ])('%s → CONFIG_INVALID', (_label, parse) => {
    expect(parse).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });

  it('names what it expected', () => {
    expect(() => parseIdpMetadata(spMetadataXml(SP))).toThrow(
      expect.objectContaining({ expected: `SAML 2.0 metadata (${MD_NS}) with an IDPSSODescriptor` }),
    );
  });

  it('XML-level faults keep their SAML XML codes; a broken certificate is CERT_INVALID', () => {
    expect(() => parseIdpMetadata('<md:EntityDescriptor')).toThrow(
      expect.objectContaining({ code: 'SAML_XML_INVALID' }),
    );
    expect(() => parseIdpMetadata(`<!DOCTYPE x>${idpMetadataXml(IDP)}`)).toThrow(
      expect.objectContaining({ code: 'SAML_XML_DOCTYPE' }),
    );
    expect(() => parseIdpMetadata(idpMetadataXml(IDP).replace(ORG1.base64, 'bm90IGEgY2VydA=='))).toThrow(
      expect.objectContaining({ code: 'CERT_INVALID' }),
    );
  });

  // Metadata missing what trust is wired from is a config error, not an empty string.
  it.each([
    ['no entityID', () => parseIdpMetadata(idpMetadataXml(IDP).replace(/ entityID="[^"]*"/, ''))],
    [
      'no SingleSignOnService',
      () => parseIdpMetadata(idpMetadataXml(IDP).replace(/<md:SingleSignOnService [^>]*\/>/g, '')),
    ],
    ['no HTTP-POST ACS', () => parseSpMetadata(entity('SPSSODescriptor', acs(REDIRECT, 'https://sp/r', 0)))],
  ])('%s → CONFIG_INVALID', (_label, parse) => {
    expect(parse).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});
