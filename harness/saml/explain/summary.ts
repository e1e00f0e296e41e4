import type { CertInfo } from '../../crypto/credential.js';
import { NS } from '../constants.js';
import type { InboundMessage } from '../message.js';
import type { ParsedAssertion } from '../parse.js';
import type { SignatureOutcome } from '../signature-outcome.js';
import { attr, child, children, textOf } from '../xml.js';
import { diagnoseSignature } from './diagnose.js';

export interface CertSummary {
  subject: string;
  notBefore: string;
  notAfter: string;
  sha1: string;
  sha256: string;
}

export interface SignatureSummary {
  element: 'Response' | 'Assertion';
  present: boolean;
  valid: boolean;
  algorithm?: string;
  digestAlgorithm?: string;
  references: string[];
  /** SHA-256 of the trusted cert that verified it. */
  verifiedBy?: string;
  /** Why it did not verify: a digest mismatch names the Reference URI. */
  problem?: string;
  /** The cert the message carries in KeyInfo; `trusted` is null when no trusted cert is configured. */
  keyInfoCert?: CertSummary & { trusted: boolean | null };
}

export interface ResponseSummary {
  kind: 'Response';
  id?: string;
  issueInstant?: string;
  issuer?: string;
  destination?: string;
  inResponseTo?: string;
  status?: string;
  statusMessage?: string;
  assertionCount: number;
  /** Where the assertion fields below were read: signed bytes, or the raw (unverified) message. */
  assertionReadFrom: InboundMessage['assertionSource'];
  assertion?: ParsedAssertion;
  signatures: SignatureSummary[];
  trustedCerts: CertSummary[];
}

/** An AuthnRequest (or another SAML request) found beside the responses, e.g. in a HAR. */
export interface RequestSummary {
  kind: string;
  id?: string;
  issueInstant?: string;
  issuer?: string;
  destination?: string;
  assertionConsumerServiceUrl?: string;
  protocolBinding?: string;
  nameIdPolicyFormat?: string;
}

export function certSummary(cert: CertInfo): CertSummary {
  return {
    subject: cert.subject,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    sha1: cert.sha1,
    sha256: cert.sha256,
  };
}

function signatureSummary(
  xml: string,
  name: 'Response' | 'Assertion',
  element: Element | undefined,
  outcome: SignatureOutcome,
  trusted: readonly CertInfo[],
  trustConfigured: boolean,
): SignatureSummary {
  const signedInfo = child(element && children(element, NS.dsig, 'Signature')[0], NS.dsig, 'SignedInfo');
  const refs = signedInfo ? children(signedInfo, NS.dsig, 'Reference') : [];
  const cert = outcome.keyInfoCert;
  return {
    element: name,
    present: outcome.present,
    valid: outcome.valid,
    algorithm: outcome.algorithm,
    digestAlgorithm: attr(child(refs[0], NS.dsig, 'DigestMethod'), 'Algorithm'),
    references: refs.map((r) => attr(r, 'URI') ?? '(no URI)'),
    verifiedBy: trustConfigured ? outcome.verifiedBy : undefined,
    problem:
      outcome.present && !outcome.valid && element
        ? diagnoseSignature(xml, element, outcome, trusted)
        : undefined,
    keyInfoCert: cert && {
      ...certSummary(cert),
      trusted: trustConfigured ? trusted.some((t) => t.sha256 === cert.sha256) : null,
    },
  };
}

/** What the message says, as the checks read it, with its signatures and certificates. */
export function responseSummary(
  message: InboundMessage,
  trusted: readonly CertInfo[],
  trustConfigured: boolean,
): ResponseSummary {
  const root = message.root;
  const rawAssertion = children(root, NS.assertion, 'Assertion')[0];
  const r = message.response;
  return {
    kind: 'Response',
    id: r.id,
    issueInstant: r.issueInstant,
    issuer: r.issuer,
    destination: r.destination,
    inResponseTo: r.inResponseTo,
    status: r.statusCode,
    statusMessage: r.statusMessage,
    assertionCount: message.assertionCount,
    assertionReadFrom: message.assertionSource,
    assertion: message.assertion,
    signatures: [
      signatureSummary(message.xml, 'Response', root, message.signatures.response, trusted, trustConfigured),
      signatureSummary(
        message.xml,
        'Assertion',
        rawAssertion,
        message.signatures.assertion,
        trusted,
        trustConfigured,
      ),
    ],
    trustedCerts: trustConfigured ? trusted.map(certSummary) : [],
  };
}

export function requestSummary(root: Element): RequestSummary {
  return {
    kind: root.localName,
    id: attr(root, 'ID'),
    issueInstant: attr(root, 'IssueInstant'),
    issuer: textOf(child(root, NS.assertion, 'Issuer')),
    destination: attr(root, 'Destination'),
    assertionConsumerServiceUrl: attr(root, 'AssertionConsumerServiceURL'),
    protocolBinding: attr(root, 'ProtocolBinding'),
    nameIdPolicyFormat: attr(child(root, NS.protocol, 'NameIDPolicy'), 'Format'),
  };
}
