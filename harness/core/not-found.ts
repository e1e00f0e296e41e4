import type { RequestHandler } from 'express';
import { ERRORS, FedsimError } from './errors.js';
import { errorMetas, escapeHtml, page } from './html.js';

/**
 * The party's own 404 page, after every route: Okta's words ("Page not found"; inferred from its
 * end-user 404 page), then fedsim's code and fix, and the error as meta tags for clients.
 */
export function notFoundPage(party: string, color: string): RequestHandler {
  return (req, res) => {
    const err = new FedsimError('HTTP_NOT_FOUND', `No page at ${req.method} ${req.path}`, {
      hint: ERRORS.HTTP_NOT_FOUND.fix,
    });
    const body =
      `<section class="error" data-error-code="${err.code}"><h1>Page not found</h1>` +
      `<p class="message">The page you are looking for can't be found.</p>` +
      `<p class="code">${escapeHtml(err.code)}: ${escapeHtml(err.message)}</p>` +
      `<p class="hint">${escapeHtml(err.hint)}</p><p><a href="/">Home</a></p></section>`;
    res
      .status(err.status)
      .type('html')
      .send(page({ title: `${party}: Page not found`, party, color, body, head: errorMetas(err) }));
  };
}
