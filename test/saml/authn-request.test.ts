import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadCredential } from '../../harness/crypto/store.js';
import {
  authnRequestXml,
  readPostRequest,
  readRedirectRequest,
  redirectUrl,
  spInitiatedRedirect,
} from '../../harness/saml/authn-request.js';
import { ALGORITHMS } from '../../harness/saml/constants.js';
import { inflateMessage } from '../../harness/saml/request-encoding.js';
import { NOW } from './helpers.js';

const SP = loadCredential('org2-sp');
const ENDPOINT = 'http://127.0.0.1:9/app/okta_org2org/exk1fixture0000000/sso/saml';
const FIELDS = {
  id: 'id4242424242424242424242424',
  issueInstant: NOW,
  issuer: 'https://www.okta.com/saml2/service-provider/spfixture0000000000',
  destination: ENDPOINT,
  acsUrl: 'http://127.0.0.1:9/sso/saml2/0oa1fixture00000000',
};
const RELAY = 'https://app.example/deep link?x=1&y=a+b=c %41 é';
const query = (url: string) => url.slice(url.indexOf('?') + 1);
const signedUrl = (algorithm: 'SHA-256' | 'SHA-1' = 'SHA-256', relay: string | null = RELAY) =>
  redirectUrl(ENDPOINT, authnRequestXml(FIELDS), relay ?? undefined, { key: SP.privateKey, algorithm });
/** Replaces one raw query parameter value. */
const setParam = (q: string, name: string, value: string | undefined) =>
  q
    .split('&')
    .flatMap((p) => (p.startsWith(`${name}=`) ? (value === undefined ? [] : [`${name}=${value}`]) : [p]))
    .join('&');

describe('HTTP-Redirect AuthnRequest round trip', () => {
  it('unsigned, with a RelayState full of spaces, & and +', () => {
    const url = redirectUrl(ENDPOINT, authnRequestXml(FIELDS), RELAY);
    expect(url.startsWith(`${ENDPOINT}?SAMLRequest=`)).toBe(true);
    expect(url).not.toContain('Signature=');
    expect(readRedirectRequest(query(url))).toEqual({
      ...FIELDS,
      issueInstant: NOW.toISOString(),
      relayState: RELAY,
      signed: false,
    });
  });

  it('unsigned without RelayState', () => {
    const r = readRedirectRequest(query(redirectUrl(ENDPOINT, authnRequestXml(FIELDS), undefined)));
    expect(r.relayState).toBeUndefined();
    expect(r.id).toBe(FIELDS.id);
  });

  it.each(['SHA-256', 'SHA-1'] as const)(
    'signed with RSA-%s and verified against the SP cert',
    (algorithm) => {
      const url = signedUrl(algorithm);
      expect(
        query(url)
          .split('&')
          .map((p) => p.split('=')[0]),
      ).toEqual(['SAMLRequest', 'RelayState', 'SigAlg', 'Signature']);
      expect(decodeURIComponent(/SigAlg=([^&]*)/.exec(url)?.[1] ?? '')).toBe(ALGORITHMS[algorithm].signature);
      expect(readRedirectRequest(query(url), SP.cert)).toMatchObject({
        ...FIELDS,
        issueInstant: NOW.toISOString(),
        relayState: RELAY,
        signed: true,
      });
    },
  );

  it('signed without RelayState; the parameter order of the query does not matter', () => {
    const q = query(signedUrl('SHA-256', null));
    expect(readRedirectRequest(q, SP.cert).relayState).toBeUndefined();
    expect(readRedirectRequest(q.split('&').reverse().join('&'), SP.cert).signed).toBe(true);
  });

  it('an endpoint that already has a query string gets & not ?', () => {
    const url = redirectUrl(`${ENDPOINT}?fromURI=%2Fapp`, authnRequestXml(FIELDS), 'r', {
      key: SP.privateKey,
      algorithm: 'SHA-256',
    });
    expect(url).toContain('?fromURI=%2Fapp&SAMLRequest=');
    expect(readRedirectRequest(query(url), SP.cert).relayState).toBe('r');
  });

  it('spInitiatedRedirect returns the id it put in the request', () => {
    const { id, url } = spInitiatedRedirect(
      { spEntityId: FIELDS.issuer, idpSsoUrl: ENDPOINT, acsUrl: FIELDS.acsUrl, relayState: RELAY },
      { clock: { now: () => NOW }, ids: { saml: () => FIELDS.id } },
    );
    expect(id).toBe(FIELDS.id);
    expect(readRedirectRequest(query(url))).toMatchObject({ id, relayState: RELAY, acsUrl: FIELDS.acsUrl });
  });
});

describe('redirect signature tamper and absence', () => {
  const invalid = expect.objectContaining({ code: 'SAML_REQUEST_SIGNATURE_INVALID', status: 400 });

  it('RelayState changed after signing', () => {
    expect(() =>
      readRedirectRequest(setParam(query(signedUrl()), 'RelayState', 'https%3A%2F%2Fevil.test'), SP.cert),
    ).toThrow(invalid);
  });

  it('RelayState dropped after signing', () => {
    expect(() => readRedirectRequest(setParam(query(signedUrl()), 'RelayState', undefined), SP.cert)).toThrow(
      invalid,
    );
  });

  it('SAMLRequest replaced by another request', () => {
    const other = encodeURIComponent(
      deflateRawSync(Buffer.from(authnRequestXml({ ...FIELDS, acsUrl: 'https://evil.test/acs' }))).toString(
        'base64',
      ),
    );
    expect(() => readRedirectRequest(setParam(query(signedUrl()), 'SAMLRequest', other), SP.cert)).toThrow(
      invalid,
    );
  });

  it('SigAlg downgraded or removed', () => {
    const sha1 = encodeURIComponent(ALGORITHMS['SHA-1'].signature);
    expect(() => readRedirectRequest(setParam(query(signedUrl()), 'SigAlg', sha1), SP.cert)).toThrow(invalid);
    expect(() => readRedirectRequest(setParam(query(signedUrl()), 'SigAlg', undefined), SP.cert)).toThrow(
      invalid,
    );
    expect(() => readRedirectRequest(setParam(query(signedUrl()), 'SigAlg', 'urn%3Ax'), SP.cert)).toThrow(
      invalid,
    );
  });

  it('signed by another key', () => {
    expect(() => readRedirectRequest(query(signedUrl()), loadCredential('attacker').cert)).toThrow(invalid);
  });

  it('Signature value garbled', () => {
    const q = query(signedUrl());
    const sig = /Signature=([^&]*)/.exec(q)?.[1] ?? '';
    expect(() =>
      readRedirectRequest(
        setParam(q, 'Signature', `${sig.startsWith('A') ? 'B' : 'A'}${sig.slice(1)}`),
        SP.cert,
      ),
    ).toThrow(invalid);
  });

  it('missing signature when a cert is required → SAML_REQUEST_SIGNATURE_MISSING', () => {
    const unsigned = query(redirectUrl(ENDPOINT, authnRequestXml(FIELDS), RELAY));
    expect(() => readRedirectRequest(unsigned, SP.cert)).toThrow(
      expect.objectContaining({ code: 'SAML_REQUEST_SIGNATURE_MISSING', status: 400 }),
    );
    const stripped = setParam(query(signedUrl()), 'Signature', undefined);
    expect(() => readRedirectRequest(stripped, SP.cert)).toThrow(
      expect.objectContaining({ code: 'SAML_REQUEST_SIGNATURE_MISSING' }),
    );
  });
});

describe('redirect input safety', () => {
  const q = (xml: string) =>
    `SAMLRequest=${encodeURIComponent(deflateRawSync(Buffer.from(xml)).toString('base64'))}`;

  it('no SAMLRequest', () => {
    expect(() => readRedirectRequest('RelayState=x')).toThrow(
      expect.objectContaining({ code: 'SAML_INPUT_MISSING' }),
    );
    expect(() => readRedirectRequest('')).toThrow(expect.objectContaining({ code: 'SAML_INPUT_MISSING' }));
  });

  it('not deflated, or not an AuthnRequest, or with a DOCTYPE', () => {
    const plain = `SAMLRequest=${encodeURIComponent(Buffer.from(authnRequestXml(FIELDS)).toString('base64'))}`;
    expect(() => readRedirectRequest(plain)).toThrow(
      expect.objectContaining({ code: 'SAML_BASE64_INVALID' }),
    );
    expect(() => readRedirectRequest(q('<x/>'))).toThrow(
      expect.objectContaining({ code: 'SAML_NOT_A_RESPONSE' }),
    );
    expect(() => readRedirectRequest(q(`<!DOCTYPE x>${authnRequestXml(FIELDS)}`))).toThrow(
      expect.objectContaining({ code: 'SAML_XML_DOCTYPE' }),
    );
  });

  it('inflateMessage refuses a deflate bomb', () => {
    const bomb = deflateRawSync(Buffer.alloc(16 * 1024 * 1024)).toString('base64');
    expect(() => inflateMessage(bomb)).toThrow(expect.objectContaining({ code: 'SAML_XML_TOO_LARGE' }));
  });

  // A malformed %-escape is a 400 with a stable code, never a bare URIError (a 500).
  it('a malformed %-escape is refused with a FedsimError, not a URIError', () => {
    expect(() => readRedirectRequest('SAMLRequest=%E0%A4%A')).toThrow(
      expect.objectContaining({ name: 'FedsimError' }),
    );
  });
});

// SAML bindings §3.5.4: the POST binding carries the request as base64 of the XML, not deflated.
describe('POST-binding AuthnRequest encoding', () => {
  const xml = authnRequestXml(FIELDS);

  it('reads plain base64', () => {
    expect(readPostRequest(Buffer.from(xml).toString('base64'), 'r').issuer).toBe(FIELDS.issuer);
  });

  it('refuses a deflated one by name, saying how to fix the SP', () => {
    const deflated = deflateRawSync(Buffer.from(xml)).toString('base64');
    expect(() => readPostRequest(deflated, undefined)).toThrow(
      expect.objectContaining({
        code: 'SAML_POST_REQUEST_DEFLATED',
        message: expect.stringMatching(/DEFLATE-compressed.*plain base64 \(SAML bindings §3\.5\.4\)/),
        hint: expect.stringMatching(/skipRequestCompression: true/),
      }),
    );
  });

  it('still calls bytes that are neither XML nor deflated XML not UTF-8', () => {
    const junk = Buffer.from([0xff, 0xfe, 0x00, 0x81]).toString('base64');
    expect(() => readPostRequest(junk, undefined)).toThrow(
      expect.objectContaining({ code: 'SAML_XML_INVALID' }),
    );
  });
});
