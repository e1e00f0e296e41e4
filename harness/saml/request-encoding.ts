import { inflateRawSync } from 'node:zlib';
import { FedsimError } from '../core/errors.js';
import { decodeBase64Message, MAX_MESSAGE_BYTES } from './xml.js';

/** How an SP's AuthnRequest is encoded on each binding (SAML bindings §3.4.4.1 and §3.5.4). */

/** Inflates a Redirect-binding message, refusing deflate bombs (output capped like any message). */
export function inflateMessage(base64: string): string {
  try {
    return inflateRawSync(Buffer.from(base64, 'base64'), { maxOutputLength: MAX_MESSAGE_BYTES }).toString(
      'utf8',
    );
  } catch (err) {
    const tooLarge = err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    throw new FedsimError(
      tooLarge ? 'SAML_XML_TOO_LARGE' : 'SAML_BASE64_INVALID',
      tooLarge
        ? `Inflated SAMLRequest exceeds ${MAX_MESSAGE_BYTES} bytes`
        : 'SAMLRequest is not deflated base64',
      { cause: err },
    );
  }
}

/** Whether the base64 text is DEFLATE-compressed XML rather than XML (bytes that start with `<`). */
function isDeflatedXml(base64: string): boolean {
  // The first 64 bytes are enough to tell XML (it starts with `<`) from anything else.
  const bytes = Buffer.from(base64.replace(/\s+/g, '').slice(0, 88), 'base64');
  if (bytes.length === 0 || /^\s*</.test(bytes.subarray(0, 64).toString('latin1'))) return false;
  try {
    return /^\s*</.test(inflateMessage(base64));
  } catch {
    return false;
  }
}

/**
 * A POST-binding SAMLRequest: base64 of the XML, never deflated (SAML bindings §3.5.4). A deflated
 * one, as node-saml sends unless told not to, is refused by name rather than as bytes that are not
 * UTF-8 (docs/decisions/deflated-post-authn-request.md).
 */
export function decodePostRequest(samlRequest: string): string {
  if (isDeflatedXml(samlRequest)) {
    throw new FedsimError(
      'SAML_POST_REQUEST_DEFLATED',
      'The POST-binding SAMLRequest is DEFLATE-compressed: the HTTP-POST binding carries the AuthnRequest as plain base64 (SAML bindings §3.5.4); only HTTP-Redirect deflates',
      {
        expected: 'base64 of the AuthnRequest XML',
        actual: 'base64 of DEFLATE-compressed XML',
        hint: 'Stop compressing POST requests at the SP (node-saml / passport-saml: skipRequestCompression: true), or send the request over the HTTP-Redirect binding.',
      },
    );
  }
  return decodeBase64Message(samlRequest);
}
