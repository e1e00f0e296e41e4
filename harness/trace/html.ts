import { escapeHtml as e } from '../core/html.js';
import { samlSummary, type TracedHop } from './decode.js';

/** What the page shows of a run: a scenario's result has this shape. */
export interface TracedRun {
  name: string;
  file: string;
  steps: readonly { name: string; status: string; error?: { code: string; message: string } }[];
  trace?: readonly TracedHop[];
}

/**
 * A self-contained page (no external assets, no script) showing a scenario's hops as a sequence
 * between the parties, each SAML message expandable: SAML-tracer for offline runs.
 */
const PARTIES = ['browser', 'org1', 'org2', 'dropbox'] as const;

const STYLE =
  'body{font:14px system-ui,sans-serif;margin:24px;color:#1d1d21}h1{font-size:20px}' +
  '.lanes,.row{display:grid;grid-template-columns:3em repeat(4,1fr);align-items:center}' +
  '.lanes div{font-weight:600;text-align:center;border-bottom:2px solid #889;padding:6px}' +
  '.hop{border-bottom:1px solid #eef}.row{min-height:30px;cursor:pointer;list-style:none}.row::-webkit-details-marker{display:none}.body{margin:0 0 10px 3em}.n{color:#889;text-align:right;padding-right:8px}' +
  '.arrow{position:relative;height:24px;display:flex;align-items:center;justify-content:center;font-size:12px;white-space:nowrap;overflow:hidden}' +
  '.arrow.right{border-bottom:2px solid #1662dd}.arrow.left{border-bottom:2px solid #0a8754}.arrow.self{border-bottom:2px dotted #889}' +
  '.status-ok{color:#0a8754}.status-redirect{color:#886600}.status-error{color:#d93934;font-weight:600}' +
  '.saml{margin:6px 0;background:#f7f8fb;border:1px solid #dde;border-radius:6px;padding:6px 10px}' +
  'summary{cursor:pointer;font-weight:600}pre{white-space:pre-wrap;word-break:break-all;font-size:12px;background:#fff;padding:8px;border:1px solid #eee}' +
  'table{border-collapse:collapse;font-size:13px}td{padding:2px 10px 2px 0;vertical-align:top}td:first-child{color:#556;white-space:nowrap}' +
  '.failed{color:#d93934}.passed{color:#0a8754}';

function statusClass(status: number): string {
  if (status >= 400) return 'status-error';
  return status >= 300 ? 'status-redirect' : 'status-ok';
}

function column(party: string): number {
  const i = PARTIES.indexOf(party as (typeof PARTIES)[number]);
  return i < 0 ? 1 : i + 2;
}

function rows(values: Record<string, unknown>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `<tr><td>${e(k)}</td><td>${e(typeof v === 'string' ? v : JSON.stringify(v))}</td></tr>`)
    .join('');
}

function hopHtml(hop: TracedHop, index: number): string {
  const [a, b] = [column(hop.from), column(hop.to)].sort((x, y) => x - y) as [number, number];
  const direction = hop.from === hop.to ? 'self' : column(hop.from) < column(hop.to) ? 'right' : 'left';
  const label = `${hop.method} ${new URL(hop.url).pathname} → <span class="${statusClass(hop.status)}">${hop.status}</span>${hop.saml ? ` · <strong>${hop.saml.kind}</strong>` : ''}`;
  const span = direction === 'self' ? `grid-column:${a}` : `grid-column:${a} / ${b + 1}`;
  const meta = rows({
    from: hop.from,
    to: hop.to,
    kind: hop.kind,
    url: hop.url,
    location: hop.location,
    'cookies set': hop.setCookies.join(', '),
    time: `${hop.durationMs} ms`,
  });
  const saml = hop.saml
    ? `<details class="saml" open><summary>${e(hop.saml.kind)} ${e(String((hop.saml.decoded as { id?: string }).id ?? ''))}</summary>` +
      `<table>${rows(samlSummary(hop.saml))}</table><details><summary>XML</summary><pre>${e(hop.saml.xml)}</pre></details>` +
      `<details><summary>base64</summary><pre>${e(hop.saml.base64)}</pre></details></details>`
    : '';
  // The arrow row is the summary: click a hop to see its details and its SAML message.
  return (
    `<details class="hop" data-hop="${index + 1}"><summary class="row"><div class="n">${index + 1}</div>` +
    `<div class="arrow ${direction}" style="${span}" title="${e(hop.url)}">${label}</div></summary>` +
    `<div class="body"><table>${meta}</table>${saml}</div></details>`
  );
}

export function traceHtml(result: TracedRun): string {
  const hops = result.trace ?? [];
  const failed = result.steps.find((s) => s.status === 'failed');
  const verdict = failed?.error
    ? `<p class="failed">✗ ${e(failed.name)}: ${e(failed.error.code)}: ${e(failed.error.message)}</p>`
    : `<p class="passed">✓ all ${result.steps.length} steps passed</p>`;
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>fedsim trace: ${e(result.name)}</title><style>${STYLE}</style></head><body>` +
    `<h1>${e(result.name)}</h1><p>${e(result.file)} · ${hops.length} hops · ${hops.filter((h) => h.saml).length} SAML messages</p>${verdict}` +
    `<div class="lanes"><div></div>${PARTIES.map((p) => `<div>${p}</div>`).join('')}</div>${hops.map(hopHtml).join('')}</body></html>`
  );
}
