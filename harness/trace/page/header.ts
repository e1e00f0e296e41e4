import { escapeHtml as e } from '../../core/html.js';
import type { TraceDocument, TracedStep } from '../document.js';
import { isRefused } from './acs.js';
import { counted, htmlTable, urlHtml, valueHtml } from './format.js';

/** Where to look first: the refused ACS hop if there is one, else the failed step. */
function firstFailure(doc: TraceDocument): string {
  const hop = doc.hops.find(isRefused);
  const step = doc.steps.find((s) => s.status === 'failed');
  if (!step && !hop) return '';
  const target = hop ? `#hop-${hop.n}` : `#step-${step?.index}`;
  const what = hop ? `hop ${hop.n}, refused at ${e(hop.to)}` : `step ${step?.index}`;
  return ` · <a href="${target}">go to the failure (${what})</a>`;
}

function verdictHtml(doc: TraceDocument): string {
  const failed = doc.steps.find((s) => s.status === 'failed');
  const text = failed
    ? `Failed at step ${failed.index}${failed.error ? `: <code>${e(failed.error.code)}</code>` : ''}`
    : `Passed: all ${doc.steps.length} steps`;
  return `<p class="verdict ${doc.scenario.status}">${text}${firstFailure(doc)}</p>`;
}

export function partiesHtml(doc: TraceDocument): string {
  const rows = Object.entries(doc.parties).map(([name, origin]): [string, string] => [
    doc.normalized ? `{${name}}` : name,
    urlHtml(origin),
  ]);
  const note = doc.normalized
    ? '<p class="note">Normalised trace: each origin is written as its <span class="ph">{party}</span> placeholder and timings are left out, so two runs compare equal.</p>'
    : '';
  return `<div>${htmlTable('Parties of this run', rows)}${note}</div>`;
}

export function legendHtml(): string {
  return (
    '<ul class="legend" aria-label="Legend">' +
    '<li><span class="swatch browser" aria-hidden="true"></span>browser request (solid)</li>' +
    '<li><span class="swatch api" aria-hidden="true"></span><span class="badge api">Okta API</span><span class="badge api">SCIM</span>call from one party to another (dashed)</li>' +
    '<li><span class="badge saml">SAML</span>carries a SAML message: open it for the decoded fields</li>' +
    '<li><span class="st bad">403</span>error status; a refused ACS is drawn red and opens with its failed checks</li></ul>'
  );
}

function stepsNav(doc: TraceDocument): string {
  const items = doc.steps.map(
    (s) =>
      `<li class="${s.status}"><a href="#step-${s.index}">${s.index}. ${e(s.name)}</a>${s.status === 'passed' ? '' : ` <span class="badge ${s.status}">${s.status}</span>`}</li>`,
  );
  // A long list would push the diagram off the first screen: past a dozen steps it starts closed.
  const open = doc.steps.length <= 12 ? ' open' : '';
  return `<nav aria-label="Steps"><details class="steps"${open}><summary><h2>Steps (${doc.steps.length})</h2></summary><ol>${items.join('')}</ol></details></nav>`;
}

/** Title, verdict, counts, parties, legend and the list of steps. */
export function headerHtml(doc: TraceDocument): string {
  const api = doc.hops.filter((h) => h.channel === 'api').length;
  const saml = doc.hops.filter((h) => h.saml).length;
  return (
    `<header><h1>${e(doc.scenario.name)}</h1>${verdictHtml(doc)}` +
    `<p>${valueHtml(doc.scenario.file)} · ${counted(doc.hops.length, 'exchange')} (${doc.hops.length - api} browser, ${api} API) · ${counted(saml, 'SAML message')}</p>` +
    `<div class="overview">${partiesHtml(doc)}${legendHtml()}</div>${stepsNav(doc)}</header>`
  );
}

/** A step's marker row: its name and status, and for a failed step the error with expected/actual/fix. */
export function stepHeading(step: TracedStep, hopCount: number): string {
  const error = step.error
    ? htmlTable(`${step.error.code}: ${step.error.message}`, [
        ['expected', step.error.expected === undefined ? undefined : valueHtml(step.error.expected)],
        ['actual', step.error.actual === undefined ? undefined : valueHtml(step.error.actual)],
        ['fix', step.error.hint && e(step.error.hint)],
      ])
    : '';
  return (
    `<h2 class="step-title" id="step-${step.index}-title"><span class="badge ${step.status}">${step.status}</span> ` +
    `Step ${step.index} · ${e(step.name)} <span class="count">${hopCount ? counted(hopCount, 'exchange') : 'no HTTP exchanges'}</span></h2>` +
    (error ? `<div class="step-error">${error}</div>` : '')
  );
}
