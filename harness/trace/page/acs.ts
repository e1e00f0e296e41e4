import { escapeHtml as e } from '../../core/html.js';
import type { CheckResult } from '../../saml/checks/types.js';
import type { TracedDecision, TracedExchange, TracedSpProfile } from '../document.js';
import { fieldsTable, valueHtml } from './format.js';

/** An ACS hop the SP refused: drawn red and opened when the page loads. */
export function isRefused(hop: TracedExchange): boolean {
  return hop.decision?.outcome === 'refused' || (hop.checks ?? []).some((c) => !c.ok);
}

const OUTCOMES: Record<TracedDecision['outcome'], string> = {
  matched: 'matched an existing user',
  linked: 'linked the account',
  'jit-created': 'created the user (JIT)',
  'signed-in': 'signed in',
  refused: 'refused',
};

function decisionHtml(d: TracedDecision): string {
  const who = [d.login, d.userId && `(${d.userId})`].filter(Boolean).join(' ');
  const refused = d.outcome === 'refused';
  return (
    `<p class="decision ${refused ? 'refused' : 'accepted'}"><strong>Decision: ${e(OUTCOMES[d.outcome])}</strong>` +
    `${d.code ? ` <code>${e(d.code)}</code>` : ''}${d.message ? ` ${e(d.message)}` : ''}${who ? ` · ${e(who)}` : ''}</p>`
  );
}

function failedTable(rows: CheckResult[]): string {
  const body = rows
    .map(
      (c) =>
        `<tr><td>${e(c.check)}</td><td><code>${e(c.code)}</code></td>` +
        `<td>${valueHtml(c.expected)}</td><td>${valueHtml(c.actual)}</td><td>${e(c.hint)}</td></tr>`,
    )
    .join('');
  return (
    `<table class="checks failed-checks"><caption>Failed checks (${rows.length})</caption>` +
    '<thead><tr><th scope="col">check</th><th scope="col">code</th><th scope="col">expected</th>' +
    `<th scope="col">actual</th><th scope="col">fix</th></tr></thead><tbody>${body}</tbody></table>`
  );
}

function passedTable(rows: CheckResult[], all: boolean): string {
  const body = rows
    .map(
      (c) =>
        `<tr><td>${e(c.check)}</td><td>${valueHtml(c.expected)}</td><td>${valueHtml(c.actual)}</td></tr>`,
    )
    .join('');
  const title = all ? `Check table: all ${rows.length} checks passed` : `Passed checks (${rows.length})`;
  return (
    `<details class="passed-checks"><summary>${title}</summary><table class="checks">` +
    '<thead><tr><th scope="col">check</th><th scope="col">expected</th><th scope="col">actual</th></tr></thead>' +
    `<tbody>${body}</tbody></table></details>`
  );
}

function spHtml(sp: TracedSpProfile): string {
  const { trustedCertsPem: _pem, labels, ...shown } = sp;
  return (
    `<details class="sp"><summary>What ${e(sp.party)} expected when the message arrived</summary>` +
    `${fieldsTable(`${labels.sp} (trusts ${labels.idpApp})`, shown as unknown as Record<string, unknown>)}</details>`
  );
}

/** What the receiving SP made of a message: its decision, the failed rows, then the rest. */
export function acsHtml(hop: TracedExchange): string {
  if (!hop.checks && !hop.decision && !hop.sp) return '';
  const checks = hop.checks ?? [];
  const failed = checks.filter((c) => !c.ok);
  const passed = checks.filter((c) => c.ok);
  return (
    `<section class="acs${isRefused(hop) ? ' refused' : ''}" aria-label="What the SP decided">` +
    `${hop.decision ? decisionHtml(hop.decision) : ''}${failed.length ? failedTable(failed) : ''}` +
    `${passed.length ? passedTable(passed, failed.length === 0) : ''}${hop.sp ? spHtml(hop.sp) : ''}</section>`
  );
}
