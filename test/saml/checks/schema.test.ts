import { describe, expect, it } from 'vitest';
import { issue } from '../helpers.js';
import { build, row } from './helpers.js';

/** The schema row of the table; the validator itself is covered by test/saml/schema*.test.ts. */
describe('schema: the message validates against the SAML 2.0 XSDs', () => {
  it('passes an Okta-shaped response', () => {
    expect(row('schema', issue().xml)).toMatchObject({
      check: 'schema',
      ok: true,
      code: 'SAML_SCHEMA_INVALID',
      expected: 'a message valid against the SAML 2.0 schemas',
      actual: 'valid',
    });
  });

  it('fails Status before Issuer (element order), with the path in actual, even though signed', () => {
    const xml = build({
      editResponse: (x) =>
        x.replace(
          /(<saml2:Issuer [^>]*>[^<]*<\/saml2:Issuer>)(<saml2p:Status[ >].*?<\/saml2p:Status>)/,
          '$2$1',
        ),
    }).xml;
    expect(row('signature', xml).ok).toBe(true);
    const r = row('schema', xml);
    expect(r).toMatchObject({ ok: false, code: 'SAML_SCHEMA_INVALID' });
    expect(String(r.actual)).toMatch(/^\/Response/);
    expect(r.hint).toContain('SAML 2.0 schema');
  });

  it('fails a Response without its required Version attribute', () => {
    const xml = build({ editResponse: (x) => x.replace(/(<saml2p:Response [^>]*) Version="2.0"/, '$1') }).xml;
    const r = row('schema', xml);
    expect(r).toMatchObject({ ok: false, code: 'SAML_SCHEMA_INVALID' });
    expect(String(r.actual)).toContain('Version');
  });
});
