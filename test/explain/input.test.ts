import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FedsimError } from '../../harness/core/errors.js';
import { readInput } from '../../harness/saml/explain/input.js';
import { postFormHtml } from '../../harness/saml/issue.js';
import { MAX_MESSAGE_BYTES } from '../../harness/saml/xml.js';
import { explainText, fixtureProfile, readFixture } from './helpers.js';

const xml = Buffer.from(readFixture('valid/okta-org2org-signed-both.b64').trim(), 'base64').toString('utf8');
const b64 = Buffer.from(xml).toString('base64');
const deflated = deflateRawSync(Buffer.from(xml)).toString('base64');

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof FedsimError ? err.code : 'not a FedsimError';
  }
  return undefined;
}

describe('input detection', () => {
  it.each([
    ['raw XML', xml, 'xml', 'xml'],
    ['raw XML with a BOM and blank lines', `\uFEFF\n\n${xml}\n`, 'xml', 'xml'],
    ['base64', b64, 'base64', 'post'],
    ['base64 wrapped at 76 columns', b64.replace(/(.{76})/g, '$1\n'), 'base64', 'post'],
    ['URL-encoded base64', encodeURIComponent(b64), 'url-encoded-base64', 'post'],
    ['form body', `SAMLResponse=${encodeURIComponent(b64)}&RelayState=%2Fapp`, 'form-body', 'post'],
    ['form body with an unescaped +', `RelayState=x&SAMLResponse=${b64}`, 'form-body', 'post'],
    [
      'Redirect-binding URL',
      `https://sp.test/acs?SAMLResponse=${encodeURIComponent(deflated)}&SigAlg=x`,
      'url',
      'redirect',
    ],
    ['Redirect-binding value alone', encodeURIComponent(deflated), 'url-encoded-base64', 'redirect'],
  ])('%s', (_name, text, format, binding) => {
    const input = readInput(text);
    expect(input.format).toBe(format);
    expect(input.messages).toHaveLength(1);
    expect(input.messages[0]?.binding).toBe(binding);
    expect(input.messages[0]?.xml?.trim()).toBe(xml);
  });

  it('takes the SAMLResponse out of a saved auto-post form page (HTML-escaped value)', () => {
    const input = readInput(postFormHtml('https://sp.test/acs', b64, 'a&b'));
    expect(input.format).toBe('html-form');
    expect(input.messages[0]).toMatchObject({ xml, relayState: 'a&b', binding: 'post' });
  });

  it('keeps the RelayState that travelled with the message', () => {
    const input = readInput(
      `SAMLResponse=${encodeURIComponent(b64)}&RelayState=https%3A%2F%2Fsp.test%2Fhome+page`,
    );
    expect(input.messages[0]?.relayState).toBe('https://sp.test/home page');
  });

  it('finds every SAML message in a HAR: query strings, parsed params, raw form text', () => {
    const entry = (request: object) => ({
      request: { method: 'POST', url: 'https://sp.test/acs', ...request },
    });
    const har = JSON.stringify({
      log: {
        entries: [
          { request: { method: 'GET', url: 'https://sp.test/' } },
          entry({ method: 'GET', url: `https://idp.test/sso?SAMLRequest=${encodeURIComponent(deflated)}` }),
          entry({ postData: { params: [{ name: 'SAMLResponse', value: encodeURIComponent(b64) }] } }),
          entry({ postData: { text: `SAMLResponse=${encodeURIComponent(b64)}&RelayState=r` } }),
          entry({ postData: { text: 'SAMLResponse=%%%' } }),
        ],
      },
    });
    const input = readInput(har);
    expect(input.format).toBe('har');
    expect(input.messages.map((m) => [m.param, m.binding, m.source.split(':')[0], m.error?.code])).toEqual([
      ['SAMLRequest', 'redirect', 'HAR entry 2', undefined],
      ['SAMLResponse', 'post', 'HAR entry 3', undefined],
      ['SAMLResponse', 'post', 'HAR entry 4', undefined],
      ['SAMLResponse', 'post', 'HAR entry 5', 'SAML_BASE64_INVALID'],
    ]);
  });

  it('reports a broken message in a HAR beside the good ones (exit 1, not 2)', async () => {
    const har = JSON.stringify({
      log: {
        entries: [
          {
            request: {
              method: 'POST',
              url: 'https://sp.test/acs',
              postData: { params: [{ name: 'SAMLResponse', value: b64 }] },
            },
          },
          {
            request: {
              method: 'POST',
              url: 'https://sp.test/acs',
              postData: { params: [{ name: 'SAMLResponse', value: 'bm90IHhtbA==' }] },
            },
          },
        ],
      },
    });
    const { result } = explainText(har, await fixtureProfile());
    expect(result.messages.map((m) => m.kind)).toEqual(['Response', 'Unusable']);
    expect(result.exitCode).toBe(1);
  });
});

describe('unusable input has a stable code', () => {
  const bomb = deflateRawSync(Buffer.alloc(MAX_MESSAGE_BYTES * 4, 'a')).toString('base64');
  it.each([
    ['empty', '  \n', 'SAML_INPUT_MISSING'],
    ['not base64', 'this is not base64!', 'SAML_BASE64_INVALID'],
    ['broken URL encoding', 'PHNhbWw%ZZ', 'SAML_BASE64_INVALID'],
    [
      'base64 of text that is not XML',
      Buffer.from('hello world, this is plain text').toString('base64'),
      'SAML_XML_INVALID',
    ],
    [
      'base64 of bytes that are not UTF-8',
      Buffer.from([0x3c, 0xff, 0xfe, 0x3e]).toString('base64'),
      'SAML_XML_INVALID',
    ],
    ['oversized base64', 'A'.repeat(MAX_MESSAGE_BYTES * 2), 'SAML_XML_TOO_LARGE'],
    ['a deflate bomb', bomb, 'SAML_XML_TOO_LARGE'],
    ['JSON that is not a HAR', '{"hello": 1}', 'SAML_INPUT_MISSING'],
    [
      'a HAR without SAML',
      JSON.stringify({ log: { entries: [{ request: { url: 'https://x.test/' } }] } }),
      'SAML_INPUT_MISSING',
    ],
    ['a URL without SAML parameters', 'https://sp.test/acs?foo=bar', 'SAML_INPUT_MISSING'],
  ])('%s → %s', (_name, text, code) => {
    expect(codeOf(() => readInput(text))).toBe(code);
  });

  it.each([
    ['a DOCTYPE', `<!DOCTYPE r [<!ENTITY x "y">]>${xml}`, 'SAML_XML_DOCTYPE'],
    ['malformed XML', xml.slice(0, -20), 'SAML_XML_INVALID'],
    ['two root elements', `${xml}${xml}`, 'SAML_XML_INVALID'],
    ['oversized XML', `<a>${'x'.repeat(MAX_MESSAGE_BYTES)}</a>`, 'SAML_XML_TOO_LARGE'],
    ['a non-SAML root', '<html><body/></html>', 'SAML_NOT_A_RESPONSE'],
  ])('XML with %s → %s, exit 2', async (_name, text, code) => {
    const { result } = explainText(text, await fixtureProfile());
    expect(result.exitCode).toBe(2);
    expect(result.messages[0]).toMatchObject({ kind: 'Unusable', error: { code } });
  });
});
