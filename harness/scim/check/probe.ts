import type { HttpFetch, HttpResponse } from '../../core/http.js';
import { type ScimAuth, scimAuthHeader } from '../auth.js';
import { oktaScimHeaders } from '../client.js';

/** One request and its answer, short enough for a report line. */
export interface ScimExchange {
  request: string;
  /** 0: no answer (refused, reset, timed out). */
  status: number;
  response: string;
  contentType?: string;
  ms: number;
}

/** An answer as checks read it: JSON parsed when it is JSON. */
export interface Answer {
  status: number;
  contentType: string;
  body: unknown;
  /** Why there is no answer (status 0). */
  error?: string;
}

export interface SendOptions {
  body?: object;
  /** 'none': no credential at all; 'invalid': the credential header with a value that is no token. */
  credential?: 'none' | 'invalid';
  /** Headers to send instead of Okta's (the SPEC test sends its own). */
  headers?: Record<string, string>;
}

const SHORT = 160;

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SHORT ? `${flat.slice(0, SHORT)}…` : flat;
}

function readable(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** A response whose body was read once and can be read again by the client. */
function buffered(res: HttpResponse, text: string): HttpResponse {
  return {
    status: res.status,
    statusText: res.statusText,
    ok: res.ok,
    headers: res.headers,
    text: async () => text,
    json: async () => JSON.parse(text),
    arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
  };
}

function parsed(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Sends the checker's requests (and Okta's client's) to the server, keeping each exchange. */
export class Probe {
  /** Every exchange of the run, in order. */
  readonly history: ScimExchange[] = [];
  #current: ScimExchange[] = [];
  #answers = new WeakMap<ScimExchange, Answer>();

  constructor(
    readonly baseUrl: string,
    private readonly transport: HttpFetch,
    private readonly auth: ScimAuth,
    private readonly now: () => number,
  ) {}

  /** A fetch that records what goes through it: Okta's client is given this one. */
  readonly fetch: HttpFetch = async (url, init = {}) => {
    const path = url.startsWith(this.baseUrl) ? url.slice(this.baseUrl.length) : url;
    const method = (init.method ?? 'GET').toUpperCase();
    const body = typeof init.body === 'string' ? ` ${short(init.body)}` : '';
    const started = this.now();
    const record = (status: number, response: string, contentType?: string): ScimExchange => {
      const exchange = { request: `${method} ${readable(path)}${body}`, status, response, contentType };
      const kept = { ...exchange, ms: this.now() - started };
      this.history.push(kept);
      this.#current.push(kept);
      return kept;
    };
    let res: HttpResponse;
    try {
      res = await this.transport(url, init);
    } catch (err) {
      const reason =
        err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
      record(0, `no answer: ${reason}`);
      throw err;
    }
    const text = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    const exchange = record(
      res.status,
      `${res.status} ${contentType || '(no Content-Type)'} ${short(text)}`.trim(),
      contentType,
    );
    this.#answers.set(exchange, { status: res.status, contentType, body: parsed(text) });
    return buffered(res, text);
  };

  /** One request with Okta's headers and the credential (or without it); never throws. */
  async send(method: string, path: string, options: SendOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = options.headers ?? oktaScimHeaders(options.body !== undefined);
    if (options.credential !== 'none') {
      const [name, value] = scimAuthHeader(
        this.auth,
        options.credential === 'invalid' ? 'non-token' : undefined,
      );
      headers[name] = value;
    }
    const init = { method, headers, body: options.body && JSON.stringify(options.body) };
    try {
      await this.fetch(`${this.baseUrl}${path}`, init);
    } catch {
      // The recorded exchange says why (refused, reset, timed out).
      const why = this.history.at(-1)?.response.replace(/^no answer: /, '');
      return { status: 0, contentType: '', body: undefined, error: why };
    }
    return this.lastAnswer() as Answer;
  }

  /** The parsed answer of the latest exchange (for requests Okta's client made). */
  lastAnswer(): Answer | undefined {
    const last = this.history.at(-1);
    return last && this.#answers.get(last);
  }

  /** Shows exchanges of earlier checks as this check's observed ones (checks that judge the run). */
  show(exchanges: ScimExchange[]): void {
    this.#current.push(...exchanges);
  }

  /** The exchanges since the last call: the observed part of one check. */
  take(): ScimExchange[] {
    const taken = this.#current;
    this.#current = [];
    return taken;
  }
}
