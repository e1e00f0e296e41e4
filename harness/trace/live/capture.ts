import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import type { Hop } from '../../agent/index.js';
import { REQUEST_ID_HEADER } from '../../core/request-context.js';
import type { RecordedCall } from '../record.js';
import { cookieNames } from '../redact.js';
import type { Cause } from './causes.js';
import type { LiveTrace } from './recorder.js';

/** The name a served world's browser lane carries: fedsim cannot tell one person's browser from another's. */
export const LIVE_BROWSER = 'user';

/** Sub-resources a browser fetches by itself (icons, styles): not steps of a journey. */
const SUBRESOURCES = new Set(['image', 'style', 'script', 'font', 'manifest']);

function skipped(req: Request): boolean {
  const dest = req.get('sec-fetch-dest');
  return (
    req.path.startsWith('/_fedsim/') ||
    req.path === '/favicon.ico' ||
    (dest !== undefined && SUBRESOURCES.has(dest))
  );
}

function flat(headers: IncomingHttpHeaders | OutgoingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

const setCookiesOf = (res: Response): string[] => {
  const value = res.getHeader('set-cookie');
  return value === undefined ? [] : [value].flat().map(String);
};

/** The browser's hop and call as the party saw them, once it has answered. */
function recorded(req: Request, res: Response, url: string, cause: Cause, ms: number) {
  const setCookie = setCookiesOf(res);
  const location = res.getHeader('location');
  const form = cause.kind === 'form' && req.body && typeof req.body === 'object' ? req.body : undefined;
  const hop: Hop = {
    from: cause.from,
    to: '',
    method: req.method as Hop['method'],
    url,
    status: res.statusCode,
    kind: cause.kind,
    ...(typeof location === 'string' ? { location: new URL(location, url).href } : {}),
    ...(form ? { formFields: Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)])) } : {}),
    setCookies: cookieNames(setCookie),
    durationMs: ms,
  };
  const call: RecordedCall = {
    method: req.method,
    url,
    status: res.statusCode,
    requestHeaders: flat(req.headers),
    responseHeaders: flat(res.getHeaders()),
    setCookie,
    durationMs: ms,
  };
  return { hop, call };
}

/**
 * Records every request a browser (or curl) makes to `party` into the live trace, except the trace
 * page's own and calls another party makes (recorded on the caller's side, with their bodies).
 */
export function captureBrowser(trace: LiveTrace, party: string, origin: () => string): RequestHandler {
  const { causes } = trace;
  return (req, res, next) => {
    const url = `${origin()}${req.originalUrl}`;
    if (skipped(req) || trace.isPartyCall(req.method, url)) return next();
    const n = trace.take();
    const started = performance.now();
    const cause = causes.of(req, url);
    res.once('close', () => {
      causes.answered(party, url, res);
      const { hop, call } = recorded(req, res, url, cause, performance.now() - started);
      const requestId = res.getHeader(REQUEST_ID_HEADER);
      trace.add(n, {
        channel: 'browser',
        browser: LIVE_BROWSER,
        hop: { ...hop, to: party },
        call,
        ...(typeof requestId === 'string' ? { requestId } : {}),
      });
    });
    next();
  };
}
