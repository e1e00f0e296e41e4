import { describe, expect, it } from 'vitest';
import { issue } from '../helpers.js';
import { build, read, row } from './helpers.js';

describe('assertion-count: exactly one Assertion, directly under the Response', () => {
  it('passes one assertion', () => {
    const r = row('assertion-count', issue().xml);
    expect(r).toMatchObject({ ok: true, code: 'SAML_ASSERTION_COUNT', actual: '1 assertion(s)' });
    expect(r.expected).toBe('exactly one Assertion, a direct child of the Response');
  });

  it('fails two sibling assertions', () => {
    const xml = build({
      settings: { signResponse: false },
      editResponse: (x) =>
        x.replace(
          '</saml2p:Response>',
          '<saml2:Assertion xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" ID="id2"/></saml2p:Response>',
        ),
    }).xml;
    const r = row('assertion-count', xml);
    expect(r).toMatchObject({ ok: false, code: 'SAML_ASSERTION_COUNT' });
    expect(r.actual).toMatch(/^2 assertion\(s\)/);
  });

  it('fails a message with no assertion', () => {
    const xml = build({
      editResponse: (x) => x.replace(/<saml2:Assertion [\s\S]*<\/saml2:Assertion>/, ''),
    }).xml;
    expect(row('assertion-count', xml)).toMatchObject({
      ok: false,
      actual: '0 assertion(s), not exactly one directly under the Response',
    });
  });

  it("counts an assertion nested anywhere (here in the Assertion's Advice)", () => {
    const xml = build({
      editAssertion: (x) =>
        x.replace(
          '</saml2:Conditions>',
          '</saml2:Conditions><saml2:Advice><saml2:Assertion ID="idnested"/></saml2:Advice>',
        ),
    }).xml;
    expect(row('assertion-count', xml)).toMatchObject({ ok: false, actual: '2 assertion(s)' });
  });
});

describe('signed-element: the assertion read must be covered by a verified signature', () => {
  it('passes when read from the signed Response', () => {
    const r = row('signed-element', issue().xml);
    expect(r).toMatchObject({
      ok: true,
      code: 'SAML_SIGNED_ELEMENT_MISMATCH',
      actual: 'read from the signed response',
    });
  });

  it('passes when read from the signed Assertion', () => {
    expect(row('signed-element', issue({}, { signResponse: false }).xml).actual).toBe(
      'read from the signed assertion',
    );
  });

  it('fails when nothing verified', () => {
    const r = row('signed-element', issue({}, { signResponse: false, signAssertion: false }).xml);
    expect(r).toMatchObject({
      ok: false,
      code: 'SAML_SIGNED_ELEMENT_MISMATCH',
      expected: 'the assertion read is covered by a verified signature',
      actual: 'the assertion is not covered by any verified signature',
    });
    expect(r.hint).toContain('Only signed content is trusted');
  });

  it('fails a signed Response that carries no assertion', () => {
    const xml = build({
      editResponse: (x) => x.replace(/<saml2:Assertion [\s\S]*<\/saml2:Assertion>/, ''),
    }).xml;
    expect(read(xml).signatures.response.valid).toBe(true);
    expect(row('signed-element', xml).ok).toBe(false);
  });
});
