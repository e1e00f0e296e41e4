import { FedsimError } from '../core/errors.js';
import { type InputMessage, messagesFromPairs } from '../saml/explain/decode.js';
import type { ExplainInput } from '../saml/explain/input.js';
import type { RecordedProfile } from '../saml/explain/profile.js';
import { parseCertificates } from '../saml/explain/read.js';
import { spExpectationsOf, type TracedExchange, type TracedSpProfile } from './document.js';
import { fromPlaceholders } from './normalize.js';
import { readTrace } from './read.js';

/** A recorded SP profile as explain's: the expectations, its clock and outstanding requests. */
function recorded(sp: TracedSpProfile, n: number, parties: Record<string, string>): RecordedProfile {
  const url = (s: string) => fromPlaceholders(s, parties);
  return {
    loaded: {
      source: `trace hop ${n} (${sp.party})`,
      notes: [],
      spec: {
        ...spExpectationsOf(sp),
        idpIssuer: url(sp.idpIssuer),
        audience: url(sp.audience),
        acsUrl: url(sp.acsUrl),
        requireEncryption: sp.requireEncryption,
        trustedCerts: sp.trustedCertsPem.flatMap((pem) => parseCertificates(pem)),
      },
    },
    now: Number.isNaN(Date.parse(sp.now)) ? undefined : new Date(sp.now),
    outstandingRequestIds: sp.outstandingRequestIds,
  };
}

type Pair = [string, string];

/** The SAML parameters a hop carried: its form fields, its query, else the decoded message's base64. */
function pairsOf(hop: TracedExchange): Pair[] {
  const query = URL.canParse(hop.url) ? [...new URL(hop.url).searchParams] : [];
  const pairs: Pair[] = [...Object.entries(hop.formFields ?? {}), ...query];
  const carried = pairs.some(([k]) => k === 'SAMLResponse' || k === 'SAMLRequest');
  if (!carried && hop.saml?.base64) {
    pairs.push([hop.saml.kind === 'Response' ? 'SAMLResponse' : 'SAMLRequest', hop.saml.base64]);
  }
  return pairs;
}

function hopMessages(hop: TracedExchange, parties: Record<string, string>): InputMessage[] {
  const step = hop.step ? ` (step ${hop.step}${hop.stepName ? ` ${hop.stepName}` : ''})` : '';
  const where = `hop ${hop.n}${step}: ${hop.method} ${hop.url.split('?')[0]}`;
  return messagesFromPairs(pairsOf(hop), where).map((m) => ({
    ...m,
    // A normalised trace wrote origins as {party}, inside the XML too: put the run's back.
    ...(m.xml ? { xml: fromPlaceholders(m.xml, parties) } : {}),
    ...(m.param === 'SAMLResponse' && hop.sp ? { recorded: recorded(hop.sp, hop.n, parties) } : {}),
  }));
}

/**
 * The SAML messages of a trace (`fedsim run --trace`'s JSON: a TraceDocument, or the plain hop
 * array of older runs), each Response with the profile of the SP that received it when the trace
 * recorded one; `hop` keeps only that hop. Undefined when the text is not a trace.
 */
export function traceInput(text: string, hop?: number): ExplainInput | undefined {
  const read = readTrace(text);
  if (!read) return undefined;
  const { doc } = read;
  const hops = hop === undefined ? doc.hops : doc.hops.filter((h) => h.n === hop);
  const messages = hops.flatMap((h) => hopMessages(h, doc.parties));
  if (messages.length === 0) {
    const where = hop === undefined ? `any of its ${doc.hops.length} hops` : `hop ${hop}`;
    throw new FedsimError('SAML_INPUT_MISSING', `The trace has no SAML message in ${where}`, {
      hint: hop === undefined ? undefined : `The trace has hops 1 to ${doc.hops.length}.`,
    });
  }
  return { format: read.legacy ? 'trace-hops' : 'trace', messages };
}
