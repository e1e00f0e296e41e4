import type { HttpFetch, HttpResponse } from '../core/http.js';

/** One HTTP exchange as a recording fetch saw it: raw, before redaction and normalisation. */
export interface RecordedCall {
  method: string;
  url: string;
  /** 0 when no answer came (refused or dropped connection); `error` says why. */
  status: number;
  error?: string;
  requestHeaders: Record<string, string>;
  responseHeaders: Record<string, string>;
  /** Each Set-Cookie header of the answer, whole (a Headers object folds them into one). */
  setCookie: string[];
  requestBody?: string;
  responseBody?: string;
  durationMs: number;
}

/**
 * Called when a call starts (so a trace can order and attribute it to the step running then);
 * returns where its completed record goes.
 */
export type CallSink = (request: { method: string; url: string }) => (call: RecordedCall) => void;

/** Where the calls each party makes are recorded, by the calling party's name. */
export type PartySinks = (party: string) => CallSink;

function headersOf(init: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/** An answer whose body was already read, so the caller can still read it (once or more). */
function buffered(res: HttpResponse, body: ArrayBuffer): HttpResponse {
  const text = () => new TextDecoder().decode(body);
  return {
    status: res.status,
    statusText: res.statusText,
    ok: res.ok,
    headers: res.headers,
    text: async () => text(),
    json: async () => JSON.parse(text()),
    arrayBuffer: async () => body.slice(0),
  };
}

/**
 * Wraps a fetch so every call is recorded; used only while tracing, so untraced runs pay nothing.
 * `bodies: false` records no response body (a browser's pages), and leaves the answer unread.
 */
export function recordingFetch(fetch: HttpFetch, sink: CallSink, bodies = true): HttpFetch {
  return async (url, init = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const done = sink({ method, url });
    const started = performance.now();
    const base = {
      method,
      url,
      requestHeaders: headersOf(init.headers),
      ...(typeof init.body === 'string' ? { requestBody: init.body } : {}),
    };
    try {
      const res = await fetch(url, init);
      const body = bodies ? await res.arrayBuffer() : undefined;
      done({
        ...base,
        status: res.status,
        responseHeaders: headersOf(res.headers),
        setCookie: res.headers.getSetCookie(),
        ...(body ? { responseBody: new TextDecoder().decode(body) } : {}),
        durationMs: performance.now() - started,
      });
      return body ? buffered(res, body) : res;
    } catch (err) {
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
      const error = cause instanceof Error ? cause.message : String(cause);
      done({
        ...base,
        status: 0,
        error,
        responseHeaders: {},
        setCookie: [],
        durationMs: performance.now() - started,
      });
      throw err;
    }
  };
}
