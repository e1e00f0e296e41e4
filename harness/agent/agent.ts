import { FedsimError } from '../core/errors.js';
import type { HttpFetch, HttpResponse } from '../core/http.js';
import { chooseForm, chooseLink, type FormChoice, formRequest, type PendingRequest } from './choose.js';
import { CookieJar } from './cookie-jar.js';
import { parsePage } from './html.js';
import type { AgentOptions, Hop, Page } from './types.js';

interface Exchange {
  status: number;
  location?: string;
  html: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Sarah's browser: cookies per origin, redirects, forms and the SAML auto-post pages. */
export class Agent {
  readonly hops: Hop[] = [];
  readonly #fetch: HttpFetch;
  readonly #parties: Map<string, string>;
  readonly #maxRedirects: number;
  readonly #onHop: ((hop: Hop) => void) | undefined;
  readonly #autoSubmit: boolean;
  readonly #jar = new CookieJar();

  constructor(options: AgentOptions) {
    this.#fetch = options.fetch;
    // Normalised so 'http://127.0.0.1:1234/' and 'http://127.0.0.1:1234' name the same party.
    this.#parties = new Map(
      Object.entries(options.parties ?? {}).map(([o, name]) => [new URL(o).origin, name]),
    );
    this.#maxRedirects = options.maxRedirects ?? 10;
    this.#onHop = options.onHop;
    this.#autoSubmit = options.autoSubmitSaml ?? true;
  }

  /** A typed URL: GET, follow redirects, then any auto-submitting pages. */
  async goto(url: string): Promise<Page> {
    if (!URL.canParse(url))
      throw new FedsimError('HTTP_FAILED', `Not an absolute URL: ${url}`, { actual: url });
    return this.#navigate({ method: 'GET', url, kind: 'navigate', from: 'browser' });
  }

  /** Follows the first link whose text equals `text` (else contains it), or matches the RegExp. */
  async clickLink(page: Page, text: string | RegExp): Promise<Page> {
    const link = chooseLink(page, text);
    return this.#navigate({ method: 'GET', url: link.href, kind: 'navigate', from: this.#party(page.url) });
  }

  /** Submits the one obvious form; see chooseForm for how it is picked and what is sent. */
  async submit(page: Page, fields: Record<string, string> = {}, select: FormChoice = {}): Promise<Page> {
    const { form, values } = chooseForm(page, fields, select);
    return this.#navigate(formRequest(form, values, this.#party(page.url)));
  }

  /** Posts fields to a URL as a form would (re-posting a captured SAML form: a replay). */
  async post(url: string, fields: Record<string, string>, from = 'browser'): Promise<Page> {
    return this.#navigate({ method: 'POST', url, body: fields, kind: 'form', from });
  }

  cookies(origin: string): Record<string, string> {
    return this.#jar.cookies(origin);
  }

  clearCookies(): void {
    this.#jar.clear();
  }

  async #navigate(request: PendingRequest): Promise<Page> {
    let page = await this.#follow(request);
    for (let chained = 0; this.#autoSubmit; chained++) {
      const form = page.forms.find((f) => f.autoSubmit);
      if (form === undefined) break;
      if (chained >= this.#maxRedirects) {
        throw new FedsimError(
          'AGENT_TOO_MANY_REDIRECTS',
          `More than ${this.#maxRedirects} chained auto-submitted forms, last at ${page.url}`,
          {
            expected: `at most ${this.#maxRedirects}`,
            actual: page.url,
          },
        );
      }
      // script-driven form.submit() sends no submitter button, so only the form's own fields.
      page = await this.#follow(formRequest(form, form.fields, this.#party(page.url)));
    }
    return page;
  }

  async #follow(first: PendingRequest): Promise<Page> {
    let request = first;
    for (let redirects = 0; ; redirects++) {
      const { status, location, html } = await this.#exchange(request);
      if (location === undefined) return parsePage(request.url, status, html);
      if (redirects >= this.#maxRedirects) {
        throw new FedsimError(
          'AGENT_TOO_MANY_REDIRECTS',
          `More than ${this.#maxRedirects} redirects, last to ${location}`,
          {
            expected: `at most ${this.#maxRedirects}`,
            actual: location,
          },
        );
      }
      const from = this.#party(request.url);
      // 307/308 replay the request; 301/302/303 become a GET, as browsers do.
      request =
        status === 307 || status === 308
          ? { ...request, url: location, kind: 'redirect', from }
          : { method: 'GET', url: location, kind: 'redirect', from };
    }
  }

  /** One request/response; stores cookies and records the hop. `location` only for a followable 3xx. */
  async #exchange(request: PendingRequest): Promise<Exchange> {
    const headers: Record<string, string> = {};
    const cookie = this.#jar.header(request.url);
    if (cookie !== undefined) headers.cookie = cookie;
    const body = request.body === undefined ? undefined : new URLSearchParams(request.body).toString();
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const started = performance.now();
    let response: HttpResponse;
    let html: string;
    try {
      response = await this.#fetch(request.url, {
        method: request.method,
        headers,
        body,
        redirect: 'manual',
      });
      html = await response.text();
    } catch (err) {
      if (err instanceof FedsimError) throw err;
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new FedsimError('HTTP_FAILED', `${request.method} ${request.url} failed: ${reason}`, {
        actual: request.url,
        hint: 'Is the party listening? Every harness listener must be started before the journey.',
        cause: err,
      });
    }
    const durationMs = performance.now() - started;
    const setCookies = this.#jar.store(
      request.url,
      response.headers.getSetCookie(),
      response.headers.get('date'),
    );
    const rawLocation = REDIRECTS.has(response.status) ? response.headers.get('location') : null;
    const location = rawLocation === null ? undefined : this.#resolveLocation(rawLocation, request.url);
    const hop: Hop = {
      from: request.from,
      to: this.#party(request.url),
      method: request.method,
      url: request.url,
      status: response.status,
      kind: request.kind,
      setCookies,
      durationMs,
    };
    if (location !== undefined) hop.location = location;
    if (request.body !== undefined) hop.formFields = request.body;
    this.hops.push(hop);
    this.#onHop?.(hop);
    return { status: response.status, location, html };
  }

  #resolveLocation(location: string, base: string): string {
    try {
      return new URL(location, base).href;
    } catch (err) {
      throw new FedsimError('HTTP_FAILED', `Unusable Location "${location}" from ${base}`, {
        actual: location,
        cause: err,
      });
    }
  }

  #party(url: string): string {
    const target = new URL(url);
    return this.#parties.get(target.origin) ?? target.host;
  }
}
