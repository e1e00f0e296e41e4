import { DOMParser } from '@xmldom/xmldom';
import * as samlify from 'samlify';
import { describe, expect, it } from 'vitest';
import { loadCredential } from '../../harness/crypto/store.js';
import { validateSamlSchema } from '../../harness/saml/schema/validate.js';
import { parseUntrustedXml } from '../../harness/saml/xml.js';
import { issue } from './helpers.js';

const validate = (xml: string) => validateSamlSchema(parseUntrustedXml(xml));
const P =
  'xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"';
const DS = 'xmlns:ds="http://www.w3.org/2000/09/xmldsig#"';
const XENC = 'xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"';
const HEAD = 'ID="_r1" Version="2.0" IssueInstant="2026-01-15T09:00:00Z"';
const ISSUER = '<saml:Issuer>https://sp.example</saml:Issuer>';
const STATUS =
  '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>';

const authnRequest = (attrs = '', body = '') =>
  `<samlp:AuthnRequest ${P} ${HEAD} ${attrs} AssertionConsumerServiceURL="https://sp.example/acs">${ISSUER}` +
  '<samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified" AllowCreate="true"/>' +
  `${body}</samlp:AuthnRequest>`;

const response = (body: string, extra = '') =>
  `<samlp:Response ${P} ${extra} ${HEAD}>${ISSUER}${body}</samlp:Response>`;

const ENCRYPTED =
  `<saml:EncryptedAssertion><xenc:EncryptedData ${XENC} ${DS} Type="http://www.w3.org/2001/04/xmlenc#Element">` +
  '<xenc:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#aes256-gcm"/><ds:KeyInfo><xenc:EncryptedKey>' +
  '<xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p">' +
  '<ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/></xenc:EncryptionMethod>' +
  '<xenc:CipherData><xenc:CipherValue>AAAA</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo>' +
  '<xenc:CipherData><xenc:CipherValue>QUJD</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData></saml:EncryptedAssertion>';

const HOK_DATA = (keyInfo: string) =>
  `<saml:Subject><saml:NameID>sarah</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:holder-of-key">` +
  `<saml:SubjectConfirmationData xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="saml:KeyInfoConfirmationDataType">` +
  `${keyInfo}</saml:SubjectConfirmationData></saml:SubjectConfirmation></saml:Subject>`;
const assertion = (body: string) => `<saml:Assertion ${P} ${DS} ${HEAD}>${ISSUER}${body}</saml:Assertion>`;

async function samlifyResponse(): Promise<string> {
  const cred = loadCredential('org1-org2org');
  const { binding } = samlify.Constants.namespace;
  const idp = samlify.IdentityProvider({
    entityID: 'https://idp.example/metadata',
    privateKey: cred.privateKeyPem,
    signingCert: cred.cert.pem,
    singleSignOnService: [{ Binding: binding.redirect, Location: 'https://idp.example/sso' }],
    singleLogoutService: [{ Binding: binding.redirect, Location: 'https://idp.example/slo' }],
  });
  const sp = samlify.ServiceProvider({
    entityID: 'https://sp.example/metadata',
    assertionConsumerService: [{ Binding: binding.post, Location: 'https://sp.example/acs' }],
  });
  const request = { extract: { request: { id: 'req1' } } } as Parameters<typeof idp.createLoginResponse>[1];
  const { context } = await idp.createLoginResponse(sp, request, 'post', { email: 'sarah@example.com' });
  return Buffer.from(context, 'base64').toString('utf8');
}

const nested = (depth: number) =>
  assertion(
    `<saml:AttributeStatement><saml:Attribute Name="a"><saml:AttributeValue>${'<x:a xmlns:x="urn:x">'.repeat(depth)}${'</x:a>'.repeat(depth)}</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>`,
  );

describe('SAML schema: other messages and constructs', () => {
  it('refuses lax content nested deeper than 64 levels instead of recursing without bound', () => {
    expect(validate(nested(50)).ok).toBe(true);
    // parseUntrustedXml refuses this depth first (SAML_XML_TOO_DEEP): the validator's own bound is
    // for a DOM built elsewhere.
    const result = validateSamlSchema(new DOMParser().parseFromString(nested(5000), 'text/xml'));
    expect(result.errors).toEqual([
      {
        path: expect.stringMatching(/^\/Assertion\/.*\/a\[1\]$/),
        message: expect.stringMatching(/nested deeper than 64 levels/),
      },
    ]);
  });

  it('accepts a samlify-produced signed response', async () => {
    expect(validate(await samlifyResponse())).toEqual({ ok: true, errors: [] });
  });

  it.each([
    [
      'an AuthnRequest',
      authnRequest(
        'ForceAuthn="false"',
        '<samlp:RequestedAuthnContext Comparison="exact"><saml:AuthnContextClassRef>urn:x</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>',
      ),
    ],
    [
      'a LogoutRequest',
      `<samlp:LogoutRequest ${P} ${HEAD}>${ISSUER}<saml:NameID>sarah</saml:NameID><samlp:SessionIndex>s1</samlp:SessionIndex></samlp:LogoutRequest>`,
    ],
    [
      'a bare Assertion',
      issue({}, { signResponse: false }).xml.replace(/^.*(<saml2:Assertion .*<\/saml2:Assertion>).*$/, '$1'),
    ],
    ['a Response with an EncryptedAssertion', response(STATUS + ENCRYPTED)],
    [
      'foreign elements in Extensions (lax)',
      response(`<samlp:Extensions><x:Hint xmlns:x="urn:x" a="1"><x:b/></x:Hint></samlp:Extensions>${STATUS}`),
    ],
    [
      'a nil AttributeValue',
      assertion(
        '<saml:AttributeStatement><saml:Attribute Name="a"><saml:AttributeValue xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/></saml:Attribute></saml:AttributeStatement>',
      ),
    ],
    [
      'structured AttributeValue content (anyType)',
      assertion(
        '<saml:AttributeStatement><saml:Attribute Name="a" x:f="1" xmlns:x="urn:x"><saml:AttributeValue>t<x:y/><saml:NameID>n</saml:NameID></saml:AttributeValue></saml:Attribute></saml:AttributeStatement>',
      ),
    ],
    [
      'holder-of-key confirmation data via xsi:type',
      assertion(HOK_DATA('<ds:KeyInfo><ds:KeyName>k</ds:KeyName></ds:KeyInfo>')),
    ],
  ])('accepts %s', (_name, xml) => {
    expect(validate(xml)).toEqual({ ok: true, errors: [] });
  });

  it.each([
    [
      'a non-boolean ForceAuthn',
      authnRequest('ForceAuthn="yes"'),
      '/AuthnRequest/@ForceAuthn',
      /not a valid boolean/,
    ],
    [
      'an out-of-range AssertionConsumerServiceIndex',
      authnRequest('AssertionConsumerServiceIndex="70000"'),
      '/AuthnRequest/@AssertionConsumerServiceIndex',
      /integer above 65535/,
    ],
    [
      'a Comparison outside the enumeration',
      authnRequest(
        '',
        '<samlp:RequestedAuthnContext Comparison="sorta"><saml:AuthnContextClassRef>urn:x</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>',
      ),
      '/AuthnRequest/RequestedAuthnContext/@Comparison',
      /not one of exact, minimum, maximum, better/,
    ],
    [
      'empty Extensions',
      response(`<samlp:Extensions/>${STATUS}`),
      '/Response/Extensions',
      /incomplete; expected one of any element not in \{urn:oasis:names:tc:SAML:2\.0:protocol\}/,
    ],
    [
      'a SAML protocol element in Extensions',
      response(`<samlp:Extensions><samlp:Status/></samlp:Extensions>${STATUS}`),
      '/Response/Extensions/Status',
      /not expected/,
    ],
    [
      'holder-of-key confirmation data without KeyInfo',
      assertion(HOK_DATA('')),
      '/Assertion/Subject/SubjectConfirmation[1]/SubjectConfirmationData',
      /incomplete; expected one of .*KeyInfo/,
    ],
    [
      'an xsi:type not derived from the declared type',
      assertion(HOK_DATA('').replace('saml:KeyInfoConfirmationDataType', 'saml:NameIDType')),
      '/Assertion/Subject/SubjectConfirmation[1]/SubjectConfirmationData',
      /is not derived from its declared type/,
    ],
    [
      'a strict wildcard with an undeclared element',
      response(STATUS).replace(
        ISSUER,
        `${ISSUER}<ds:Signature ${DS}><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="urn:c"><x:y xmlns:x="urn:x"/></ds:CanonicalizationMethod></ds:SignedInfo></ds:Signature>`,
      ),
      '/Response/Signature/SignedInfo/CanonicalizationMethod/y[1]',
      /No declaration for \{urn:x\}y, required by a strict wildcard/,
    ],
    [
      'a CipherValue that is not base64',
      response(STATUS + ENCRYPTED.replace('QUJD', 'QUJ')),
      '/Response/EncryptedAssertion[1]/EncryptedData/CipherData/CipherValue',
      /not a valid base64Binary/,
    ],
  ])('refuses %s', (_name, xml, path, message) => {
    const result = validate(xml);
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toEqual({ path, message: expect.stringMatching(message) });
  });
});
