import type { TracedHop } from './decode.js';
import type { TraceDocument } from './document.js';
import type { TracedRun } from './html.js';

/**
 * Glue until the trace page reads a TraceDocument itself (issue #12 §4): the raw document's hops
 * in the page's former input shape, every browser exchange drawn from the browser's lane.
 */
export function pageRun(run: {
  name: string;
  file: string;
  steps: TracedRun['steps'];
  trace?: TraceDocument;
}): TracedRun {
  const hops = run.trace?.hops.map((h) => ({
    ...h,
    from: h.channel === 'browser' ? 'browser' : h.from,
    durationMs: h.durationMs ?? 0,
  }));
  return { ...run, trace: hops as unknown as TracedHop[] | undefined };
}
