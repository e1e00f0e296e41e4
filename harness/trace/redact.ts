import { REDACTED } from './document.js';

/** Field names whose values are secrets wherever they appear: forms, JSON bodies. */
const SECRET_NAME = /pass(word|wd)|secret|token|authorization|api[-_]?key/i;

/** `SSWS abc` → `SSWS [redacted]`: the scheme tells a reader which credential was sent. */
export function redactAuthorization(value: string): string {
  const scheme = /^(\S+)\s+\S/.exec(value)?.[1];
  return scheme ? `${scheme} ${REDACTED}` : REDACTED;
}

/** `a=1; b=2` → `a=[redacted]; b=[redacted]`: which cookies were sent, never their values. */
export function redactCookieHeader(value: string): string {
  return value
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => `${part.split('=')[0]}=${REDACTED}`)
    .join('; ');
}

/** `sid=abc; Path=/; HttpOnly` → `sid=[redacted]; Path=/; HttpOnly`. */
export function redactSetCookie(value: string): string {
  const [first = '', ...attributes] = value.split(';');
  return [`${first.split('=')[0]}=${REDACTED}`, ...attributes.map((a) => a.trim())].join('; ');
}

/** Cookie names a response set (or deleted): the part before `=` of each Set-Cookie. */
export function cookieNames(setCookie: readonly string[]): string[] {
  return setCookie.map((c) => (c.split('=')[0] ?? '').trim());
}

/** The values a response's cookies carried: session ids, scrubbed wherever else they turn up. */
export function cookieValues(setCookie: readonly string[]): string[] {
  return setCookie.map((c) => (c.split(';')[0] ?? '').split('=').slice(1).join('=')).filter(Boolean);
}

export function redactFields(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, SECRET_NAME.test(k) ? REDACTED : v]));
}

/** Every primitive under a secret-named key becomes `[redacted]`; the structure stays. */
export function redactJson(value: unknown, secret = false): unknown {
  if (Array.isArray(value)) return value.map((v) => redactJson(v, secret));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, redactJson(v, secret || SECRET_NAME.test(k))]),
    );
  }
  return secret && value !== null && value !== undefined ? REDACTED : value;
}

/** The values `redactJson` hides, so they can be scrubbed where else they appear (an activation URL). */
export function secretValues(value: unknown, secret = false): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => secretValues(v, secret));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => secretValues(v, secret || SECRET_NAME.test(k)));
  }
  return secret && typeof value === 'string' ? [value] : [];
}

/**
 * Maps every string in a JSON value (keys kept) into a plain copy: dates become ISO strings;
 * `skip` names keys whose strings stay as they are.
 */
export function mapStrings(value: unknown, f: (s: string) => string, skip?: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return f(value);
  if (value instanceof Date) return f(value.toISOString());
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f, skip));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, skip?.has(k) ? v : mapStrings(v, f, skip)]),
    );
  }
  return value;
}

const UNSCRUBBED: ReadonlySet<string> = new Set(['saml', 'sp']);

/** A literal string as a RegExp source. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The last line of defence: any known secret value (tokens, passwords, session ids) left in any
 * string becomes `[redacted]`. Values shorter than 6 characters are ignored (they would match
 * ordinary text).
 */
export function scrubSecrets<T>(value: T, secrets: Iterable<string>): T {
  const known = [...new Set(secrets)].filter((s) => s.length >= 6).sort((a, b) => b.length - a.length);
  const pattern = new RegExp(known.map(escapeRegExp).join('|'), 'g');
  const scrub = known.length ? (s: string) => s.replace(pattern, REDACTED) : (s: string) => s;
  // SAML messages (signed: kept exact) and SP profiles hold no world secret and are most of a
  // trace's text; the test that greps every bundled scenario's trace checks them too.
  return mapStrings(value, scrub, UNSCRUBBED) as T;
}
