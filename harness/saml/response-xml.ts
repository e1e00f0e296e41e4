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
  /** When the user signed in at the IdP (the session's authentication), not when this was issued. */
  authnInstant: Date;
  sessionIndex: string;
  attributes: Record<string, string | string[]>;
}

const iso = (d: Date) => d.toISOString();
const SAML2 = `xmlns:saml2="${NS.assertion}"`;
const XS = `xmlns:xs="${NS.xs}"`;

/**
 * Okta's serialiser redeclares `saml2` on each child of the Assertion and `saml2p` on Status,
 * declares `xs` on the Response and the Assertion (the PrefixList of its signatures) and again
 * with `xsi` on each AttributeValue: fedsim writes the same declarations in the same places
 * (fixtures/responses/okta-captured/ holds a real response to compare with).
 */
function issuerXml(issuer: string, where: 'response' | 'assertion'): string {
  const attrs =
    where === 'response'
      ? `${SAML2} Format="${NAMEID_FORMAT.entity}"`
      : `Format="${NAMEID_FORMAT.entity}" ${SAML2}`;
  return `<saml2:Issuer ${attrs}>${escapeXml(issuer)}</saml2:Issuer>`;
}

function attributesXml(attributes: Record<string, string | string[]>): string {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return '';
  const attrs = entries
    .map(([name, value]) => {
      const values = (Array.isArray(value) ? value : [value])
        .map(
          (v) =>
            `<saml2:AttributeValue ${XS} xmlns:xsi="${NS.xsi}" xsi:type="xs:string">${escapeXml(v)}</saml2:AttributeValue>`,
        )
        .join('');
      return `<saml2:Attribute Name="${escapeXml(name)}" NameFormat="${ATTRNAME_UNSPECIFIED}">${values}</saml2:Attribute>`;
    })
    .join('');
  return `<saml2:AttributeStatement ${SAML2}>${attrs}</saml2:AttributeStatement>`;
}

/** The Assertion in the shape Okta emits (saml2: prefix, Issuer first, bearer confirmation). */
export function assertionXml(f: ResponseFields): string {
  const irt = f.inResponseTo ? ` InResponseTo="${escapeXml(f.inResponseTo)}"` : '';
  return (
    `<saml2:Assertion ${SAML2} ID="${f.assertionId}" IssueInstant="${iso(f.issueInstant)}" Version="2.0" ${XS}>` +
    issuerXml(f.issuer, 'assertion') +
    `<saml2:Subject ${SAML2}><saml2:NameID Format="${escapeXml(f.nameIdFormat)}">${escapeXml(f.nameId)}</saml2:NameID>` +
    `<saml2:SubjectConfirmation Method="${CM_BEARER}">` +
    `<saml2:SubjectConfirmationData${irt} NotOnOrAfter="${iso(f.subjectNotOnOrAfter)}" Recipient="${escapeXml(f.recipient)}"/>` +
    '</saml2:SubjectConfirmation></saml2:Subject>' +
    `<saml2:Conditions NotBefore="${iso(f.notBefore)}" NotOnOrAfter="${iso(f.notOnOrAfter)}" ${SAML2}>` +
    `<saml2:AudienceRestriction><saml2:Audience>${escapeXml(f.audience)}</saml2:Audience></saml2:AudienceRestriction>` +
    '</saml2:Conditions>' +
    `<saml2:AuthnStatement AuthnInstant="${iso(f.authnInstant)}" SessionIndex="${escapeXml(f.sessionIndex)}" ${SAML2}>` +
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
    `<saml2p:Response xmlns:saml2p="${NS.protocol}" Destination="${escapeXml(f.destination)}" ID="${f.responseId}"${irt} IssueInstant="${iso(f.issueInstant)}" Version="2.0" ${XS}>` +
    issuerXml(f.issuer, 'response') +
    `<saml2p:Status xmlns:saml2p="${NS.protocol}"><saml2p:StatusCode Value="${escapeXml(f.statusCode ?? STATUS_SUCCESS)}"/></saml2p:Status>` +
    assertion +
    '</saml2p:Response>'
  );
}
