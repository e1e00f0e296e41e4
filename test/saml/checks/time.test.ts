import { describe, expect, it } from 'vitest';
import { issue, NOW } from '../helpers.js';
import { at, build, failing, row } from './helpers.js';

const SKEW = 120_000;
const MIN = 60_000;
const iso = (ms: number) => at(ms).toISOString();
const skewNote = (now: Date) => `now ${now.toISOString()}, allowed clock skew 120 s`;
const dropAssertion = (x: string) => x.replace(/<saml2:Assertion [\s\S]*<\/saml2:Assertion>/, '');

describe('issue-instant: IssueInstant at most maxClockSkew in the future (inclusive)', () => {
  const xml = issue().xml;

  it('passes exactly at the skew edge: IssueInstant = now + skew', () => {
    const now = at(-SKEW);
    const r = row('issue-instant', xml, { now });
    expect(r).toMatchObject({ ok: true, code: 'SAML_ISSUED_IN_FUTURE' });
    expect(r.expected).toBe(`IssueInstant ≤ now + skew (${skewNote(now)})`);
    expect(r.actual).toBe(`${NOW.toISOString()}, ${NOW.toISOString()}`);
  });

  it('fails one millisecond beyond the edge, naming the clock fix', () => {
    const r = row('issue-instant', xml, { now: at(-SKEW - 1) });
    expect(r).toMatchObject({ ok: false, code: 'SAML_ISSUED_IN_FUTURE' });
    expect(r.hint).toContain('NTP');
    expect(r.hint).toContain('max clock skew');
  });

  it('IdP clock 90 s ahead with 120 s skew passes; 180 s ahead fails', () => {
    expect(failing(xml, { now: at(-90_000) })).toEqual([]);
    expect(failing(xml, { now: at(-180_000) })).toEqual(['SAML_ISSUED_IN_FUTURE']);
  });

  it('fails when only the Response IssueInstant is in the future', () => {
    const x = build({
      settings: { signResponse: false },
      editResponse: (s) => s.replace(/IssueInstant="[^"]*"/, `IssueInstant="${iso(10 * MIN)}"`),
    }).xml;
    expect(row('issue-instant', x)).toMatchObject({
      ok: false,
      actual: `${iso(10 * MIN)}, ${NOW.toISOString()}`,
    });
  });

  it('fails an IssueInstant that is not a date', () => {
    const x = build({
      editAssertion: (s) => s.replace(/IssueInstant="[^"]*"/, 'IssueInstant="yesterday"'),
    }).xml;
    expect(row('issue-instant', x)).toMatchObject({ ok: false, actual: `${NOW.toISOString()}, yesterday` });
  });
});

describe('not-before: Conditions NotBefore ≤ now + skew (inclusive)', () => {
  const notBefore = 5 * MIN;
  const xml = issue({ overrides: { notBefore: at(notBefore) } }).xml;

  it('passes exactly at the skew edge', () => {
    const now = at(notBefore - SKEW);
    const r = row('not-before', xml, { now });
    expect(r).toMatchObject({ ok: true, code: 'SAML_NOT_YET_VALID', actual: iso(notBefore) });
    expect(r.expected).toBe(`NotBefore ≤ now + skew (${skewNote(now)})`);
  });

  it('fails one millisecond before the edge', () => {
    const r = row('not-before', xml, { now: at(notBefore - SKEW - 1) });
    expect(r).toMatchObject({ ok: false, code: 'SAML_NOT_YET_VALID', actual: iso(notBefore) });
    expect(r.hint).toContain('not valid yet');
  });

  it('NotBefore in the future within skew passes, beyond skew fails', () => {
    expect(row('not-before', issue({ overrides: { notBefore: at(MIN) } }).xml).ok).toBe(true);
    expect(failing(issue({ overrides: { notBefore: at(3 * MIN) } }).xml)).toEqual(['SAML_NOT_YET_VALID']);
  });

  it('passes an assertion without NotBefore (optional)', () => {
    const x = build({ editAssertion: (s) => s.replace(/ NotBefore="[^"]*"/, '') }).xml;
    expect(row('not-before', x).ok).toBe(true);
  });

  it('fails an unparsable NotBefore and a message without assertion', () => {
    const bad = build({ editAssertion: (s) => s.replace(/ NotBefore="[^"]*"/, ' NotBefore="soon"') }).xml;
    expect(row('not-before', bad)).toMatchObject({ ok: false, actual: 'soon' });
    expect(row('not-before', build({ editResponse: dropAssertion }).xml)).toMatchObject({
      ok: false,
      actual: 'no assertion to read',
    });
  });
});

describe('not-on-or-after: Conditions NotOnOrAfter > now - skew (exclusive)', () => {
  const end = 5 * MIN;
  const xml = issue().xml;

  it('passes one millisecond before NotOnOrAfter + skew', () => {
    const now = at(end + SKEW - 1);
    const r = row('not-on-or-after', xml, { now });
    expect(r).toMatchObject({ ok: true, code: 'SAML_EXPIRED', actual: iso(end) });
    expect(r.expected).toBe(`NotOnOrAfter > now - skew (${skewNote(now)})`);
  });

  it('fails exactly at NotOnOrAfter + skew: the bound is exclusive', () => {
    const r = row('not-on-or-after', xml, { now: at(end + SKEW) });
    expect(r).toMatchObject({ ok: false, code: 'SAML_EXPIRED', actual: iso(end) });
    expect(r.hint).toContain('expired');
    expect(failing(xml, { now: at(end + SKEW) })).toEqual(['SAML_EXPIRED', 'SAML_SUBJECT_EXPIRED']);
  });

  it('fails an unparsable NotOnOrAfter; passes a missing one', () => {
    const bad = build({
      editAssertion: (s) => s.replace(/(<saml2:Conditions [^>]*)NotOnOrAfter="[^"]*"/, '$1NotOnOrAfter="x"'),
    }).xml;
    expect(row('not-on-or-after', bad)).toMatchObject({ ok: false, actual: 'x' });
    const none = build({
      editAssertion: (s) => s.replace(/(<saml2:Conditions [^>]*) NotOnOrAfter="[^"]*"/, '$1'),
    }).xml;
    expect(row('not-on-or-after', none).ok).toBe(true);
  });

  it('fails a message without assertion', () => {
    expect(row('not-on-or-after', build({ editResponse: dropAssertion }).xml)).toMatchObject({
      ok: false,
      actual: 'no assertion to read',
    });
  });
});

describe('subject-not-on-or-after: bearer SubjectConfirmationData NotOnOrAfter > now - skew (exclusive)', () => {
  const end = MIN;
  /** The confirmation window ends before the Conditions window, so only this check decides. */
  const xml = issue({ overrides: { subjectNotOnOrAfter: at(end) } }).xml;

  it('passes one millisecond before the edge', () => {
    const now = at(end + SKEW - 1);
    const r = row('subject-not-on-or-after', xml, { now });
    expect(r).toMatchObject({ ok: true, code: 'SAML_SUBJECT_EXPIRED', actual: iso(end) });
    expect(r.expected).toBe(`SubjectConfirmationData NotOnOrAfter > now - skew (${skewNote(now)})`);
  });

  it('fails exactly at the edge, alone in the table', () => {
    const r = row('subject-not-on-or-after', xml, { now: at(end + SKEW) });
    expect(r).toMatchObject({ ok: false, code: 'SAML_SUBJECT_EXPIRED', actual: iso(end) });
    expect(r.hint).toContain('posted too late');
    expect(failing(xml, { now: at(end + SKEW) })).toEqual(['SAML_SUBJECT_EXPIRED']);
  });

  it('fails when any one confirmation has expired', () => {
    const x = build({
      editAssertion: (s) =>
        s.replace(
          '</saml2:Subject>',
          `<saml2:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml2:SubjectConfirmationData NotOnOrAfter="${iso(-10 * MIN)}"/></saml2:SubjectConfirmation></saml2:Subject>`,
        ),
    }).xml;
    expect(row('subject-not-on-or-after', x)).toMatchObject({
      ok: false,
      actual: `${iso(5 * MIN)}, ${iso(-10 * MIN)}`,
    });
  });

  it('fails a bearer confirmation without NotOnOrAfter (SAML profiles §4.1.4.2)', () => {
    const x = build({
      editAssertion: (s) => s.replace(/(<saml2:SubjectConfirmationData[^>]*) NotOnOrAfter="[^"]*"/, '$1'),
    }).xml;
    expect(row('subject-not-on-or-after', x)).toMatchObject({ ok: false, actual: 'missing' });
  });

  it('ignores non-bearer confirmations', () => {
    const x = build({
      editAssertion: (s) =>
        s.replace(
          '</saml2:Subject>',
          `<saml2:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:sender-vouches"><saml2:SubjectConfirmationData NotOnOrAfter="${iso(-10 * MIN)}"/></saml2:SubjectConfirmation></saml2:Subject>`,
        ),
    }).xml;
    expect(row('subject-not-on-or-after', x)).toMatchObject({ ok: true, actual: iso(5 * MIN) });
  });
});
