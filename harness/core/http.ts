import { Agent, type ClientRequest, request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { FedsimError } from './errors.js';

/** What fedsim reads of an HTTP answer: the part of the Fetch API's Response its callers use. */
export type HttpResponse = Pick<
  Response,
  'status' | 'statusText' | 'ok' | 'headers' | 'text' | 'json' | 'arrayBuffer'
>;

/** Outbound HTTP is injected (the global fetch fits); the default refuses anything beyond loopback. */
export type HttpFetch = (url: string, init?: RequestInit) => Promise<HttpResponse>;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** A host name that is this machine whatever DNS says. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function isLoopback(url: string): boolean {
  return URL.canParse(url) && isLoopbackHost(new URL(url).hostname);
}

/**
 * Loopback calls go through node:http with a keep-alive pool rather than the global fetch: on the
 * journey's ~20 small requests undici's per-request machinery (AbortSignals, web streams, a new
 * connection whenever the server's Keep-Alive hint is short) cost more than the SAML crypto.
 * Idle sockets are let go after 4 s, before the parties' 5 s keep-alive timeout can race a reuse.
 */
const POOL_OPTIONS = { keepAlive: true, timeout: 4000 } as const;

function headerPairs(headers: HeadersInit | undefined): [string, string][] {
  if (headers === undefined) return [];
  if (headers instanceof Headers) {
    const pairs: [string, string][] = [];
    headers.forEach((value, name) => {
      pairs.push([name, value]);
    });
    return pairs;
  }
  return Array.isArray(headers) ? (headers as [string, string][]) : Object.entries(headers);
}

function bodyOf(body: RequestInit['body']): string | Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || Buffer.isBuffer(body)) return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return Buffer.from(body as ArrayBuffer);
  throw new TypeError(`loopbackFetch: unsupported body type ${Object.prototype.toString.call(body)}`);
}

/** A received answer, body already read: a Response without the web-stream machinery. */
class LoopbackResponse implements HttpResponse {
  readonly headers = new Headers();
  readonly status: number;
  readonly statusText: string;

  constructor(
    res: IncomingMessage,
    private readonly body: Buffer,
  ) {
    const raw = res.rawHeaders;
    for (let i = 0; i + 1 < raw.length; i += 2) this.headers.append(raw[i] as string, raw[i + 1] as string);
    this.status = res.statusCode ?? 0;
    this.statusText = res.statusMessage ?? '';
  }

  get ok(): boolean {
    return this.status >= 200 && this.status <= 299;
  }

  async text(): Promise<string> {
    return this.body.toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body.toString('utf8'));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return new Uint8Array(this.body).buffer;
  }
}

/** Socket errors of a kept-alive connection the server closed as the request went out on it. */
const STALE_SOCKET = new Set(['ECONNRESET', 'EPIPE']);

/**
 * A fetch-compatible call over node:http(s): redirects are never followed, failures reject as
 * fetch's do. With `timeoutMs`, a request unanswered (or a body unfinished) by then is dropped.
 * A request sent on a reused kept-alive socket that the server closed before answering is sent
 * once more on a new connection, as browsers do (the server never read it: its idle timeout
 * raced the reuse; node's http docs, "request.reusedSocket").
 */
function httpFetch(
  pool: Agent | false,
  url: string,
  init: RequestInit = {},
  timeoutMs?: number,
  lookup?: LookupFunction,
  resent = false,
): Promise<HttpResponse> {
  const method = (init.method ?? 'GET').toUpperCase();
  const body = bodyOf(init.body);
  const headers: Record<string, string | number> = {};
  for (const [name, value] of headerPairs(init.headers)) headers[name.toLowerCase()] = value;
  if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const failed = (cause: unknown) => {
      clearTimeout(timer);
      reject(new TypeError('fetch failed', { cause }));
    };
    let answered = false;
    const options = { method, headers, agent: pool, ...(lookup ? { lookup } : {}) };
    const req: ClientRequest = send(url, options, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', failed);
      res.on('end', () => {
        clearTimeout(timer);
        resolve(new LoopbackResponse(res, Buffer.concat(chunks)));
      });
    });
    if (timeoutMs !== undefined) {
      timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    }
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (answered || resent || !req.reusedSocket || !STALE_SOCKET.has(err.code ?? '')) return failed(err);
      clearTimeout(timer);
      resolve(httpFetch(pool, url, init, timeoutMs, lookup, true));
    });
    req.end(body);
  });
}

function refuseOutbound(url: string): void {
  if (!isLoopback(url)) {
    const host = URL.canParse(url) ? new URL(url).host : url;
    throw new FedsimError(
      'HTTP_OUTBOUND_BLOCKED',
      `Refused outbound request to ${url}: ${host} is not loopback and was not named`,
      {
        expected: 'a loopback URL (127.0.0.1), or one on a host named in the config or on the command line',
        actual: url,
        hint:
          `To reach ${host}, name a URL on it in the world config (an app's saml.metadata or acsUrl, ` +
          'provisioning.scim.url, org2.idp.metadata or ssoUrl) or on the command line (serve ' +
          '--app-metadata / --scim-url, attack --acs, scim-check URL); fedsim contacts nothing else.',
      },
    );
  }
}

/** A fetch that only reaches loopback, with its own connection pool; `close()` drops its sockets. */
export type LoopbackTransport = HttpFetch & { close(): void };

/**
 * One per world: its pool dies with the world, so a kept-alive socket to a party that has closed
 * can never be reused by another world that later gets the same port.
 */
export function loopbackTransport(): LoopbackTransport {
  const pool = new Agent(POOL_OPTIONS);
  const fetch = async (url: string, init?: RequestInit) => {
    refuseOutbound(url);
    return httpFetch(pool, url, init);
  };
  return Object.assign(fetch, { close: () => pool.destroy() });
}

/** For callers outside a world (tests, tools): one shared pool. */
export const loopbackFetch: HttpFetch = loopbackTransport();

/**
 * Loopback, plus the origins the user named (`scim-check URL`, `attack --acs`, a world's config):
 * nothing else is reached, and redirects are never followed. `origins` is read on every request (a
 * world names more as it is configured). With `timeoutMs`, every request unanswered by then is
 * dropped, so a server that never answers cannot stall a command. `lookup` resolves named hosts
 * (tests map a name to 127.0.0.1); default: the system's.
 */
export function namedOriginsTransport(
  origins: readonly string[],
  timeoutMs?: number,
  lookup?: LookupFunction,
): LoopbackTransport {
  const pool = new Agent(POOL_OPTIONS);
  const fetch = async (url: string, init?: RequestInit) => {
    if (origins.length > 0 && URL.canParse(url) && origins.includes(new URL(url).origin)) {
      // A named host gets no kept-alive socket: nothing of it outlives the command.
      return httpFetch(isLoopback(url) ? pool : false, url, init, timeoutMs, lookup);
    }
    refuseOutbound(url);
    return httpFetch(pool, url, init, timeoutMs);
  };
  return Object.assign(fetch, { close: () => pool.destroy() });
}
