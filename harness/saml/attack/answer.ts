import { ERROR_META } from '../../core/html.js';

/** What the SP answered one POST: status, redirect and body (status 0 when no answer came). */
export interface Answer {
  status: number;
  location?: string;
  body: string;
  /** Why no answer came (connection reset, refused …). */
  error?: string;
}

/**
 * What an acceptance looks like; every signal given must match. `location` matches a Location
 * that starts with it or whose path is it; `title` the page's <title>; `body` any part of the body.
 */
export interface Signals {
  status?: number;
  location?: string;
  title?: string;
  body?: string;
}

const TITLE = /<title[^>]*>([^<]*)<\/title>/i;
const CODE = new RegExp(`<meta name="${ERROR_META}" content="([^"]*)"`);

const titleOf = (body: string) => TITLE.exec(body)?.[1]?.trim() || undefined;

function pathOf(location: string): string {
  return URL.canParse(location, 'http://x') ? new URL(location, 'http://x').pathname : location;
}

/** The control's own signals: its status and redirect path, or the page title when it does not redirect. */
export function sameAs(control: Answer): Signals {
  if (control.location) return { status: control.status, location: pathOf(control.location) };
  return { status: control.status, title: titleOf(control.body) };
}

export function signalsMatch(answer: Answer, s: Signals): boolean {
  const loc = answer.location ?? '';
  return (
    (s.status === undefined || answer.status === s.status) &&
    (s.location === undefined ||
      (loc !== '' && (loc.startsWith(s.location) || pathOf(loc) === s.location))) &&
    (s.title === undefined || titleOf(answer.body) === s.title) &&
    (s.body === undefined || answer.body.includes(s.body))
  );
}

/** One line: `302 → /home`, `400 SAML_SIGNATURE_INVALID`, `200 "Join team"`, `no answer (ECONNRESET)`. */
export function describeAnswer(a: Answer): string {
  if (a.status === 0) return `no answer (${a.error ?? 'connection closed'})`;
  const code = CODE.exec(a.body)?.[1];
  const title = titleOf(a.body);
  const detail = a.location ? `→ ${pathOf(a.location)}` : (code ?? (title ? `"${title}"` : ''));
  return `${a.status}${detail ? ` ${detail}` : ''}`;
}
