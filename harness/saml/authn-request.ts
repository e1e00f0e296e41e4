import { createSign, createVerify, type KeyObject } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { FedsimError } from '../core/errors.js';
import type { CertInfo } from '../crypto/credential.js';
import { ALGORITHMS, NS, type SignatureAlgorithmName } from './constants.js';
import { decodePostRequest, inflateMessage } from './request-encoding.js';
import { verifyElementSignature } from './verify.js';
import { attr, child, escapeXml, parseUntrustedXml, textOf } from './xml.js';

/** An SP's AuthnRequest, as the fields fedsim reads back. */
export interface AuthnRequestFields {
  id: string;
  issueInstant: Date;
  issuer: string;
  destination: string;
  acsUrl: string;
}

export function authnRequestXml(f: AuthnRequestFields): string {
  return (
    `<saml2p:AuthnRequest xmlns:saml2p="${NS.protocol}" AssertionConsumerServiceURL="${escapeXml(f.acsUrl)}" ` +
    `Destination="${escapeXml(f.destination)}" ForceAuthn="false" ID="${f.id}" IsPassive="false" ` +
    `IssueInstant="${f.issueInstant.toISOString()}" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Version="2.0">` +
    `<saml2:Issuer xmlns:saml2="${NS.assertion}">${escapeXml(f.issuer)}</saml2:Issuer>` +
    '<saml2p:NameIDPolicy AllowCreate="false" Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"/>' +
    '</saml2p:AuthnRequest>'
  );
}

const SIG_ALG: Record<SignatureAlgorithmName, { uri: string; hash: string }> = {
  'SHA-256': { uri: ALGORITHMS['SHA-256'].signature, hash: 'RSA-SHA256' },
  'SHA-1': { uri: ALGORITHMS['SHA-1'].signature, hash: 'RSA-SHA1' },
};

/**
 * HTTP-Redirect binding: deflate + base64 the request, then sign the exact query string
 * `SAMLRequest=…&RelayState=…&SigAlg=…` (SAML bindings §3.4.4.1).
 */
export function redirectUrl(
  endpoint: string,
  xml: string,
  relayState: string | undefined,
  signing?: { key: KeyObject; algorithm: SignatureAlgorithmName },
): string {
  const parts = [
    `SAMLRequest=${encodeURIComponent(deflateRawSync(Buffer.from(xml, 'utf8')).toString('base64'))}`,
  ];
  if (relayState) parts.push(`RelayState=${encodeURIComponent(relayState)}`);
  if (signing) {
    parts.push(`SigAlg=${encodeURIComponent(SIG_ALG[signing.algorithm].uri)}`);
    const signature = createSign(SIG_ALG[signing.algorithm].hash)
      .update(parts.join('&'))
      .sign(signing.key, 'base64');
    parts.push(`Signature=${encodeURIComponent(signature)}`);
  }
  return `${endpoint}${endpoint.includes('?') ? '&' : '?'}${parts.join('&')}`;
}

/** URL-decoding that turns a malformed %-escape into a 400, not an exception. */
function queryDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new FedsimError(
      'SAML_BASE64_INVALID',
      `The query string carries a malformed %-escape: ${value.slice(0, 40)}`,
    );
  }
}

/** The raw (still URL-encoded) value of a query parameter, needed to verify a redirect signature. */
function rawParam(query: string, name: string): string | undefined {
  return query
    .split('&')
    .find((p) => p.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

export interface ReceivedAuthnRequest extends Omit<AuthnRequestFields, 'issueInstant'> {
  issueInstant: string;
  relayState?: string;
  signed: boolean;
}

/** The AuthnRequest element of a decoded message; anything else is refused. */
function requestRoot(xml: string): Element {
  const root = parseUntrustedXml(xml).documentElement as Element;
  if (root.namespaceURI !== NS.protocol || root.localName !== 'AuthnRequest') {
    throw new FedsimError('SAML_NOT_A_RESPONSE', `Expected a samlp:AuthnRequest, got ${root.localName}`);
  }
  return root;
}

function requestFields(root: Element): Omit<ReceivedAuthnRequest, 'relayState' | 'signed'> {
  return {
    id: attr(root, 'ID') ?? '',
    issueInstant: attr(root, 'IssueInstant') ?? '',
    issuer: textOf(child(root, NS.assertion, 'Issuer')) ?? '',
    destination: attr(root, 'Destination') ?? '',
    acsUrl: attr(root, 'AssertionConsumerServiceURL') ?? '',
  };
}

function signatureRefused(present: boolean): FedsimError {
  return new FedsimError(
    present ? 'SAML_REQUEST_SIGNATURE_INVALID' : 'SAML_REQUEST_SIGNATURE_MISSING',
    `The AuthnRequest signature ${present ? 'did not validate' : 'is missing'}`,
    { hint: "Upload the SP's request-signing certificate to the IdP app, or turn off signed requests." },
  );
}

/** Decodes a Redirect-binding AuthnRequest and, when a cert is given, requires a valid query signature. */
export function readRedirectRequest(rawQuery: string, trusted?: CertInfo): ReceivedAuthnRequest {
  const samlRequest = rawParam(rawQuery, 'SAMLRequest');
  if (!samlRequest) throw new FedsimError('SAML_INPUT_MISSING', 'No SAMLRequest in the query string');
  const root = requestRoot(inflateMessage(queryDecode(samlRequest)));
  const relay = rawParam(rawQuery, 'RelayState');
  const sigAlg = rawParam(rawQuery, 'SigAlg');
  const signature = rawParam(rawQuery, 'Signature');
  if (trusted) {
    const alg = Object.values(SIG_ALG).find((a) => a.uri === queryDecode(sigAlg ?? ''));
    const signedPart = ['SAMLRequest', 'RelayState', 'SigAlg']
      .map((n) => (rawParam(rawQuery, n) === undefined ? undefined : `${n}=${rawParam(rawQuery, n)}`))
      .filter(Boolean)
      .join('&');
    const valid =
      Boolean(alg && signature) &&
      createVerify(alg?.hash ?? 'RSA-SHA256')
        .update(signedPart)
        .verify(trusted.pem, queryDecode(signature ?? ''), 'base64');
    if (!valid) throw signatureRefused(signature !== undefined);
  }
  return {
    ...requestFields(root),
    relayState: relay === undefined ? undefined : queryDecode(relay.replace(/\+/g, ' ')),
    signed: signature !== undefined,
  };
}

/**
 * Decodes a POST-binding AuthnRequest (base64, not deflated; SAML bindings §3.5.4) and, when a
 * cert is given, requires a valid enveloped XML signature on it.
 */
export function readPostRequest(
  samlRequest: string,
  relayState: string | undefined,
  trusted?: CertInfo,
): ReceivedAuthnRequest {
  const xml = decodePostRequest(samlRequest);
  const root = requestRoot(xml);
  const signed = child(root, NS.dsig, 'Signature') !== undefined;
  if (trusted && !verifyElementSignature(xml, root, [trusted]).valid) throw signatureRefused(signed);
  return { ...requestFields(root), relayState, signed };
}

export interface SpInitiatedOptions {
  spEntityId: string;
  idpSsoUrl: string;
  acsUrl: string;
  relayState?: string;
  signing?: { key: KeyObject; algorithm: SignatureAlgorithmName };
}

/** Builds a fresh AuthnRequest and the Redirect-binding URL that carries it to the IdP. */
export function spInitiatedRedirect(
  o: SpInitiatedOptions,
  deps: { clock: { now(): Date }; ids: { saml(): string } },
) {
  const id = deps.ids.saml();
  const xml = authnRequestXml({
    id,
    issueInstant: deps.clock.now(),
    issuer: o.spEntityId,
    destination: o.idpSsoUrl,
    acsUrl: o.acsUrl,
  });
  return { id, url: redirectUrl(o.idpSsoUrl, xml, o.relayState, o.signing) };
}
