import { readFileSync } from 'node:fs';
import type { TraceDocument, TracedExchange } from '../../harness/trace/document.js';

/** A real run of Sarah's journey that ends at a refused ACS (fixtures/traces/README.md says how it was made). */
export const FIXTURE = 'fixtures/traces/sarah-journey-wrong-audience.json';

export function loadFixture(): TraceDocument {
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as TraceDocument;
}

/** The fixture's steps and hops repeated until the trace has `count` hops: the page's speed test. */
export function manyHops(doc: TraceDocument, count: number): TraceDocument {
  const steps = [];
  const hops: TracedExchange[] = [];
  for (let round = 0; hops.length < count; round++) {
    const offset = round * doc.steps.length;
    steps.push(
      ...doc.steps.map((s) => ({ ...s, index: s.index + offset, name: `${s.name} (round ${round + 1})` })),
    );
    for (const hop of doc.hops) {
      if (hops.length === count) break;
      hops.push({ ...hop, n: hops.length + 1, step: (hop.step ?? 0) + offset });
    }
  }
  return { ...doc, steps, hops };
}
