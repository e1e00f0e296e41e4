import { type Fields, httpFields, samlFields } from './diff-fields.js';
import type { TraceDocument, TracedExchange } from './document.js';
import { normalizeTrace, toPlaceholders } from './normalize.js';

export interface FieldDiff {
  field: string;
  a?: unknown;
  b?: unknown;
}

/** The first hop where two traces part: where it is, and what differs in its exchange and message. */
export interface HopDiff {
  n: number;
  step?: number;
  stepName?: string;
  method: string;
  url: string;
  /** Set when only one trace has this hop. */
  onlyIn?: 'a' | 'b';
  http: FieldDiff[];
  saml: FieldDiff[];
}

export interface TraceDiff {
  equal: boolean;
  hops: { a: number; b: number };
  first?: HopDiff;
}

interface Side {
  hop: TracedExchange;
  http: Fields;
  saml?: Fields;
}

/**
 * A hop of a normalised trace, read for comparing; the signed message it carries still holds the
 * run's origins, so its fields get the same placeholders.
 */
function side(doc: TraceDocument, hop: TracedExchange): Side {
  const normalise = (s: string) => toPlaceholders(s, doc.parties);
  return { hop, http: httpFields(hop), saml: samlFields(hop, normalise) };
}

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

function fieldDiffs(a: Fields | undefined, b: Fields | undefined): FieldDiff[] {
  const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])];
  return keys.filter((k) => !same(a?.[k], b?.[k])).map((field) => ({ field, a: a?.[field], b: b?.[field] }));
}

function hopDiff(a: Side | undefined, b: Side | undefined): HopDiff | undefined {
  const where = (a ?? b)?.hop as TracedExchange;
  const http = fieldDiffs(a?.http, b?.http);
  const saml = fieldDiffs(a?.saml, b?.saml);
  if (a && b && http.length === 0 && saml.length === 0) return undefined;
  return {
    n: where.n,
    ...(where.step !== undefined ? { step: where.step } : {}),
    ...(where.stepName !== undefined ? { stepName: where.stepName } : {}),
    method: where.method,
    url: where.url,
    ...(a && b ? {} : { onlyIn: a ? ('a' as const) : ('b' as const) }),
    http,
    saml,
  };
}

/**
 * Compares two traces hop by hop, each normalised with its own `parties` map (so two runs on
 * different ports compare equal), and returns the first hop that differs. Timings, signature
 * values and digests are not compared: they differ whenever anything does.
 */
export function diffTraces(rawA: TraceDocument, rawB: TraceDocument): TraceDiff {
  const [a, b] = [normalizeTrace(rawA), normalizeTrace(rawB)];
  const count = Math.max(a.hops.length, b.hops.length);
  for (let i = 0; i < count; i++) {
    const ha = a.hops[i];
    const hb = b.hops[i];
    const first = hopDiff(ha && side(a, ha), hb && side(b, hb));
    if (first) return { equal: false, hops: { a: a.hops.length, b: b.hops.length }, first };
  }
  return { equal: true, hops: { a: a.hops.length, b: b.hops.length } };
}
