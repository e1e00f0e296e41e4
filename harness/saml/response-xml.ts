import {
  AC_PASSWORD_PROTECTED,
  ATTRNAME_UNSPECIFIED,
  CM_BEARER,
  NAMEID_FORMAT,
  NS,
  STATUS_SUCCESS,
} from './constants.js';
import { escapeXml } from './xml.js';

/** Everything an IdP decides about one response, before signing. */
export interface ResponseFields {
  responseId: string;
  assertionId: string;
  issueInstant: Date;
  issuer: string;
  destination: string;
  inResponseTo?: string;
  statusCode?: string;
  nameId: string;
  nameIdFormat: string;
  recipient: string;
  audience: string;
  notBefore: Date;
  notOnOrAfter: Date;
  subjectNotOnOrAfter: Date;
  sessionIndex: string;
  attributes: Record<string, string | string[]>;
}

const iso = (d: Date) => d.toISOString();

function issuerXml(issuer: string): string {
  return `<saml2:Issuer xmlns:saml2="${NS.assertion}" Format="${NAMEID_FORMAT.entity}">${escapeXml(issuer)}</saml2:Issuer>`;
}

function attributesXml(attributes: Record<string, string | string[]>): string {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return '';
  const attrs = entries
    .map(([name, value]) => {
      const values = (Array.isArray(value) ? value : [value])
        .map(
          (v) =>
            `<saml2:AttributeValue xmlns:xs="${NS.xs}" xmlns:xsi="${NS.xsi}" xsi:type="xs:string">${escapeXml(v)}</saml2:AttributeValue>`,
        )
        .join('');
      return `<saml2:Attribute Name="${escapeXml(name)}" NameFormat="${ATTRNAME_UNSPECIFIED}">${values}</saml2:Attribute>`;
    })
    .join('');
  return `<saml2:AttributeStatement>${attrs}</saml2:AttributeStatement>`;
}

/** The Assertion in the shape Okta emits (saml2: prefix, Issuer first, bearer confirmation). */
export function assertionXml(f: ResponseFields): string {
  const irt = f.inResponseTo ? ` InResponseTo="${escapeXml(f.inResponseTo)}"` : '';
  return (
    `<saml2:Assertion xmlns:saml2="${NS.assertion}" ID="${f.assertionId}" IssueInstant="${iso(f.issueInstant)}" Version="2.0">` +
    issuerXml(f.issuer) +
    `<saml2:Subject><saml2:NameID Format="${escapeXml(f.nameIdFormat)}">${escapeXml(f.nameId)}</saml2:NameID>` +
    `<saml2:SubjectConfirmation Method="${CM_BEARER}">` +
    `<saml2:SubjectConfirmationData${irt} NotOnOrAfter="${iso(f.subjectNotOnOrAfter)}" Recipient="${escapeXml(f.recipient)}"/>` +
    '</saml2:SubjectConfirmation></saml2:Subject>' +
    `<saml2:Conditions NotBefore="${iso(f.notBefore)}" NotOnOrAfter="${iso(f.notOnOrAfter)}">` +
    `<saml2:AudienceRestriction><saml2:Audience>${escapeXml(f.audience)}</saml2:Audience></saml2:AudienceRestriction>` +
    '</saml2:Conditions>' +
    `<saml2:AuthnStatement AuthnInstant="${iso(f.issueInstant)}" SessionIndex="${escapeXml(f.sessionIndex)}">` +
    `<saml2:AuthnContext><saml2:AuthnContextClassRef>${AC_PASSWORD_PROTECTED}</saml2:AuthnContextClassRef></saml2:AuthnContext>` +
    '</saml2:AuthnStatement>' +
    attributesXml(f.attributes) +
    '</saml2:Assertion>'
  );
}

/** The Response around an assertion, in Okta's shape. */
export function responseXml(f: ResponseFields, assertion: string): string {
  const irt = f.inResponseTo ? ` InResponseTo="${escapeXml(f.inResponseTo)}"` : '';
  return (
    `<saml2p:Response xmlns:saml2p="${NS.protocol}" Destination="${escapeXml(f.destination)}" ID="${f.responseId}"${irt} IssueInstant="${iso(f.issueInstant)}" Version="2.0">` +
    issuerXml(f.issuer) +
    `<saml2p:Status><saml2p:StatusCode Value="${escapeXml(f.statusCode ?? STATUS_SUCCESS)}"/></saml2p:Status>` +
    assertion +
    '</saml2p:Response>'
  );
}
