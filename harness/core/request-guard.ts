import { isIP } from 'node:net';
import type { Request, RequestHandler } from 'express';
import { FedsimError } from './errors.js';

/** A Host header's name and port, or undefined when it is not a bare `host[:port]`. */
function splitHost(value: string | undefined): { hostname: string; port: string } | undefined {
  if (!value || !URL.canParse(`http://${value}`)) return undefined;
  const url = new URL(`http://${value}`);
  return url.host === value.toLowerCase() ? { hostname: url.hostname, port: url.port } : undefined;
}

/**
 * DNS rebinding: a page of `evil.example` whose name now resolves to 127.0.0.1 reaches the party
 * with `Host: evil.example`. A party answers only Host headers naming its own host, `localhost`
 * or an IP literal (no DNS involved), with its own port; anything else is 421 HTTP_HOST_REFUSED.
 * `origin()` is the party's URL, empty until it listens (then any port is taken).
 */
export function hostGuard(origin: () => string): RequestHandler {
  return (req, _res, next) => {
    const host = splitHost(req.headers.host);
    const own = origin() ? new URL(origin()) : undefined;
    const name = host?.hostname.replace(/^\[(.*)\]$/, '$1') ?? '';
    const known = host !== undefined && (isIP(name) !== 0 || name === 'localhost' || name === own?.hostname);
    if (known && (own === undefined || host?.port === own.port)) return next();
    next(
      new FedsimError(
        'HTTP_HOST_REFUSED',
        `This party does not answer to Host: ${req.headers.host ?? '(none)'}`,
        {
          expected: own?.host ?? 'an IP address or localhost',
          actual: req.headers.host,
        },
      ),
    );
  };
}

/** The origin a browser says it posted from: `Origin`, else the `Referer`'s; undefined for neither. */
function postedFrom(req: Request): string | undefined {
  const origin = req.get('origin');
  if (origin !== undefined) return origin;
  const referer = req.get('referer');
  return referer && URL.canParse(referer) ? new URL(referer).origin : referer;
}

/**
 * CSRF for the browser forms that change state (sign-in, enrollment, joining a team): a browser
 * sends `Origin` with every POST (Fetch standard, "append a request Origin header"), `null` when
 * our `Referrer-Policy: same-origin` hides a cross-origin one. It must be this party's own origin;
 * a request with neither Origin nor Referer comes from a script, not a browser, and carries no
 * ambient cookie a forger could ride. Every loopback port is one *site*, so SameSite cannot tell.
 * SAML ACS posts are cross-origin by design and do not use this.
 */
export const sameOrigin: RequestHandler = (req, _res, next) => {
  const from = postedFrom(req);
  const own = `${req.protocol}://${req.headers.host}`;
  if (from === undefined || from === own) return next();
  next(
    new FedsimError('HTTP_ORIGIN_REFUSED', `A form for ${own} was posted from ${from}`, {
      expected: own,
      actual: from,
    }),
  );
};
