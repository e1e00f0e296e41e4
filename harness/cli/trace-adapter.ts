import type { ScenarioResult } from '../scenario/runner.js';
import { REDACTED, TRACE_VERSION, type TraceDocument } from '../trace/document.js';

/**
 * Stand-in until the recorder writes the trace document itself: today's browser hops as a
 * TraceDocument (no steps per hop, no API calls, no check tables), passwords redacted.
 */
export function traceDocumentOf(result: ScenarioResult): TraceDocument {
  return {
    fedsimTrace: TRACE_VERSION,
    scenario: { name: result.name, file: result.file, status: result.status },
    parties: {},
    normalized: false,
    steps: result.steps.map((s, i) => ({
      index: i + 1,
      name: s.name,
      status: s.status,
      ...(s.error ? { error: s.error } : {}),
    })),
    hops: (result.trace ?? []).map(({ formFields, durationMs, ...hop }, i) => ({
      ...hop,
      n: i + 1,
      from: 'browser',
      channel: 'browser',
      durationMs: Math.round(durationMs * 100) / 100,
      ...(formFields
        ? {
            formFields: Object.fromEntries(
              Object.entries(formFields).map(([k, v]) => [k, /password/i.test(k) ? REDACTED : v]),
            ),
          }
        : {}),
    })),
  };
}
