import type { CheckResult } from '../saml/checks/types.js';
import type { SpProfile } from '../saml/profile.js';
import type { TracedSaml } from './decode.js';

/**
 * The trace file `fedsim run --trace` writes (`<dir>/<scenario>.json`): the contract between the
 * recorder, `fedsim explain <trace.json>`, `fedsim diff` and the HTML page. Bump the version on
 * any change a reader of an older file would misread; `schema/trace.schema.json` describes it.
 */
export const TRACE_VERSION = 1;

/** Replaces a secret's value, keeping the field so a reader sees it was there. */
export const REDACTED = '[redacted]';

/** Who sent or received an exchange: a named browser, or one of the world's parties. */
export type Actor = `browser:${string}` | 'org1' | 'org2' | 'dropbox' | (string & {});

/** The plain-value fields of an SP profile, copied as they are into a trace (saml/profile.ts). */
export const SP_EXPECTATION_KEYS = [
  'idpIssuer',
  'audience',
  'acsUrl',
  'signatureScope',
  'minSignatureAlgorithm',
  'maxClockSkewMs',
  'allowUnsolicited',
  'labels',
] as const;

export type SpExpectations = Pick<SpProfile, (typeof SP_EXPECTATION_KEYS)[number]>;

/** Those fields of a profile (a live SpProfile, or a traced one). */
export function spExpectationsOf(profile: SpExpectations): SpExpectations {
  return Object.fromEntries(SP_EXPECTATION_KEYS.map((k) => [k, profile[k]])) as SpExpectations;
}

/** An SP's expectations as they stood when a message reached it: what explain judges against. */
export interface TracedSpProfile extends SpExpectations {
  /** The receiving party (org2's inbound IdP, or dropbox). */
  party: string;
  requireEncryption: boolean;
  /** Trusted signing certificates, PEM (public; the trace never carries private keys). */
  trustedCertsPem: string[];
  /** SHA-256 fingerprints of the same certificates, for people. */
  trustedCertFingerprints: string[];
  /** AuthnRequest ids this browser session was waiting answers for. */
  outstandingRequestIds: string[];
  /** The SP's virtual time when the message arrived (ISO 8601): explain's `--now`. */
  now: string;
}

/** What the receiving org decided after the check table passed (or why it refused). */
export interface TracedDecision {
  outcome: 'matched' | 'linked' | 'jit-created' | 'signed-in' | 'refused';
  /** The fedsim error code of a refusal. */
  code?: string;
  message?: string;
  /** The user the sign-in resolved to, if any. */
  userId?: string;
  login?: string;
}

export interface TracedExchange {
  /**
   * 1-based position in `TraceDocument.hops`; in a served world's trace, the exchange's number
   * since the world started (its ring keeps the latest, so the first may be above 1).
   */
  n: number;
  /** A served world's exchanges: the answering party's request id (`X-Okta-Request-Id`). */
  requestId?: string;
  /** 1-based index of the scenario step that caused it, and that step's name. */
  step?: number;
  stepName?: string;
  from: Actor;
  to: Actor;
  /**
   * Browser exchanges only: the party whose page or redirect caused the request (`browser` for a
   * typed URL), e.g. `org1` for the auto-posted SAMLResponse that `browser:sarah` sends to org2.
   */
  initiator?: string;
  /** `browser`: a user agent's request; `api`: party → party (Users API, SCIM, metadata fetch). */
  channel: 'browser' | 'api';
  /** navigate / redirect / form for browsers; api for party → party. */
  kind: 'navigate' | 'redirect' | 'form' | 'api';
  method: string;
  /** Absolute URL; in a normalised trace each party's origin is written `{org1}`, `{org2}`, … */
  url: string;
  /** 0 when no answer came (connection refused or dropped); `error` says why. */
  status: number;
  error?: string;
  location?: string;
  /** Selected headers (lower-case names); Authorization and Cookie values are redacted. */
  requestHeaders?: Record<string, string>;
  responseHeaders?: Record<string, string>;
  /** The urlencoded body of a browser POST; password fields redacted. */
  formFields?: Record<string, string>;
  /** JSON bodies of API calls (secrets redacted). */
  requestBody?: unknown;
  responseBody?: unknown;
  /** Cookie names set or deleted by the response (never values). */
  setCookies: string[];
  /** Rounded to 0.01 ms; absent in a normalised trace (timings differ per run). */
  durationMs?: number;
  /** The SAML message the exchange carried, decoded. */
  saml?: TracedSaml;
  /** On a Response posted to an SP's ACS: that SP's profile when it arrived. */
  sp?: TracedSpProfile;
  /** On the same: the check table as the SP ran it. */
  checks?: CheckResult[];
  decision?: TracedDecision;
}

export interface TracedStep {
  /** 1-based. */
  index: number;
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  error?: { code: string; message: string; expected?: unknown; actual?: unknown; hint?: string };
}

export interface TraceDocument {
  fedsimTrace: typeof TRACE_VERSION;
  scenario: { name: string; file: string; status: 'passed' | 'failed' };
  /** Party name → origin of this run (`http://127.0.0.1:PORT`). */
  parties: Record<string, string>;
  /** True when origins in `hops` are written as `{party}` placeholders and timings are dropped. */
  normalized: boolean;
  steps: TracedStep[];
  hops: TracedExchange[];
}
