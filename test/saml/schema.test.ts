import { describe, expect, it } from 'vitest';
import { validateSamlSchema } from '../../harness/saml/schema/validate.js';
import { parseUntrustedXml } from '../../harness/saml/xml.js';
import { issue } from './helpers.js';

const validate = (xml: string) => validateSamlSchema(parseUntrustedXml(xml));

const signed = issue();
const unsigned = issue({}, { signResponse: false, signAssertion: false });
const { responseId, assertionId } = signed.fields;
const ISSUER_RE = /<saml2:Issuer [^>]*>[^<]*<\/saml2:Issuer>/;
const firstIssuer = (xml: string) => ISSUER_RE.exec(xml)?.[0] ?? '';

describe('SAML schema: valid Okta-shaped responses', () => {
  it.each([
    ['signed on Response and Assertion', signed.xml],
    ['signed on the Assertion only', issue({}, { signResponse: false }).xml],
    ['unsigned', unsigned.xml],
    [
      'with InResponseTo and a multi-valued attribute',
      issue({ inResponseTo: 'id42', attributes: { g: ['a', 'b'] } }).xml,
    ],
  ])('accepts a response %s', (_name, xml) => {
    expect(validate(xml)).toEqual({ ok: true, errors: [] });
  });
});

/** [what is wrong, edit of a valid response, path of the error, pattern its message matches] */
const INVALID: [string, () => string, string, RegExp][] = [
  [
    'an unknown element in Response',
    () => signed.xml.replace('</saml2p:Status>', '</saml2p:Status><saml2p:Foo/>'),
    '/Response/Foo',
    /^Element \{urn:oasis:names:tc:SAML:2\.0:protocol\}Foo not expected; expected one of .*\}Assertion, .*\}EncryptedAssertion$/,
  ],
  [
    'Status missing (Assertion follows the Signature)',
    () => signed.xml.replace(/<saml2p:Status[ >].*?<\/saml2p:Status>/, ''),
    '/Response/Assertion[1]',
    /Element \{urn:oasis:names:tc:SAML:2\.0:assertion\}Assertion not expected; expected one of .*\}Extensions, .*\}Status$/,
  ],
  [
    'Status missing (nothing follows)',
    () => unsigned.xml.replace(/<saml2p:Status[ >].*<\/saml2:Assertion>/, ''),
    '/Response',
    /^Element \{urn:oasis:names:tc:SAML:2\.0:protocol\}Response is incomplete; expected one of .*\}Status$/,
  ],
  [
    'Status before Issuer',
    () => {
      const issuer = firstIssuer(unsigned.xml);
      return unsigned.xml.replace(issuer, '').replace('</saml2p:Status>', `</saml2p:Status>${issuer}`);
    },
    '/Response/Issuer',
    /Element \{urn:oasis:names:tc:SAML:2\.0:assertion\}Issuer not expected; expected one of .*\}Assertion/,
  ],
  [
    'Issuer twice',
    () => unsigned.xml.replace(firstIssuer(unsigned.xml), firstIssuer(unsigned.xml).repeat(2)),
    '/Response/Issuer[2]',
    /Issuer not expected; expected one of .*\}Signature, .*\}Extensions, .*\}Status$/,
  ],
  [
    'Assertion without ID',
    () => signed.xml.replace(` ID="${assertionId}"`, ''),
    '/Response/Assertion[1]/@ID',
    /^Required attribute ID of \{urn:oasis:names:tc:SAML:2\.0:assertion\}Assertion is missing$/,
  ],
  [
    'Assertion without Version',
    () =>
      signed.xml.replace(
        `ID="${assertionId}" IssueInstant="2026-01-15T09:00:00.000Z" Version="2.0"`,
        `ID="${assertionId}" IssueInstant="2026-01-15T09:00:00.000Z"`,
      ),
    '/Response/Assertion[1]/@Version',
    /Required attribute Version .* missing/,
  ],
  [
    'Assertion without IssueInstant',
    () =>
      signed.xml.replace(
        `ID="${assertionId}" IssueInstant="2026-01-15T09:00:00.000Z"`,
        `ID="${assertionId}"`,
      ),
    '/Response/Assertion[1]/@IssueInstant',
    /Required attribute IssueInstant .* missing/,
  ],
  [
    'an impossible dateTime (30 February)',
    () =>
      signed.xml.replace(
        `ID="${assertionId}" IssueInstant="2026-01-15`,
        `ID="${assertionId}" IssueInstant="2026-02-30`,
      ),
    '/Response/Assertion[1]/@IssueInstant',
    /IssueInstant .* = "2026-02-30T09:00:00\.000Z" is not a valid xsd:dateTime/,
  ],
  [
    'a dateTime with a space instead of T',
    () => signed.xml.replace('NotBefore="2026-01-15T08:55:00.000Z"', 'NotBefore="2026-01-15 08:55:00"'),
    '/Response/Assertion[1]/Conditions/@NotBefore',
    /is not a valid xsd:dateTime/,
  ],
  [
    'an ID starting with a digit',
    () => signed.xml.replace(`ID="${responseId}"`, 'ID="1abc"'),
    '/Response/@ID',
    /Attribute ID .* = "1abc" is not a valid NCName/,
  ],
  [
    'the same ID on Response and Assertion',
    () => unsigned.xml.replace(`ID="${unsigned.fields.assertionId}"`, `ID="${unsigned.fields.responseId}"`),
    '/Response/Assertion[1]/@ID',
    /^Duplicate ID ".*": IDs must be unique$/,
  ],
  [
    'two Subjects',
    () => signed.xml.replace(/<saml2:Subject[ >].*<\/saml2:Subject>/, (s) => s + s),
    '/Response/Assertion[1]/Subject[2]',
    /Subject not expected; expected one of .*\}Conditions/,
  ],
  [
    'AudienceRestriction without Audience',
    () => signed.xml.replace(/<saml2:Audience>.*<\/saml2:Audience>/, ''),
    '/Response/Assertion[1]/Conditions/AudienceRestriction[1]',
    /AudienceRestriction is incomplete; expected one of \{urn:oasis:names:tc:SAML:2\.0:assertion\}Audience$/,
  ],
  [
    'SubjectConfirmation without Method',
    () => signed.xml.replace(/ Method="[^"]*"/, ''),
    '/Response/Assertion[1]/Subject/SubjectConfirmation[1]/@Method',
    /Required attribute Method .* missing/,
  ],
  [
    'Signature with SignatureValue before SignedInfo',
    () =>
      signed.xml.replace(
        /(<ds:SignedInfo>.*?<\/ds:SignedInfo>)(<ds:SignatureValue>.*?<\/ds:SignatureValue>)/,
        '$2$1',
      ),
    '/Response/Signature/SignatureValue',
    /SignatureValue not expected; expected one of \{http:\/\/www\.w3\.org\/2000\/09\/xmldsig#\}SignedInfo$/,
  ],
  [
    'a DigestValue that is not base64',
    () => signed.xml.replace(/<ds:DigestValue>[^<]*</, '<ds:DigestValue>not base64!<'),
    '/Response/Signature/SignedInfo/Reference[1]/DigestValue',
    /is not a valid base64Binary/,
  ],
  [
    'an unknown attribute on Response',
    () => signed.xml.replace('<saml2p:Response ', '<saml2p:Response Foo="bar" '),
    '/Response/@Foo',
    /^Attribute Foo is not allowed on \{urn:oasis:names:tc:SAML:2\.0:protocol\}Response; allowed: ID, InResponseTo/,
  ],
  [
    'text inside element-only Subject',
    () => signed.xml.replace(/<saml2:Subject[^>]*>/, '$&hello'),
    '/Response/Assertion[1]/Subject',
    /element-only content; text "hello" not allowed/,
  ],
  [
    'an Issuer in the protocol namespace',
    () => unsigned.xml.replace(firstIssuer(unsigned.xml), '<saml2p:Issuer>x</saml2p:Issuer>'),
    '/Response/Issuer',
    /Element \{urn:oasis:names:tc:SAML:2\.0:protocol\}Issuer not expected; expected one of \{urn:oasis:names:tc:SAML:2\.0:assertion\}Issuer/,
  ],
  [
    'an AttributeValue whose xsi:type is xs:integer but holds text',
    () => signed.xml.replace('xsi:type="xs:string">Sarah', 'xsi:type="xs:integer">Sarah'),
    '/Response/Assertion[1]/AttributeStatement[1]/Attribute[1]/AttributeValue[1]',
    /"Sarah" is not a valid integer/,
  ],
  [
    'an AttributeValue with an unknown xsi:type',
    () => signed.xml.replace('xsi:type="xs:string">Sarah', 'xsi:type="xs:nope">Sarah'),
    '/Response/Assertion[1]/AttributeStatement[1]/Attribute[1]/AttributeValue[1]',
    /xsi:type "xs:nope" .* is not a known type/,
  ],
  [
    'an abstract Statement without xsi:type',
    () => signed.xml.replace('<saml2:AttributeStatement', '<saml2:Statement/><saml2:AttributeStatement'),
    '/Response/Assertion[1]/Statement[1]',
    /abstract type .*StatementAbstractType/,
  ],
];

describe('SAML schema: invalid responses', () => {
  it.each(INVALID)('refuses %s', (_name, edit, path, message) => {
    const result = validate(edit());
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toEqual({ path, message: expect.stringMatching(message) });
  });
});
