import type { ErrorRequestHandler, Request, Response } from 'express';
import { httpInputError } from '../../core/body.js';
import { type FedsimError, toFedsimError } from '../../core/errors.js';
import { errorMetas, escapeHtml } from '../../core/html.js';
import { type FormState, formErrorSummary, formState, formStateOf, withFormState } from './form-state.js';
import type { ConsoleContent } from './layout.js';

/** The console's refusal: its code, what was expected, what to change, inside the console's frame. */
function errorPage(
  render: (req: Request, content: ConsoleContent) => string,
  err: FedsimError,
  req: Request,
  res: Response,
): void {
  const body =
    `<section class="error" role="alert" data-error-code="${escapeHtml(err.code)}"><p class="code">${escapeHtml(err.code)}</p>` +
    `<p>${escapeHtml(err.message)}</p>${err.hint ? `<p class="muted">${escapeHtml(err.hint)}</p>` : ''}</section>`;
  const content = { title: 'Something went wrong', body, head: errorMetas(err) };
  // A visitor without an admin session sees no console chrome: nothing about the org leaks.
  const html = err.code === 'AUTH_ADMIN_REQUIRED' ? undefined : render(req, content);
  res
    .status(err.status)
    .type('html')
    .send(html ?? `<!DOCTYPE html><title>${err.code}</title>${errorMetas(err)}${body}`);
}

/**
 * The console page a refused form was posted from (its Referer, on this origin, under `/admin`),
 * without the notice of an earlier action; undefined when there is none to show again.
 */
function formPage(req: Request): string | undefined {
  const referer = req.get('referer');
  const own = `${req.protocol}://${req.headers.host}`;
  if (req.method !== 'POST' || !referer || !URL.canParse(referer)) return undefined;
  const url = new URL(referer);
  if (url.origin !== own || !url.pathname.startsWith('/admin/')) return undefined;
  for (const notice of ['done', 'notice']) url.searchParams.delete(notice);
  return url.pathname + url.search;
}

/**
 * A refused console form is shown again, on the page it was posted from, with what was typed and
 * the refusal next to its field (as Okta's console does), at the refusal's status; a refusal of
 * anything else, or one whose page cannot be shown, is the console's error page.
 */
export function consoleErrors(
  render: (req: Request, content: ConsoleContent) => string,
  dispatch: (req: Request, res: Response, done: (err?: unknown) => void) => void,
): ErrorRequestHandler {
  return (raw: unknown, req, res, _next) => {
    const err = httpInputError(raw) ?? toFedsimError(raw);
    const page = err.code === 'AUTH_ADMIN_REQUIRED' || formState() ? undefined : formPage(req);
    if (!page) return errorPage(render, err, req, res);
    const state = formStateOf(req, err);
    Object.assign(req, { method: 'GET', url: page, originalUrl: page, baseUrl: '' });
    withFormState(state, () =>
      dispatch(req, res, (again) => errorPage(render, again ? toFedsimError(again) : err, req, res)),
    );
  };
}

/** A page shown again for a refused form: the refusal's status, its code in the head, its summary on top. */
export function asRefused(content: ConsoleContent, state: FormState): ConsoleContent {
  return {
    ...content,
    status: state.error.status,
    head: errorMetas(state.error) + (content.head ?? ''),
    body: formErrorSummary(state) + content.body,
    notice: undefined,
  };
}
