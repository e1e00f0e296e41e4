import { describe, expect, it } from 'vitest';
import { CM_BEARER } from '../../../harness/saml/constants.js';
import { ACS, issue } from '../helpers.js';
import { build, row } from './helpers.js';

const OTHER_ACS = 'http://127.0.0.1:9/sso/saml2/0oaother000000000';
const HOK = 'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key';
const SENDER_VOUCHES = 'urn:oasis:names:tc:SAML:2.0:cm:sender-vouches';
const dropDestination = (x: string) => x.replace(/ Destination="[^"]*"/, '');

describe('destination: Destination is this ACS (required on a signed Response)', () => {
  it('passes the ACS URL', () => {
    expect(row('destination', issue().xml)).toMatchObject({
      check: 'destination',
      ok: true,
      code: 'SAML_DESTINATION_MISMATCH',
      expected: ACS,
      actual: ACS,
    });
  });

  it('fails another URL and tells which ACS URL to set', () => {
    const r = row('destination', issue({ overrides: { destination: OTHER_ACS } }).xml);
    expect(r).toMatchObject({
      ok: false,
      code: 'SAML_DESTINATION_MISMATCH',
      expected: ACS,
      actual: OTHER_ACS,
    });
    expect(r.hint).toContain(`Destination is ${OTHER_ACS}`);
    expect(r.hint).toContain(`set the Single sign-on (ACS) URL to ${ACS}`);
  });

  it('fails a signed Response without Destination', () => {
    const r = row('destination', build({ editResponse: dropDestination }).xml);
    expect(r).toMatchObject({ ok: false, expected: ACS, actual: 'no Destination' });
    expect(r.hint).toContain('Destination is missing');
  });

  it('passes an unsigned Response without Destination (the signed assertion carries Recipient)', () => {
    const xml = build({ settings: { signResponse: false }, editResponse: dropDestination }).xml;
    expect(row('destination', xml)).toMatchObject({ ok: true, actual: 'no Destination' });
  });

  it('compares exactly: a trailing slash or other case is a different URL', () => {
    expect(row('destination', issue({ overrides: { destination: `${ACS}/` } }).xml).ok).toBe(false);
    expect(row('destination', issue({ overrides: { destination: ACS.toUpperCase() } }).xml).ok).toBe(false);
  });
});

describe('subject-confirmation: at least one bearer SubjectConfirmation', () => {
  it('passes bearer', () => {
    expect(row('subject-confirmation', issue().xml)).toMatchObject({
      ok: true,
      code: 'SAML_SUBJECT_CONFIRMATION_METHOD',
      expected: CM_BEARER,
      actual: CM_BEARER,
    });
  });

  it('fails holder-of-key and names the required method', () => {
    const xml = build({ editAssertion: (x) => x.replace(CM_BEARER, HOK) }).xml;
    const r = row('subject-confirmation', xml);
    expect(r).toMatchObject({
      ok: false,
      code: 'SAML_SUBJECT_CONFIRMATION_METHOD',
      expected: CM_BEARER,
      actual: HOK,
    });
    expect(r.hint).toContain(CM_BEARER);
  });

  it('fails a Subject without SubjectConfirmation', () => {
    const xml = build({
      editAssertion: (x) => x.replace(/<saml2:SubjectConfirmation [\s\S]*<\/saml2:SubjectConfirmation>/, ''),
    }).xml;
    expect(row('subject-confirmation', xml)).toMatchObject({ ok: false, actual: 'no SubjectConfirmation' });
  });

  it('passes when a bearer confirmation sits next to another method', () => {
    const xml = build({
      editAssertion: (x) =>
        x.replace(
          '</saml2:Subject>',
          `<saml2:SubjectConfirmation Method="${SENDER_VOUCHES}"/></saml2:Subject>`,
        ),
    }).xml;
    expect(row('subject-confirmation', xml)).toMatchObject({
      ok: true,
      actual: `${CM_BEARER}, ${SENDER_VOUCHES}`,
    });
  });
});

describe('recipient: the bearer SubjectConfirmationData Recipient is this ACS', () => {
  it('passes the ACS URL', () => {
    expect(row('recipient', issue().xml)).toMatchObject({
      ok: true,
      code: 'SAML_RECIPIENT_MISMATCH',
      expected: ACS,
      actual: ACS,
    });
  });

  it('fails another Recipient and tells which URL to set', () => {
    const r = row('recipient', issue({ overrides: { recipient: OTHER_ACS } }).xml);
    expect(r).toMatchObject({ ok: false, code: 'SAML_RECIPIENT_MISMATCH', expected: ACS, actual: OTHER_ACS });
    expect(r.hint).toContain(`Recipient is ${OTHER_ACS}`);
    expect(r.hint).toContain(`set the Recipient / ACS URL to ${ACS}`);
  });

  it('fails a bearer confirmation without Recipient', () => {
    const xml = build({ editAssertion: (x) => x.replace(/ Recipient="[^"]*"/, '') }).xml;
    const r = row('recipient', xml);
    expect(r).toMatchObject({ ok: false, actual: 'no Recipient' });
  });

  it('only a bearer confirmation counts: the right Recipient on holder-of-key does not', () => {
    const xml = build({
      request: { overrides: { recipient: OTHER_ACS } },
      editAssertion: (x) =>
        x.replace(
          '</saml2:Subject>',
          `<saml2:SubjectConfirmation Method="${HOK}"><saml2:SubjectConfirmationData Recipient="${ACS}"/></saml2:SubjectConfirmation></saml2:Subject>`,
        ),
    }).xml;
    expect(row('recipient', xml)).toMatchObject({ ok: false, actual: OTHER_ACS });
  });

  it('fails when there is no bearer confirmation at all', () => {
    const xml = build({ editAssertion: (x) => x.replace(CM_BEARER, HOK) }).xml;
    expect(row('recipient', xml)).toMatchObject({ ok: false, actual: 'no bearer confirmation' });
  });
});
