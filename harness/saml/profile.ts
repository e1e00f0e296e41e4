import type { KeyObject } from 'node:crypto';
import type { CertInfo } from '../crypto/credential.js';
import type { SignatureAlgorithmName, SignatureScope } from './constants.js';

/** What an SP expects of the responses it accepts: everything the check table compares against. */
export interface SpProfile {
  /** Entity id of the trusted IdP (Issuer of Response and Assertion). */
  idpIssuer: string;
  /** Trusted signing certs: the primary and, during a rollover, one more. Never KeyInfo. */
  trustedCerts: readonly CertInfo[];
  /** This SP's entity id, the Audience it requires. */
  audience: string;
  /** This SP's ACS URL: required Destination and Recipient. */
  acsUrl: string;
  signatureScope: SignatureScope;
  /** The weakest signature algorithm accepted (Okta: "Response Signature Algorithm" is a minimum). */
  minSignatureAlgorithm: SignatureAlgorithmName;
  maxClockSkewMs: number;
  /** Whether IdP-initiated (unsolicited) responses are accepted. */
  allowUnsolicited: boolean;
  /** The SP's private key for EncryptedAssertion; absent = this SP cannot decrypt. */
  decryptionKey?: KeyObject;
  /** Refuse plaintext assertions (the SP expects encryption). */
  requireEncryption?: boolean;
  /** Names used in hints, so a fix reads as "in org1's Org2Org app set …". */
  labels: { idpApp: string; sp: string };
}

/** Per-session state an SP keeps between messages. */
export interface SpState {
  /** AuthnRequest ids this browser session is waiting answers for. */
  outstandingRequestIds: ReadonlySet<string>;
  /** Assertion ids already accepted (and not yet expired). */
  usedAssertionIds: { has(id: string): boolean };
}

export const EMPTY_SP_STATE: SpState = { outstandingRequestIds: new Set(), usedAssertionIds: new Set() };
