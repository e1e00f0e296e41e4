import { NS } from './constants.js';
import { attr, child, children, descendants, textOf } from './xml.js';

export interface ParsedSubjectConfirmation {
  method?: string;
  recipient?: string;
  notBefore?: string;
  notOnOrAfter?: string;
  inResponseTo?: string;
}

export interface ParsedAssertion {
  id?: string;
  version?: string;
  issueInstant?: string;
  issuer?: string;
  nameId?: string;
  nameIdFormat?: string;
  subjectConfirmations: ParsedSubjectConfirmation[];
  notBefore?: string;
  notOnOrAfter?: string;
  audiences: string[];
  /** Each AudienceRestriction's audiences: every restriction must name the SP (SAML core 2.5.1.4). */
  audienceRestrictions: string[][];
  authnInstant?: string;
  sessionIndex?: string;
  attributes: Record<string, string[]>;
}

export interface ParsedResponse {
  id?: string;
  version?: string;
  issueInstant?: string;
  destination?: string;
  inResponseTo?: string;
  issuer?: string;
  statusCode?: string;
  statusMessage?: string;
}

export function isResponse(el: Element): boolean {
  return el.namespaceURI === NS.protocol && el.localName === 'Response';
}

export function parseResponseElement(el: Element): ParsedResponse {
  const status = child(el, NS.protocol, 'Status');
  return {
    id: attr(el, 'ID'),
    version: attr(el, 'Version'),
    issueInstant: attr(el, 'IssueInstant'),
    destination: attr(el, 'Destination'),
    inResponseTo: attr(el, 'InResponseTo'),
    issuer: textOf(child(el, NS.assertion, 'Issuer')),
    statusCode: attr(child(status, NS.protocol, 'StatusCode'), 'Value'),
    statusMessage: textOf(child(status, NS.protocol, 'StatusMessage')),
  };
}

function parseConfirmation(sc: Element): ParsedSubjectConfirmation {
  const data = child(sc, NS.assertion, 'SubjectConfirmationData');
  return {
    method: attr(sc, 'Method'),
    recipient: attr(data, 'Recipient'),
    notBefore: attr(data, 'NotBefore'),
    notOnOrAfter: attr(data, 'NotOnOrAfter'),
    inResponseTo: attr(data, 'InResponseTo'),
  };
}

function parseAttributes(assertion: Element): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const statement of children(assertion, NS.assertion, 'AttributeStatement')) {
    for (const a of children(statement, NS.assertion, 'Attribute')) {
      const name = attr(a, 'Name');
      if (!name) continue;
      const values = children(a, NS.assertion, 'AttributeValue').map((v) => textOf(v) ?? '');
      out[name] = [...(out[name] ?? []), ...values];
    }
  }
  return out;
}

export function parseAssertionElement(el: Element): ParsedAssertion {
  const subject = child(el, NS.assertion, 'Subject');
  const nameId = child(subject, NS.assertion, 'NameID');
  const conditions = child(el, NS.assertion, 'Conditions');
  const authn = child(el, NS.assertion, 'AuthnStatement');
  const audienceRestrictions = conditions
    ? children(conditions, NS.assertion, 'AudienceRestriction').map((r) =>
        children(r, NS.assertion, 'Audience').map((a) => textOf(a) ?? ''),
      )
    : [];
  return {
    id: attr(el, 'ID'),
    version: attr(el, 'Version'),
    issueInstant: attr(el, 'IssueInstant'),
    issuer: textOf(child(el, NS.assertion, 'Issuer')),
    nameId: textOf(nameId),
    nameIdFormat: attr(nameId, 'Format'),
    subjectConfirmations: subject
      ? children(subject, NS.assertion, 'SubjectConfirmation').map(parseConfirmation)
      : [],
    notBefore: attr(conditions, 'NotBefore'),
    notOnOrAfter: attr(conditions, 'NotOnOrAfter'),
    audienceRestrictions,
    audiences: audienceRestrictions.flat(),
    authnInstant: attr(authn, 'AuthnInstant'),
    sessionIndex: attr(authn, 'SessionIndex'),
    attributes: parseAttributes(el),
  };
}

/** Every Assertion anywhere in the document: more than one is a wrapping attempt or a broken IdP. */
export function countAssertions(doc: Document): number {
  return (
    descendants(doc, NS.assertion, 'Assertion').length +
    descendants(doc, NS.assertion, 'EncryptedAssertion').length
  );
}
