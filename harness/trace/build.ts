import type { Hop } from '../agent/index.js';
import type { SpArrival } from '../saml/sp.js';
import { decodeHop, type SpLookup } from './decode.js';
import {
  type Actor,
  spExpectationsOf,
  TRACE_VERSION,
  type TraceDocument,
  type TracedExchange,
  type TracedSpProfile,
  type TracedStep,
} from './document.js';
import { keptBody, keptHeaders } from './kept.js';
import type { RecordedCall } from './record.js';
import { cookieNames, cookieValues, redactFields, scrubSecrets } from './redact.js';

/** Which step was running when an exchange started (absent while the world was being built). */
export interface StepStamp {
  step?: number;
  stepName?: string;
}

/** What a recording run collected, in the order the exchanges started. */
export type RecordedEntry =
  | (StepStamp & { channel: 'browser'; browser: string; hop: Hop; call?: RecordedCall })
  | (StepStamp & { channel: 'api'; from: string; call: RecordedCall });

/** An ACS arrival and the party whose SP it reached. */
export interface RecordedArrival {
  party: string;
  arrival: SpArrival;
}

export interface TraceInput {
  scenario: { name: string; file: string };
  /** Party name → origin. */
  parties: Record<string, string>;
  steps: TracedStep[];
  entries: readonly RecordedEntry[];
  arrivals: readonly RecordedArrival[];
  spFor: SpLookup;
  /** Values that must not appear in the document: tokens, passwords. */
  secrets: readonly string[];
}

const round = (ms: number) => Math.round(ms * 100) / 100;

function spProfileOf(party: string, a: SpArrival): TracedSpProfile {
  const p = a.profile;
  return {
    party,
    ...spExpectationsOf(p),
    requireEncryption: p.requireEncryption === true,
    trustedCertsPem: p.trustedCerts.map((c) => c.pem),
    trustedCertFingerprints: p.trustedCerts.map((c) => c.sha256),
    outstandingRequestIds: a.outstandingRequestIds,
    now: a.now.toISOString(),
  };
}

function partyOf(url: string, byOrigin: Map<string, string>): string {
  const target = new URL(url);
  return byOrigin.get(target.origin) ?? target.host;
}

const stamp = ({ step, stepName }: StepStamp) => (step === undefined ? {} : { step, stepName });

/** One party's call to another; the secrets its bodies held go to `secrets`. */
function apiExchange(
  e: Extract<RecordedEntry, { channel: 'api' }>,
  byOrigin: Map<string, string>,
  secrets: string[],
) {
  const { call } = e;
  const request = keptBody(call.requestBody, call.requestHeaders['content-type']);
  const response = keptBody(call.responseBody, call.responseHeaders['content-type']);
  secrets.push(...request.secrets, ...response.secrets);
  const { body: requestBody } = request;
  const { body: responseBody } = response;
  return {
    ...stamp(e),
    from: e.from,
    to: partyOf(call.url, byOrigin),
    channel: 'api',
    kind: 'api',
    method: call.method,
    url: call.url,
    status: call.status,
    ...(call.error ? { error: call.error } : {}),
    ...keptHeaders(call),
    ...(requestBody === undefined ? {} : { requestBody }),
    ...(responseBody === undefined ? {} : { responseBody }),
    setCookies: cookieNames(call.setCookie),
    durationMs: round(call.durationMs),
  } satisfies Omit<TracedExchange, 'n'>;
}

/** Each ACS arrival goes to the first browser POST of that same SAMLResponse to that SP's ACS. */
function arrivalFor(hop: Hop, arrivals: RecordedArrival[]): RecordedArrival | undefined {
  const posted = hop.formFields?.SAMLResponse;
  if (hop.method !== 'POST' || posted === undefined) return undefined;
  const i = arrivals.findIndex(
    (a) => a.arrival.samlResponse === posted && a.arrival.profile.acsUrl === hop.url,
  );
  return i < 0 ? undefined : arrivals.splice(i, 1)[0];
}

function browserExchange(
  e: Extract<RecordedEntry, { channel: 'browser' }>,
  arrivals: RecordedArrival[],
  spFor: SpLookup,
): Omit<TracedExchange, 'n'> {
  const { hop, call } = e;
  const at = arrivalFor(hop, arrivals);
  // Decoded with the profile the SP held when the message arrived, not the one it ends with.
  const lookup: SpLookup = at
    ? (url) => ({ profile: at.arrival.profile, seen: (b) => spFor(url)?.seen(b) })
    : spFor;
  const saml = decodeHop(hop, lookup);
  return {
    ...stamp(e),
    from: `browser:${e.browser}` as Actor,
    to: hop.to,
    initiator: hop.from,
    channel: 'browser',
    kind: hop.kind,
    method: hop.method,
    url: hop.url,
    status: hop.status,
    ...(hop.location === undefined ? {} : { location: hop.location }),
    ...(call ? keptHeaders(call) : {}),
    ...(hop.formFields ? { formFields: redactFields(hop.formFields) } : {}),
    setCookies: hop.setCookies,
    durationMs: round(hop.durationMs),
    ...(saml ? { saml } : {}),
    ...(at
      ? {
          sp: spProfileOf(at.party, at.arrival),
          checks: at.arrival.checks,
          decision: at.arrival.decision,
        }
      : {}),
  };
}

/** The trace document of one run, raw (real origins, timings); `normalizeTrace` makes it stable. */
export function buildTrace(input: TraceInput, status: 'passed' | 'failed'): TraceDocument {
  const byOrigin = new Map(Object.entries(input.parties).map(([party, origin]) => [origin, party]));
  const arrivals = [...input.arrivals];
  const carried = [...input.secrets, ...input.entries.flatMap((e) => cookieValues(e.call?.setCookie ?? []))];
  const hops = input.entries.map((e, i) => ({
    n: i + 1,
    ...(e.channel === 'api' ? apiExchange(e, byOrigin, carried) : browserExchange(e, arrivals, input.spFor)),
  }));
  const doc: TraceDocument = {
    fedsimTrace: TRACE_VERSION,
    scenario: { ...input.scenario, status },
    parties: input.parties,
    normalized: false,
    steps: input.steps,
    hops,
  };
  // The scrub also copies the document into plain JSON values (dates as ISO strings).
  return scrubSecrets(doc, carried);
}
