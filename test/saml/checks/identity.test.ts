import { describe, expect, it } from 'vitest';
import { STATUS_SUCCESS } from '../../../harness/saml/constants.js';
import { AUDIENCE, ISSUER, issue } from '../helpers.js';
import { build, row } from './helpers.js';

const OTHER_ISSUER = 'http://www.okta.com/exkother000000000';
const RESPONDER = 'urn:oasis:names:tc:SAML:2.0:status:Responder';
const OTHER_AUDIENCE = 'https://www.okta.com/saml2/service-provider/spother';
/** The Response's Issuer is the first one in Okta's shape; the Assertion's comes second. */
const firstIssuer = /<saml2:Issuer [^>]*>[^<]*<\/saml2:Issuer>/;

describe('issuer: Response (when present) and Assertion issuer are the trusted IdP', () => {
  it('passes the trusted issuer on both', () => {
    const r = row('issuer', issue().xml);
    expect(r).toMatchObject({ check: 'issuer', ok: true, code: 'SAML_ISSUER_MISMATCH', expected: ISSUER });
    expect(r.actual).toBe(`${ISSUER} / ${ISSUER}`);
  });

  it('fails another issuer and names both values in the hint', () => {
    const r = row('issuer', issue({ overrides: { issuer: OTHER_ISSUER } }).xml);
    expect(r).toMatchObject({ ok: false, code: 'SAML_ISSUER_MISMATCH', expected: ISSUER });
    expect(r.actual).toBe(`${OTHER_ISSUER} / ${OTHER_ISSUER}`);
    expect(r.hint).toContain(`Issuer is ${OTHER_ISSUER}`);
    expect(r.hint).toContain(ISSUER);
  });

  it('fails when only the Response issuer differs', () => {
    const xml = build({
      editResponse: (x) => x.replace(`>${ISSUER}<`, `>${OTHER_ISSUER}<`),
    }).xml;
    const r = row('issuer', xml);
    expect(r).toMatchObject({ ok: false, actual: `${OTHER_ISSUER} / ${ISSUER}` });
    expect(r.hint).toContain(`Issuer is ${OTHER_ISSUER}`);
  });

  it('passes a Response without Issuer (optional there)', () => {
    const xml = build({ editResponse: (x) => x.replace(firstIssuer, '') }).xml;
    expect(row('issuer', xml)).toMatchObject({ ok: true, actual: ISSUER });
  });

  it('fails an Assertion without Issuer and calls it missing', () => {
    const xml = build({ editAssertion: (x) => x.replace(firstIssuer, '') }).xml;
    const r = row('issuer', xml);
    expect(r).toMatchObject({ ok: false, actual: ISSUER });
    expect(r.hint).toMatch(/^Issuer is missing/);
  });
});

describe('status: the Response Status is Success', () => {
  it('passes Success', () => {
    expect(row('status', issue().xml)).toMatchObject({
      ok: true,
      code: 'SAML_STATUS_NOT_SUCCESS',
      expected: STATUS_SUCCESS,
      actual: STATUS_SUCCESS,
    });
  });

  it('fails Responder and shows the StatusMessage', () => {
    const xml = build({
      request: { overrides: { statusCode: RESPONDER } },
      editResponse: (x) =>
        x.replace(
          '</saml2p:Status>',
          '<saml2p:StatusMessage>User is not assigned</saml2p:StatusMessage></saml2p:Status>',
        ),
    }).xml;
    const r = row('status', xml);
    expect(r).toMatchObject({ ok: false, code: 'SAML_STATUS_NOT_SUCCESS', expected: STATUS_SUCCESS });
    expect(r.actual).toBe(`${RESPONDER} (User is not assigned)`);
    expect(r.hint).toContain('StatusMessage');
  });

  it('fails a Response without StatusCode', () => {
    const xml = build({ editResponse: (x) => x.replace(/<saml2p:StatusCode [^>]*\/>/, '') }).xml;
    expect(row('status', xml)).toMatchObject({ ok: false, actual: 'no StatusCode' });
  });
});

describe('audience: the SP entity id is among the Audience values', () => {
  it('passes the SP entity id', () => {
    expect(row('audience', issue().xml)).toMatchObject({
      ok: true,
      code: 'SAML_AUDIENCE_MISMATCH',
      expected: AUDIENCE,
      actual: AUDIENCE,
    });
  });

  it('fails another audience and tells what to set', () => {
    const r = row('audience', issue({ audience: OTHER_AUDIENCE }).xml);
    expect(r).toMatchObject({
      ok: false,
      code: 'SAML_AUDIENCE_MISMATCH',
      expected: AUDIENCE,
      actual: OTHER_AUDIENCE,
    });
    expect(r.hint).toContain(`Audience is ${OTHER_AUDIENCE}`);
    expect(r.hint).toContain(`set Audience URI to ${AUDIENCE}`);
  });

  it('passes when one of several audiences matches', () => {
    const xml = build({
      request: { audience: OTHER_AUDIENCE },
      editAssertion: (x) =>
        x.replace(
          '</saml2:AudienceRestriction>',
          `<saml2:Audience>${AUDIENCE}</saml2:Audience></saml2:AudienceRestriction>`,
        ),
    }).xml;
    expect(row('audience', xml)).toMatchObject({ ok: true, actual: `${OTHER_AUDIENCE}, ${AUDIENCE}` });
  });

  it('fails when a second AudienceRestriction does not name this SP (every restriction must)', () => {
    const xml = build({
      editAssertion: (x) =>
        x.replace(
          '</saml2:AudienceRestriction>',
          `</saml2:AudienceRestriction><saml2:AudienceRestriction><saml2:Audience>${OTHER_AUDIENCE}</saml2:Audience></saml2:AudienceRestriction>`,
        ),
    }).xml;
    expect(row('audience', xml)).toMatchObject({
      ok: false,
      code: 'SAML_AUDIENCE_MISMATCH',
      expected: AUDIENCE,
    });
  });

  it('fails an assertion without AudienceRestriction', () => {
    const xml = build({
      editAssertion: (x) => x.replace(/<saml2:AudienceRestriction>.*<\/saml2:AudienceRestriction>/, ''),
    }).xml;
    const r = row('audience', xml);
    expect(r).toMatchObject({ ok: false, actual: 'no Audience' });
    expect(r.hint).toContain('Audience is missing');
  });
});

describe('name-id: a non-empty Subject NameID', () => {
  it('passes the NameID and reports it', () => {
    expect(row('name-id', issue().xml)).toMatchObject({
      ok: true,
      code: 'SAML_NAMEID_MISSING',
      expected: 'a non-empty Subject NameID',
      actual: 'sarah@org1.example',
    });
  });

  it.each([
    ['empty', ''],
    ['whitespace only', '   '],
  ])('fails an %s NameID', (_label, nameId) => {
    const r = row('name-id', issue({ nameId }).xml);
    expect(r).toMatchObject({ ok: false, code: 'SAML_NAMEID_MISSING', actual: '' });
    expect(r.hint).toContain('Subject NameID');
  });

  it('fails a Subject without NameID', () => {
    const xml = build({
      editAssertion: (x) => x.replace(/<saml2:NameID [^>]*>[^<]*<\/saml2:NameID>/, ''),
    }).xml;
    expect(row('name-id', xml).ok).toBe(false);
  });
});
