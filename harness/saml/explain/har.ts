import { FedsimError } from '../../core/errors.js';
import { type InputMessage, messagesFromPairs, percentDecode } from './decode.js';

interface HarParam {
  name?: unknown;
  value?: unknown;
}

interface HarEntry {
  request?: {
    method?: unknown;
    url?: unknown;
    queryString?: HarParam[];
    postData?: { text?: unknown; params?: HarParam[] };
  };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const lenient = (v: string) => {
  try {
    return percentDecode(v);
  } catch {
    return v;
  }
};

/** `a=1&b=2` pairs; SAML values stay encoded, so a broken one is reported as that message's error. */
function rawPairs(text: string): Array<[string, string]> {
  return text
    .split('&')
    .filter((p) => p.includes('='))
    .map((p) => {
      const i = p.indexOf('=');
      const name = lenient(p.slice(0, i));
      const value = p.slice(i + 1);
      return [name, name.startsWith('SAML') ? value : lenient(value)];
    });
}

function paramPairs(params: HarParam[] | undefined): Array<[string, string]> {
  return (Array.isArray(params) ? params : []).flatMap((p) => {
    const name = str(p?.name);
    const value = str(p?.value);
    if (name === undefined || value === undefined) return [];
    return [[name, name.startsWith('SAML') ? value : lenient(value)] as [string, string]];
  });
}

/** Query pairs of the request URL (authoritative), or the HAR's queryString list when it has none. */
function queryPairs(request: NonNullable<HarEntry['request']>): Array<[string, string]> {
  const url = str(request.url) ?? '';
  const q = url.indexOf('?');
  return q >= 0 ? rawPairs(url.slice(q + 1).split('#')[0] ?? '') : paramPairs(request.queryString);
}

/** Pairs of the POST body: `params` when the HAR tool parsed them, else the raw form text. */
function bodyPairs(request: NonNullable<HarEntry['request']>): Array<[string, string]> {
  const parsed = paramPairs(request.postData?.params);
  if (parsed.length > 0) return parsed;
  const text = str(request.postData?.text);
  return text && /(^|&)(SAMLResponse|SAMLRequest)=/.test(text) ? rawPairs(text.trim()) : [];
}

/** Every SAML message a HAR file recorded: Redirect-binding query strings and POSTed forms, in order. */
export function harMessages(text: string): InputMessage[] {
  let har: unknown;
  try {
    har = JSON.parse(text);
  } catch (err) {
    throw new FedsimError('SAML_INPUT_MISSING', `Input looks like JSON but does not parse: ${String(err)}`, {
      expected: 'a HAR file (JSON with log.entries), XML, or a base64 SAML message',
    });
  }
  const entries = (har as { log?: { entries?: unknown } })?.log?.entries;
  if (!Array.isArray(entries)) {
    throw new FedsimError('SAML_INPUT_MISSING', 'JSON input is not a HAR file: it has no log.entries list', {
      expected: 'a HAR file exported from the browser developer tools',
    });
  }
  const messages = (entries as HarEntry[]).flatMap((entry, i) => {
    const request = entry?.request;
    if (!request) return [];
    const method = str(request.method) ?? 'GET';
    const url = (str(request.url) ?? '').split('?')[0];
    const where = `HAR entry ${i + 1}: ${method} ${url}`;
    return [
      ...messagesFromPairs(queryPairs(request), where),
      ...messagesFromPairs(bodyPairs(request), where),
    ];
  });
  if (messages.length === 0) {
    throw new FedsimError(
      'SAML_INPUT_MISSING',
      `The HAR file has ${entries.length} entries but no SAML message`,
      {
        hint: 'Record the sign-in with "Preserve log" on, so the POST to the ACS is kept.',
      },
    );
  }
  return messages;
}
