import type { TraceDocument, TracedExchange } from './document.js';
import { escapeRegExp, mapStrings } from './redact.js';

/** Query parameters and form fields whose values are signed bytes: kept exact in every trace. */
const SIGNED_PARAMS = ['SAMLRequest', 'SAMLResponse', 'Signature'];
const SIGNED_IN_URL = new RegExp(`([?&](?:${SIGNED_PARAMS.join('|')})=)[^&#]*`, 'g');
/** The same inside URL-encoded URLs, once or more (a `fromURI` returning to an SSO URL). */
const SIGNED_IN_ENCODED_URL = new RegExp(
  `(%(?:25)*(?:3F|26)(?:${SIGNED_PARAMS.join('|')})%(?:25)*3D)(?:(?!%(?:25)*26)[^&#])*`,
  'g',
);
/** Values computed over the signed bytes inside the decoded XML, and ciphertext (random keys and IVs). */
const SIGNED_IN_XML = /(<(?:\w+:)?(?:DigestValue|SignatureValue|CipherValue)>)[^<]*/g;
/** JSON keys whose string values are signed bytes. */
const SIGNED_KEYS = new Set(['base64', ...SIGNED_PARAMS]);

const placeholder = (party: string) => `{${party}}`;

/** Each origin and its placeholder, plain and URL-encoded (a RelayState or fromURI carries it encoded). */
function originPairs(parties: Readonly<Record<string, string>>): Array<[string, string]> {
  return Object.entries(parties).flatMap(
    ([party, origin]): Array<[string, string]> => [
      [origin, placeholder(party)],
      [encodeURIComponent(origin), encodeURIComponent(placeholder(party))],
    ],
  );
}

/** Origins → `{party}` (longest first, never inside a longer port number). */
export function toPlaceholders(text: string, parties: Readonly<Record<string, string>>): string {
  return originPairs(parties)
    .sort(([a], [b]) => b.length - a.length)
    .reduce((out, [origin, p]) => out.replace(new RegExp(`${escapeRegExp(origin)}(?!\\d)`, 'g'), p), text);
}

/** `{party}` → that party's origin. */
export function fromPlaceholders(text: string, parties: Readonly<Record<string, string>>): string {
  return originPairs(parties).reduce((out, [origin, p]) => out.replaceAll(p, origin), text);
}

/**
 * Rewrites steps and hops with each origin replaced by its `{party}` placeholder, or back. An
 * origin, with its ':', cannot occur inside base64, so signed values are never touched.
 */
function swapOrigins(doc: TraceDocument, toPlaceholder: boolean, hop: (h: TracedExchange) => TracedExchange) {
  const f = (s: string) =>
    toPlaceholder ? toPlaceholders(s, doc.parties) : fromPlaceholders(s, doc.parties);
  return {
    ...doc,
    normalized: toPlaceholder,
    steps: mapStrings(doc.steps, f) as TraceDocument['steps'],
    hops: doc.hops.map((h) => mapStrings(hop(h), f) as TracedExchange),
  };
}

function withoutTiming(hop: TracedExchange): TracedExchange {
  const { durationMs: _, ...rest } = hop;
  return rest;
}

/**
 * Writes each party's origin as `{org1}`, `{org2}`, `{dropbox}` in steps and hops and drops
 * timings, so two runs of a scenario give the same document. `parties` keeps the real origins
 * (how a reader maps placeholders back), and signed SAML values (saml.base64, SAMLResponse /
 * SAMLRequest / Signature in forms and URLs) stay exact: the ports are inside the signed XML and
 * rewriting them would break the signature. See docs/decisions/trace-document.md.
 */
export function normalizeTrace(doc: TraceDocument): TraceDocument {
  return doc.normalized ? doc : swapOrigins(doc, true, withoutTiming);
}

/** The inverse for readers: placeholders back to this run's origins (signed values were never changed). */
export function restoreOrigins(doc: TraceDocument): TraceDocument {
  return doc.normalized ? swapOrigins(doc, false, (h) => h) : doc;
}

/**
 * A normalised document with what must differ between runs masked: the origins in `parties`
 * and the signed values. Two runs of a scenario give equal comparable traces (golden files).
 */
export function comparableTrace(doc: TraceDocument): TraceDocument {
  const normalized = normalizeTrace(doc);
  const mask = (s: string) =>
    s
      .replace(SIGNED_IN_URL, '$1{signed}')
      .replace(SIGNED_IN_ENCODED_URL, '$1{signed}')
      .replace(SIGNED_IN_XML, '$1{signed}');
  return {
    ...normalized,
    parties: Object.fromEntries(Object.keys(normalized.parties).map((p) => [p, placeholder(p)])),
    hops: normalized.hops.map((hop) => {
      const masked = mapStrings(hop, mask) as TracedExchange;
      return maskSignedKeys(masked) as TracedExchange;
    }),
  };
}

function maskSignedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSignedKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        SIGNED_KEYS.has(k) && typeof v === 'string' ? '{signed}' : maskSignedKeys(v),
      ]),
    );
  }
  return value;
}
