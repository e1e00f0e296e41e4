import { describe, expect, it } from 'vitest';
import { issue } from '../helpers.js';
import { build, failing, row } from './helpers.js';

/** SAML core §3.2.2 (Response) and §2.3.3 (Assertion): Version "2.0" is the only one this SP reads. */
const version = (v: string) => (x: string) => x.replace('Version="2.0"', `Version="${v}"`);

describe('version: the Response and the Assertion are SAML 2.0', () => {
  it('passes Version="2.0" on both', () => {
    expect(row('version', issue().xml)).toMatchObject({ ok: true, code: 'SAML_VERSION_UNSUPPORTED' });
  });

  it.each(['1.1', '2.1', '2.0 ', ''])('refuses a signed Response of Version "%s"', (v) => {
    const xml = build({ editResponse: version(v) }).xml;
    expect(row('version', xml)).toMatchObject({ ok: false, code: 'SAML_VERSION_UNSUPPORTED' });
    expect(failing(xml)).toContain('SAML_VERSION_UNSUPPORTED');
  });

  it('refuses a signed Assertion of Version "1.1" inside a 2.0 Response', () => {
    const xml = build({ editAssertion: version('1.1') }).xml;
    expect(row('version', xml)).toMatchObject({ ok: false, code: 'SAML_VERSION_UNSUPPORTED' });
  });

  it('is the first failure reported, before any check that reads the message as 2.0', () => {
    const xml = build({ editResponse: version('1.1') }).xml;
    expect(failing(xml)[0]).toBe('SAML_VERSION_UNSUPPORTED');
  });
});
