import type { RecordedCall } from './record.js';
import {
  redactAuthorization,
  redactCookieHeader,
  redactJson,
  redactSetCookie,
  secretValues,
} from './redact.js';

/** What a trace keeps of a call: these headers (lower-case), and bodies that are not HTML pages. */
const REQUEST_HEADERS = ['accept', 'content-type', 'authorization', 'cookie'];
const RESPONSE_HEADERS = [
  'content-type',
  'location',
  'retry-after',
  'x-rate-limit-limit',
  'x-rate-limit-remaining',
  'x-rate-limit-reset',
];

function pick(headers: Record<string, string>, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (value === undefined) continue;
    if (name === 'authorization') out[name] = redactAuthorization(value);
    else if (name === 'cookie') out[name] = redactCookieHeader(value);
    else out[name] = value;
  }
  return out;
}

/** The selected request and response headers of a call, credentials and cookie values redacted. */
export function keptHeaders(call: RecordedCall) {
  const response = pick(call.responseHeaders, RESPONSE_HEADERS);
  if (call.setCookie.length) response['set-cookie'] = call.setCookie.map(redactSetCookie).join('\n');
  return { requestHeaders: pick(call.requestHeaders, REQUEST_HEADERS), responseHeaders: response };
}

function parseJson(text: string | undefined, type: string | undefined): unknown {
  if (!text || !(/json/.test(type ?? '') || /^[[{]/.test(text))) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A JSON body redacted (and the secrets it held); other text (metadata XML) as it is; HTML left out. */
export function keptBody(
  text: string | undefined,
  type: string | undefined,
): { body?: unknown; secrets: string[] } {
  if (!text) return { secrets: [] };
  const json = parseJson(text, type);
  if (json !== undefined) return { body: redactJson(json), secrets: secretValues(json) };
  return /html/.test(type ?? '') ? { secrets: [] } : { body: text, secrets: [] };
}
