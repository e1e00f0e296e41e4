import type { RequestHandler } from 'express';
import { ERRORS, isErrorCode } from '../../core/errors.js';
import { escapeHtml as e } from '../../core/html.js';
import type { TracedExchange } from '../../trace/document.js';
import { LIVE_JSON_FILE } from '../../trace/live/page.js';
import { acsHtml } from '../../trace/page/acs.js';
import { samlHtml } from '../../trace/page/saml.js';
import { SCRIPT } from '../../trace/page/script.js';
import type { LogEvent, SystemLog } from './log-store.js';
import { REPORT_RESULTS, type ReportQuery, reportQuery, selectEvents } from './report-filter.js';

/** Where a served world's live trace is (every party serves it). */
export const TRACE_PAGE = '/_fedsim/trace';

/** A refused sign-in: inbound SAML at org2, or an app's SSO (org1's Org2Org, org2's Dropbox). */
const SIGN_IN_EVENTS = new Set(['user.authentication.auth_via_IDP', 'user.authentication.sso']);
const isFailedSignIn = (ev: LogEvent) => SIGN_IN_EVENTS.has(ev.eventType) && ev.outcome.result === 'FAILURE';

/** Styles of the fragment's own parts, scoped to it; the console's stylesheet does the rest. */
const STYLE =
  '.syslog table{border-collapse:collapse;width:100%;font-size:13px}.syslog th,.syslog td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid #dde}' +
  '.syslog .FAILURE{color:#b3261e;font-weight:600}.syslog .SUCCESS{color:#0b6e3f}.syslog code,.syslog pre{font-family:ui-monospace,monospace}' +
  '.syslog pre{white-space:pre-wrap;overflow-wrap:anywhere;max-height:420px;overflow:auto;background:#f7f8fb;padding:8px}' +
  '.syslog .filters{display:flex;gap:12px;flex-wrap:wrap;align-items:end;margin:8px 0 16px}.syslog .filters label{display:grid;gap:2px;font-size:13px}' +
  '.syslog .failed-checks td{background:#fdecea}.syslog .why{padding:4px 0 12px 12px;border-left:3px solid #b3261e}.syslog .problem{color:#b3261e}';

function option(value: string, label: string, chosen: string): string {
  return `<option value="${e(value)}"${value === chosen ? ' selected' : ''}>${e(label)}</option>`;
}

function filtersHtml(q: ReportQuery): string {
  const input = (name: keyof ReportQuery, label: string, type = 'text', hint = '') =>
    `<label>${label}<input type="${type}" name="${name}" value="${e(q[name])}"${hint && ` placeholder="${hint}"`}></label>`;
  const results = [option('', 'Any outcome', q.result), ...REPORT_RESULTS.map((r) => option(r, r, q.result))];
  return (
    '<form class="filters" method="get" role="search" aria-label="Filter the System Log">' +
    input('q', 'Actor, target or event type', 'search') +
    `<label>Outcome<select name="result">${results.join('')}</select></label>` +
    input('since', 'Since (UTC)', 'text', '2026-01-31T09:00') +
    input('until', 'Until (UTC)', 'text', '2026-01-31T18:00') +
    (q.transaction ? input('transaction', 'Transaction') : '') +
    '<button type="submit">Search</button> <a href="?">Clear</a></form>'
  );
}

const who = (p: { displayName: string; alternateId: string }) =>
  `${e(p.displayName)}<br><small>${e(p.alternateId)}</small>`;

/** fedsim's code and message (when no traced decision says them) and the registry's fix. */
function codeHtml(ev: LogEvent, traced: boolean): string {
  const code = ev.debugContext.debugData.fedsimCode ?? '';
  const message = ev.debugContext.debugData.fedsimMessage;
  const fix = isErrorCode(code) ? ERRORS[code].fix : undefined;
  return (
    (traced ? '' : `<p>fedsim: <code>${e(code)}</code>${message ? ` ${e(message)}` : ''}</p>`) +
    (fix ? `<p>Fix: ${e(fix)}</p>` : '')
  );
}

/** Why a sign-in failed: the check table and SAML message of its exchange, and a link to it. */
function whyHtml(ev: LogEvent, hop: TracedExchange | undefined, open: boolean): string {
  const traced = hop
    ? `<p><a href="${TRACE_PAGE}#hop-${hop.n}">Open in trace (exchange ${hop.n})</a></p>${acsHtml(hop)}${samlHtml(hop, LIVE_JSON_FILE)}`
    : '<p>No trace of this request is kept: the live trace keeps the latest exchanges of a served world.</p>';
  return (
    `<tr class="detail"><td colspan="5"><details${open ? ' open' : ''}><summary>Why it failed</summary>` +
    `<div class="why">${codeHtml(ev, hop?.decision !== undefined)}${traced}</div></details></td></tr>`
  );
}

function rowHtml(ev: LogEvent, hop: TracedExchange | undefined, open: boolean): string {
  const { result, reason } = ev.outcome;
  const row =
    `<tr id="event-${e(ev.uuid)}" data-transaction="${e(ev.transaction.id)}"><td><time datetime="${e(ev.published)}">${e(ev.published.replace('T', ' ').replace(/\.\d+Z$/, 'Z'))}</time></td>` +
    `<td>${e(ev.displayMessage)}<br><small><code>${e(ev.eventType)}</code></small></td>` +
    `<td>${who(ev.actor)}</td><td>${ev.target.map(who).join('<br>')}</td>` +
    `<td><span class="${e(result)}">${e(result)}</span>${reason ? `<br>${e(reason)}` : ''}</td></tr>`;
  return isFailedSignIn(ev) ? row + whyHtml(ev, hop, open) : row;
}

/**
 * The body of "Reports → System Log": a filter form and the org's events newest first, one row
 * each; a failed sign-in opens to its check table, SAML message and exchange in the live trace
 * (found by the event's transaction id, the request's id). Pure: the caller wraps it in its layout.
 */
export function systemLogReportHtml(
  events: readonly LogEvent[],
  rawQuery: Record<string, unknown>,
  exchangeOf?: (transactionId: string) => TracedExchange | undefined,
): string {
  const query = reportQuery(rawQuery);
  const { events: shown, problems } = selectEvents(events, query);
  const rows = shown.map((ev) => rowHtml(ev, exchangeOf?.(ev.transaction.id), query.transaction !== ''));
  const count = `${shown.length} of ${events.length} event${events.length === 1 ? '' : 's'}, newest first`;
  return (
    `<section class="syslog" aria-labelledby="syslog-title"><style>${STYLE}</style><h1 id="syslog-title">System Log</h1>` +
    filtersHtml(query) +
    problems.map((p) => `<p class="problem" role="alert">${e(p)}</p>`).join('') +
    `<p>${count}</p>` +
    (rows.length
      ? '<table><thead><tr><th scope="col">Time (UTC)</th><th scope="col">Event</th><th scope="col">Actor</th>' +
        `<th scope="col">Target</th><th scope="col">Outcome</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : '<p>No events match.</p>') +
    // The trace page's script: the SAML message's copy button and open-all work here too.
    `<script>${SCRIPT}</script></section>`
  );
}

export interface SystemLogReportOptions {
  log: SystemLog;
  /** The console's layout: the page around the fragment. */
  render: (body: string, title: string) => string;
}

/** `GET` handler of "Reports → System Log"; mount it behind the console's admin check. */
export function systemLogReport({ log, render }: SystemLogReportOptions): RequestHandler {
  return (req, res) => {
    const body = systemLogReportHtml(log.events, req.query as Record<string, unknown>, log.exchangeOf);
    res.type('html').send(render(body, 'System Log'));
  };
}
