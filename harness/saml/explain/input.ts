import { FedsimError } from '../../core/errors.js';
import { formPairs, type InputMessage, messageFrom, messagesFromPairs } from './decode.js';
import { harMessages } from './har.js';

export type { InputMessage, SamlParam } from './decode.js';

/** Whole input files larger than this are refused before parsing (a HAR holds many messages). */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

export type InputFormat =
  | 'xml'
  | 'html-form'
  | 'base64'
  | 'url-encoded-base64'
  | 'form-body'
  | 'url'
  | 'har'
  | 'trace'
  | 'trace-hops';

export interface ExplainInput {
  format: InputFormat;
  messages: InputMessage[];
}

function single(format: InputFormat, message: InputMessage): ExplainInput {
  if (message.error) throw message.error;
  return { format, messages: [message] };
}

const FORM_INPUT = /<input\b[^>]*\bname\s*=\s*["'](SAMLResponse|SAMLRequest|RelayState)["'][^>]*>/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeHtml(value: string): string {
  return value.replace(
    /&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi,
    (m, hex?: string, dec?: string, name?: string) => {
      if (name) return ENTITIES[name.toLowerCase()] ?? m;
      const code = Number.parseInt(hex ?? dec ?? '', hex ? 16 : 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    },
  );
}

/** The auto-submitting POST form page an IdP answers with, saved from the browser. */
function fromHtmlForm(text: string): ExplainInput | undefined {
  const pairs = [...text.matchAll(FORM_INPUT)].map((m): [string, string] => {
    const value = /\bvalue\s*=\s*(["'])([\s\S]*?)\1/i.exec(m[0])?.[2] ?? '';
    return [m[1] as string, unescapeHtml(value)];
  });
  const messages = messagesFromPairs(pairs, 'HTML form');
  if (messages.length === 0) return undefined;
  return messages.length === 1
    ? single('html-form', messages[0] as InputMessage)
    : { format: 'html-form', messages };
}

function fromUrl(text: string): ExplainInput {
  const q = text.indexOf('?');
  const messages = messagesFromPairs(formPairs(text.slice(q + 1).split('#')[0] ?? ''), '');
  if (messages.length === 0) {
    throw new FedsimError('SAML_INPUT_MISSING', 'The URL carries no SAMLResponse or SAMLRequest parameter');
  }
  return { format: 'url', messages };
}

/**
 * Recognises what was pasted or saved: XML, a HAR file, a URL with a Redirect-binding query, a
 * form body, or a (URL-encoded) base64 value. A single unusable message throws with its code.
 */
export function readInput(raw: string): ExplainInput {
  if (Buffer.byteLength(raw, 'utf8') > MAX_INPUT_BYTES) {
    throw new FedsimError('SAML_XML_TOO_LARGE', `Input is larger than ${MAX_INPUT_BYTES} bytes`);
  }
  const text = raw.replace(/^\uFEFF/, '').trim();
  if (text === '') throw new FedsimError('SAML_INPUT_MISSING', 'The input is empty');
  if (text.startsWith('<')) {
    const form = /<form\b/i.test(text) ? fromHtmlForm(text) : undefined;
    return form ?? { format: 'xml', messages: [{ source: 'input', binding: 'xml', xml: text }] };
  }
  if (text.startsWith('{')) return { format: 'har', messages: harMessages(text) };
  if (/^https?:\/\/\S+\?/i.test(text)) return fromUrl(text);
  if (/(^|&)(SAMLResponse|SAMLRequest)=/.test(text)) {
    const messages = messagesFromPairs(formPairs(text), '');
    const first = messages[0] as InputMessage;
    if (messages.length === 1) return single('form-body', first);
    return { format: 'form-body', messages };
  }
  return single(text.includes('%') ? 'url-encoded-base64' : 'base64', messageFrom('input', undefined, text));
}
