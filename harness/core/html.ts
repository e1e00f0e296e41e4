import type { ErrorRequestHandler, Response } from 'express';
import { httpInputError } from './body.js';
import { ERRORS, type FedsimError, toFedsimError } from './errors.js';

export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE =
  'body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d1d21}' +
  'header{padding:12px 24px;color:#fff}main{max-width:720px;margin:32px auto;background:#fff;padding:24px 32px;border-radius:8px;box-shadow:0 1px 3px #0002}' +
  'form label{display:block;margin:12px 0 4px}input[type=text],input[type=password]{width:100%;padding:8px;box-sizing:border-box}' +
  'button{margin-top:16px;padding:8px 20px;border:0;border-radius:4px;background:#1662dd;color:#fff;cursor:pointer}' +
  '.tiles{display:flex;gap:16px;flex-wrap:wrap;padding:0;list-style:none}.tiles a{display:block;width:140px;padding:24px 8px;text-align:center;border:1px solid #ccd;border-radius:8px;text-decoration:none;color:#1d1d21;background:#fafbff}' +
  '.error{border-left:4px solid #d93934;padding-left:16px}.code{font-family:monospace;color:#d93934}.hint{color:#555}dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}dt{font-weight:600}';

export interface PageOptions {
  title: string;
  party: string;
  color: string;
  body: string;
  head?: string;
}

export function page({ title, party, color, body, head = '' }: PageOptions): string {
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<style>${STYLE}</style>${head}</head><body><header style="background:${color}"><strong>${escapeHtml(party)}</strong></header>` +
    `<main>${body}</main></body></html>`
  );
}

/** The meta tag the user agent and scenario runner read to learn why a page refused. */
export const ERROR_META = 'fedsim-error-code';

/**
 * The error as meta tags, so a client (the scenario runner, a test) reads code, message, expected,
 * actual and hint off the page; values that are not strings are JSON.
 */
export function errorMetas(err: FedsimError): string {
  const fields: [string, unknown][] = [
    [ERROR_META, err.code],
    ['fedsim-error-message', err.message],
    ['fedsim-error-expected', err.expected],
    ['fedsim-error-actual', err.actual],
    ['fedsim-error-hint', err.hint],
  ];
  return fields
    .filter(([, v]) => v !== undefined)
    .map(
      ([name, v]) =>
        `<meta name="${name}" content="${escapeHtml(typeof v === 'string' ? v : JSON.stringify(v))}">`,
    )
    .join('');
}

/** Renders a refusal: the stable code, the message, what to change, and the HTTP status. */
/**
 * What a party shows its end user instead of fedsim's detail (Okta's generic error page). The
 * error's meta tags stay on the page, so the harness still reads fedsim's code.
 */
export interface ShownError {
  status: number;
  heading: string;
  text: string;
}

export function sendError(
  res: Response,
  err: FedsimError,
  party: string,
  color: string,
  shown?: ShownError,
  /** HTML below the error, inside its section (an Okta org's link to its System Log entry). */
  more = '',
): void {
  const body = shown
    ? `<section class="error" data-error-code="${escapeHtml(err.code)}"><h1>${escapeHtml(shown.heading)}</h1>` +
      `<p class="message">${escapeHtml(shown.text)}</p>` +
      // Below Okta's words, fedsim's code and the registry's general fix; the detail stays in the metas.
      `<p class="fedsim">fedsim: <code>${escapeHtml(err.code)}</code>. ${escapeHtml(ERRORS[err.code].fix)}</p>${more}</section>`
    : `<section class="error" data-error-code="${escapeHtml(err.code)}"><h1>Sign-in failed</h1>` +
      `<p class="code">${escapeHtml(err.code)}</p><p class="message">${escapeHtml(err.message)}</p>` +
      (err.hint ? `<p class="hint">${escapeHtml(err.hint)}</p>` : '') +
      `${more}</section>`;
  res
    .status(shown?.status ?? err.status)
    .type('html')
    .send(
      page({
        title: `${party}: ${shown?.heading ?? err.code}`,
        party,
        color,
        body,
        head: errorMetas(err),
      }),
    );
}

/**
 * The last handler of a party's pages: a body too large or malformed (raised by the body parsers)
 * or anything unexpected becomes the party's error page with a stable code, never express's
 * default page with a stack trace.
 */
export function pageErrorHandler(party: string, color: string): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    sendError(res, httpInputError(err) ?? toFedsimError(err), party, color);
  };
}
