import type { Request, Response } from 'express';
import type { Hop } from '../../agent/index.js';

/** Who caused a browser request (a party, or `browser` for a typed URL) and how. */
export interface Cause {
  from: string;
  kind: Hop['kind'];
}

/** Redirect targets remembered until the browser follows them. */
const REDIRECTS_MAX = 64;

/**
 * What caused a browser request, as far as the party can tell: a redirect it (or another party)
 * answered just before, else the page last shown (a clicked tile, an auto-posted SAML form), else
 * a typed URL. A browser hides cross-origin Referers from these parties (`Referrer-Policy:
 * same-origin`), so the recorder remembers instead.
 */
export class Causes {
  readonly #redirects = new Map<string, string>();
  #lastPage = 'browser';

  of(req: Request, url: string): Cause {
    const redirectedBy = this.#redirects.get(url);
    if (redirectedBy !== undefined) {
      this.#redirects.delete(url);
      return { from: redirectedBy, kind: 'redirect' };
    }
    const kind = req.method === 'POST' && req.is('application/x-www-form-urlencoded') ? 'form' : 'navigate';
    const typed = req.get('sec-fetch-site') === 'none' || req.get('sec-fetch-site') === undefined;
    return { from: typed && kind === 'navigate' ? 'browser' : this.#lastPage, kind };
  }

  answered(party: string, url: string, res: Response): void {
    const location = res.getHeader('location');
    if (res.statusCode >= 300 && res.statusCode < 400 && typeof location === 'string') {
      this.#redirects.set(new URL(location, url).href, party);
      if (this.#redirects.size > REDIRECTS_MAX)
        this.#redirects.delete(this.#redirects.keys().next().value as string);
    } else if (/html/.test(String(res.getHeader('content-type') ?? ''))) this.#lastPage = party;
  }
}
