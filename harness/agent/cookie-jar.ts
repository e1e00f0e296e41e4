/**
 * A browser cookie jar reduced to what an SSO journey needs. Like a real browser, cookies are
 * keyed by host, not by port (RFC 6265 §8.5): every party on 127.0.0.1 sees every cookie, so a
 * cookie-name clash between parties shows up here as it would in Chromium. Domain, Secure,
 * HttpOnly and SameSite are ignored. Lifetimes are not tracked (journeys are
 * short): Max-Age/Expires matter only when they delete a cookie.
 */
interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

interface ParsedSetCookie extends StoredCookie {
  expired: boolean;
}

/**
 * Without a Date header there is no trustworthy "now" (the harness never reads the wall clock),
 * so only the conventional deletion date, anywhere in 1970, counts as past.
 */
const NO_CLOCK_PAST_BEFORE = Date.UTC(1971, 0, 1);

/** RFC 6265 §5.1.4 default-path: the request path up to, not including, its last '/'. */
function defaultPath(pathname: string): string {
  const last = pathname.lastIndexOf('/');
  return last <= 0 ? '/' : pathname.slice(0, last);
}

/** RFC 6265 §5.1.4 path-match: a prefix that ends on a '/' boundary. */
function pathMatches(cookiePath: string, requestPath: string): boolean {
  if (cookiePath === requestPath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

function parseSetCookie(
  header: string,
  requestPath: string,
  serverNow: number | undefined,
): ParsedSetCookie | null {
  const [pair = '', ...attributes] = header.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return null;
  const cookie: ParsedSetCookie = {
    name: pair.slice(0, eq).trim(),
    value: pair.slice(eq + 1).trim(),
    path: defaultPath(requestPath),
    expired: false,
  };
  let maxAge: number | undefined;
  let expires: number | undefined;
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const value = at < 0 ? '' : attribute.slice(at + 1).trim();
    if (key === 'path' && value.startsWith('/')) cookie.path = value;
    else if (key === 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value);
    else if (key === 'expires' && !Number.isNaN(Date.parse(value))) expires = Date.parse(value);
  }
  // Max-Age wins over Expires (RFC 6265 §5.3 step 3).
  if (maxAge !== undefined) cookie.expired = maxAge <= 0;
  else if (expires !== undefined) cookie.expired = expires <= (serverNow ?? NO_CLOCK_PAST_BEFORE);
  return cookie;
}

export class CookieJar {
  readonly #byHost = new Map<string, StoredCookie[]>();

  /** Applies a response's Set-Cookie headers; returns the cookie names they set or deleted. */
  store(url: string, setCookieHeaders: string[], dateHeader: string | null): string[] {
    const target = new URL(url);
    const parsedDate = dateHeader === null ? Number.NaN : Date.parse(dateHeader);
    const serverNow = Number.isNaN(parsedDate) ? undefined : parsedDate;
    const names: string[] = [];
    for (const header of setCookieHeaders) {
      const cookie = parseSetCookie(header, target.pathname, serverNow);
      if (cookie === null) continue;
      names.push(cookie.name);
      const kept = (this.#byHost.get(target.hostname) ?? []).filter(
        (c) => c.name !== cookie.name || c.path !== cookie.path,
      );
      if (!cookie.expired) kept.push({ name: cookie.name, value: cookie.value, path: cookie.path });
      this.#byHost.set(target.hostname, kept);
    }
    return names;
  }

  /** The Cookie request header for `url`, longest paths first as RFC 6265 §5.4 orders them. */
  header(url: string): string | undefined {
    const target = new URL(url);
    const matching = (this.#byHost.get(target.hostname) ?? [])
      .filter((c) => pathMatches(c.path, target.pathname))
      .sort((a, b) => b.path.length - a.path.length);
    return matching.length === 0 ? undefined : matching.map((c) => `${c.name}=${c.value}`).join('; ');
  }

  /** Every cookie held for the host of `originOrUrl`, whatever its port and path. */
  cookies(originOrUrl: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const c of this.#byHost.get(new URL(originOrUrl).hostname) ?? []) out[c.name] = c.value;
    return out;
  }

  clear(): void {
    this.#byHost.clear();
  }
}
