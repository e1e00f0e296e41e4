import { FedsimError } from '../core/errors.js';
import { TRACE_VERSION, type TraceDocument, type TracedExchange } from './document.js';

export interface ReadTrace {
  doc: TraceDocument;
  /** The plain hop array `fedsim run --trace` wrote before trace documents (no profiles, no parties). */
  legacy: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isHop = (h: unknown) =>
  isObject(h) && typeof h.url === 'string' && typeof h.method === 'string' && typeof h.status === 'number';

function invalid(why: string): FedsimError {
  return new FedsimError('TRACE_INVALID', `Not a fedsim trace document: ${why}`, {
    expected: `{ fedsimTrace: ${TRACE_VERSION}, parties: {…}, hops: [{ n, method, url, status, … }] }`,
  });
}

function fromLegacy(hops: unknown[]): ReadTrace {
  const exchanges = hops.map((h, i) => ({ channel: 'browser', setCookies: [], ...(h as object), n: i + 1 }));
  return {
    legacy: true,
    doc: {
      fedsimTrace: TRACE_VERSION,
      scenario: { name: '', file: '', status: 'passed' },
      parties: {},
      normalized: false,
      steps: [],
      hops: exchanges as unknown as TracedExchange[],
    },
  };
}

function fromDocument(json: Record<string, unknown>): ReadTrace {
  if (json.fedsimTrace !== TRACE_VERSION) {
    throw new FedsimError(
      'TRACE_VERSION_UNSUPPORTED',
      `Trace version ${JSON.stringify(json.fedsimTrace ?? null)} is not one this fedsim reads`,
      { expected: `fedsimTrace: ${TRACE_VERSION}`, actual: json.fedsimTrace ?? 'no fedsimTrace field' },
    );
  }
  if (!Array.isArray(json.hops) || !json.hops.every(isHop)) throw invalid('hops is not a list of exchanges');
  const parties = json.parties ?? {};
  if (!isObject(parties) || !Object.values(parties).every((o) => typeof o === 'string')) {
    throw invalid('parties is not a map of party → origin');
  }
  return {
    legacy: false,
    doc: { ...(json as unknown as TraceDocument), parties: parties as Record<string, string> },
  };
}

/**
 * Reads trace JSON: a TraceDocument (its version checked) or an older run's hop array. Undefined
 * when the text is neither (another JSON input, such as a HAR, or not JSON at all).
 */
export function readTrace(text: string): ReadTrace | undefined {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (Array.isArray(json)) return json.length > 0 && json.every(isHop) ? fromLegacy(json) : undefined;
  if (isObject(json) && ('fedsimTrace' in json || 'hops' in json)) return fromDocument(json);
  return undefined;
}
