import { escapeHtml as e } from '../../core/html.js';
import type { Actor, TracedExchange } from '../document.js';
import { acsHtml, isRefused } from './acs.js';
import { fieldsTable, htmlTable, jsonBlock, ms, pathOf, statusText, urlHtml } from './format.js';
import { arrowHtml } from './lanes.js';
import { samlHtml } from './saml.js';

const KINDS: Record<TracedExchange['kind'], string> = {
  navigate: 'typed or clicked',
  redirect: 'followed a redirect',
  form: 'submitted a form',
  api: 'API call, party to party',
};

function metaHtml(hop: TracedExchange): string {
  return htmlTable('Exchange', [
    ['URL', `<span class="method">${e(hop.method)}</span> ${urlHtml(hop.url)}`],
    ['from', e(hop.from)],
    ['caused by', hop.initiator && e(hop.initiator)],
    ['to', e(hop.to)],
    ['kind', e(KINDS[hop.kind])],
    ['status', statusText(hop.status)],
    ['request id', hop.requestId && `<code>${e(hop.requestId)}</code>`],
    ['error', hop.error && e(hop.error)],
    ['location', hop.location && urlHtml(hop.location)],
    ['time', hop.durationMs === undefined ? undefined : ms(hop.durationMs)],
    ['cookies set', hop.setCookies.length ? e(hop.setCookies.join(', ')) : undefined],
    [
      'step',
      hop.step === undefined ? undefined : `${hop.step}${hop.stepName ? ` · ${e(hop.stepName)}` : ''}`,
    ],
  ]);
}

function bodyHtml(hop: TracedExchange, jsonFile: string): string {
  return (
    acsHtml(hop) +
    metaHtml(hop) +
    fieldsTable('Request headers', hop.requestHeaders ?? {}) +
    fieldsTable('Response headers', hop.responseHeaders ?? {}) +
    fieldsTable('Form fields', { ...hop.formFields, SAMLResponse: undefined, SAMLRequest: undefined }) +
    jsonBlock('Request body', hop.requestBody) +
    jsonBlock('Response body', hop.responseBody) +
    samlHtml(hop, jsonFile)
  );
}

/**
 * One exchange: its arrow is the summary (click, Enter or Space opens it); the body holds the full
 * URL (wrapped), headers, bodies, the SAML message and, at an ACS, what the SP decided and why.
 * A refused ACS starts open so its failed check rows are the first thing seen.
 */
export function hopHtml(hop: TracedExchange, lanes: readonly Actor[], jsonFile: string): string {
  const refused = isRefused(hop);
  const path = pathOf(hop.url);
  const spoken = `${hop.from} to ${hop.to}: `;
  return (
    `<details class="hop ${hop.channel}${refused ? ' refused' : ''}" id="hop-${hop.n}" data-hop="${hop.n}"${refused ? ' open' : ''}>` +
    `<summary class="row" title="${e(`${hop.method} ${hop.url} → ${statusText(hop.status)}`)}"><span class="n">${hop.n}</span>` +
    `<span class="sr">${e(spoken)}</span>${arrowHtml(hop, lanes, path)}</summary>` +
    `<div class="body">${bodyHtml(hop, jsonFile)}</div></details>`
  );
}
