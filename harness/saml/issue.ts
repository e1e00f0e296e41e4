import type { Clock } from '../core/clock.js';
import type { IdGenerator } from '../core/ids.js';
import type { SigningCredential } from '../crypto/credential.js';
import { NAMEID_FORMAT, type NameIdFormatName, type SignatureAlgorithmName } from './constants.js';
import { type EncryptionAlgorithm, encryptAssertion } from './encrypt.js';
import { assertionXml, type ResponseFields, responseXml } from './response-xml.js';
import { type SignatureShape, signElement } from './sign.js';
import { escapeXml } from './xml.js';

/** How an IdP app signs and shapes its responses (per app, as Okta's SAML settings). */
export interface IssuerSettings {
  issuer: string;
  credential: SigningCredential;
  signResponse: boolean;
  signAssertion: boolean;
  signatureAlgorithm: SignatureAlgorithmName;
  nameIdFormat: NameIdFormatName;
  /** How long the assertion is valid after its issue instant (Okta: 5 minutes). */
  validityMs: number;
  /** NotBefore relative to the issue instant; Okta backdates it 5 minutes. */
  notBeforeOffsetMs: number;
  /** Encrypt the (signed) assertion for this SP certificate. */
  encryption?: { algorithm: EncryptionAlgorithm; certPem: string };
  /** Signatures bent out of shape on purpose (the attack catalogue); absent for every real IdP. */
  signatureShape?: SignatureShape;
}

/** An Okta app's signing settings: everything of IssuerSettings but the issuer, which the app key decides. */
export type AppSigning = Omit<IssuerSettings, 'issuer'> & {
  /** Settings normally taken from the SP; set them to misconfigure the app on purpose. */
  acsUrl?: string;
  audience?: string;
  /** Written into the response while it is still posted to the real ACS. */
  recipient?: string;
  destination?: string;
  /** Written as InResponseTo whatever the request said (an IdP answering the wrong request). */
  inResponseTo?: string;
  /** Encrypt assertions with this algorithm for the SP's encryption certificate. */
  encryptAssertion?: EncryptionAlgorithm;
};

export const ISSUER_DEFAULTS = {
  signResponse: true,
  signAssertion: true,
  signatureAlgorithm: 'SHA-256',
  nameIdFormat: 'unspecified',
  validityMs: 5 * 60 * 1000,
  notBeforeOffsetMs: -5 * 60 * 1000,
} as const satisfies Partial<IssuerSettings>;

/** What one sign-in sends: to whom, about whom. */
export interface ResponseRequest {
  acsUrl: string;
  audience: string;
  nameId: string;
  attributes: Record<string, string | string[]>;
  inResponseTo?: string;
  /** When the user signed in at this IdP (the session's start); defaults to now, a sign-in that just happened. */
  authnInstant?: Date;
  /** Overrides for building deliberately broken responses in tests and attacks. */
  overrides?: Partial<ResponseFields>;
}

export interface IssuedResponse {
  xml: string;
  base64: string;
  fields: ResponseFields;
}

/**
 * Okta's SessionIndex (inferred from captured responses, docs/decisions/okta-saml-wire-shape.md):
 * the AuthnRequest's ID when answering one, else `id`, the issue time in epoch milliseconds, a
 * dot and a number.
 */
function sessionIndexOf(inResponseTo: string | undefined, now: Date, ids: IdGenerator): string {
  return inResponseTo ?? `id${now.getTime()}.${ids.saml().slice(2, 11)}`;
}

export function issueResponse(
  settings: IssuerSettings,
  request: ResponseRequest,
  deps: { clock: Clock; ids: IdGenerator },
): IssuedResponse {
  const now = deps.clock.now();
  const fields: ResponseFields = {
    responseId: deps.ids.saml(),
    assertionId: deps.ids.saml(),
    issueInstant: now,
    issuer: settings.issuer,
    destination: request.acsUrl,
    inResponseTo: request.inResponseTo,
    nameId: request.nameId,
    nameIdFormat: NAMEID_FORMAT[settings.nameIdFormat],
    recipient: request.acsUrl,
    audience: request.audience,
    notBefore: new Date(now.getTime() + settings.notBeforeOffsetMs),
    notOnOrAfter: new Date(now.getTime() + settings.validityMs),
    subjectNotOnOrAfter: new Date(now.getTime() + settings.validityMs),
    authnInstant: request.authnInstant ?? now,
    sessionIndex: sessionIndexOf(request.inResponseTo, now, deps.ids),
    attributes: request.attributes,
    ...request.overrides,
  };
  let assertion = assertionXml(fields);
  if (settings.signAssertion) {
    assertion = signElement(
      assertion,
      fields.assertionId,
      'Assertion',
      settings.credential,
      settings.signatureAlgorithm,
      settings.signatureShape,
    );
  }
  if (settings.encryption)
    assertion = encryptAssertion(assertion, settings.encryption.certPem, settings.encryption.algorithm);
  let xml = responseXml(fields, assertion);
  if (settings.signResponse) {
    xml = signElement(
      xml,
      fields.responseId,
      'Response',
      settings.credential,
      settings.signatureAlgorithm,
      settings.signatureShape,
    );
  }
  return { xml, base64: Buffer.from(xml, 'utf8').toString('base64'), fields };
}

/** The auto-submitting HTML form an IdP answers with (HTTP-POST binding). */
export function postFormHtml(acsUrl: string, samlResponse: string, relayState?: string): string {
  const relay = relayState ? `<input type="hidden" name="RelayState" value="${escapeXml(relayState)}"/>` : '';
  return (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Signing in…</title></head>' +
    '<body onload="document.forms[0].submit()">' +
    `<form method="POST" action="${escapeXml(acsUrl)}">` +
    `<input type="hidden" name="SAMLResponse" value="${escapeXml(samlResponse)}"/>${relay}` +
    '<noscript><button type="submit">Continue</button></noscript></form></body></html>'
  );
}
