import { escapeHtml as e } from '../core/html.js';
import type { TraceDocument, TracedExchange, TracedStep } from './document.js';
import { counted } from './page/format.js';
import { headerHtml, stepHeading } from './page/header.js';
import { hopHtml } from './page/hop.js';
import { lanesHeader, lanesOf, lifelineCss } from './page/lanes.js';
import { SCRIPT } from './page/script.js';
import { STYLE } from './page/style.js';

/**
 * A step's exchanges, in trace order; hops the recorder could not tie to a step form their own group.
 * A trace that ties no hop to a step gets no step sections: they would all claim no exchanges.
 */
function groups(doc: TraceDocument): { step?: TracedStep; hops: TracedExchange[] }[] {
  if (doc.hops.every((h) => h.step === undefined)) return [{ hops: doc.hops }];
  const loose = doc.hops.filter((h) => h.step === undefined || !doc.steps.some((s) => s.index === h.step));
  const byStep = doc.steps.map((step) => ({ step, hops: doc.hops.filter((h) => h.step === step.index) }));
  return loose.length ? [{ hops: loose }, ...byStep] : byStep;
}

function sectionHtml(group: { step?: TracedStep; hops: TracedExchange[] }, body: string): string {
  const { step, hops } = group;
  if (!step) {
    return `<section class="step" aria-labelledby="loose-title"><h2 class="step-title" id="loose-title">Exchanges not tied to a step <span class="count">${counted(hops.length, 'exchange')}</span></h2>${body}</section>`;
  }
  return `<section class="step ${step.status}" id="step-${step.index}" aria-labelledby="step-${step.index}-title">${stepHeading(step, hops.length)}${body}</section>`;
}

/**
 * The trace page: SAML-tracer meets a sequence diagram. One self-contained HTML file (inline style
 * and script, no external assets) that opens from file://. `jsonFile` is the trace JSON written
 * beside it, named in each message's `fedsim explain` command.
 */
export function traceHtml(doc: TraceDocument, jsonFile: string): string {
  const lanes = lanesOf(doc.hops);
  const sections = groups(doc).map((g) =>
    sectionHtml(g, g.hops.map((hop) => hopHtml(hop, lanes, jsonFile)).join('')),
  );
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    `<title>fedsim trace: ${e(doc.scenario.name)}</title><style>${STYLE}${lifelineCss(lanes.length)}</style></head>` +
    `<body style="--lanes:${lanes.length}">${headerHtml(doc)}<main>` +
    '<div class="toolbar"><button type="button" data-open="all">Open every exchange</button>' +
    '<button type="button" data-open="none">Close every exchange</button></div>' +
    `${lanesHeader(lanes)}${sections.join('')}</main><script>${SCRIPT}</script></body></html>`
  );
}
