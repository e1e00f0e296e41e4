import { describe, expect, it } from 'vitest';
import { loadCredential } from '../../harness/crypto/store.js';
import { consumeResponse, firstFailure } from '../../harness/saml/consume.js';
import { EMPTY_SP_STATE } from '../../harness/saml/profile.js';
import { ACS, AUDIENCE, ISSUER, issue, NOW, profile } from './helpers.js';

const b64 = (xml: string) => Buffer.from(xml).toString('base64');
const failing = (r: ReturnType<typeof consumeResponse>) => r.checks.filter((c) => !c.ok).map((c) => c.code);

describe('issue → consume round trip', () => {
  it('accepts a fresh Okta-shaped response signed on Response and Assertion', () => {
    const issued = issue();
    expect(issued.xml).toMatch(/^<saml2p:Response /);
    expect(issued.xml).toContain('<ds:Signature');
    const r = consumeResponse(issued.base64, profile(), EMPTY_SP_STATE, NOW);
    expect(failing(r)).toEqual([]);
    expect(r.message.assertionSource).toBe('signed-response');
    expect(r.message.assertion?.nameId).toBe('sarah@org1.example');
    expect(r.message.assertion?.attributes.firstName).toEqual(['Sarah']);
    expect(r.message.assertion?.audiences).toEqual([AUDIENCE]);
    expect(r.message.response.issuer).toBe(ISSUER);
    expect(r.message.signatures.response.verifiedBy).toBe(loadCredential('org1-org2org').cert.sha256);
  });

  it('reads an assertion-only signature from the signed assertion', () => {
    const r = consumeResponse(
      issue({}, { signResponse: false }).base64,
      profile({ signatureScope: 'TOKEN' }),
      EMPTY_SP_STATE,
      NOW,
    );
    expect(failing(r)).toEqual([]);
    expect(r.message.assertionSource).toBe('signed-assertion');
  });

  it('refuses a Response-only signature when scope is TOKEN', () => {
    const r = consumeResponse(
      issue({}, { signAssertion: false }).base64,
      profile({ signatureScope: 'TOKEN' }),
      EMPTY_SP_STATE,
      NOW,
    );
    expect(failing(r)).toEqual(['SAML_SIGNATURE_MISSING']);
  });

  it('flags a tampered NameID as an invalid signature and never reads the tampered value', () => {
    const xml = issue({}, { signResponse: false }).xml.replace(
      'sarah@org1.example</saml2:NameID>',
      'admin@org1.example</saml2:NameID>',
    );
    const r = consumeResponse(b64(xml), profile(), EMPTY_SP_STATE, NOW);
    expect(failing(r)).toContain('SAML_SIGNATURE_INVALID');
    expect(firstFailure(r)?.code).toBe('SAML_SIGNATURE_INVALID');
  });

  it('refuses a signature from an untrusted certificate even though KeyInfo carries it', () => {
    const r = consumeResponse(
      issue({}, { credential: loadCredential('org2-dropbox') }).base64,
      profile(),
      EMPTY_SP_STATE,
      NOW,
    );
    expect(failing(r)).toContain('SAML_SIGNATURE_INVALID');
    expect(r.message.signatures.response.keyInfoCert?.sha256).toBe(
      loadCredential('org2-dropbox').cert.sha256,
    );
  });

  it('reports audience, destination and recipient mismatches with expected and actual', () => {
    const r = consumeResponse(
      issue({
        audience: 'https://www.okta.com/saml2/service-provider/spother',
        acsUrl: 'http://127.0.0.1:9/other',
      }).base64,
      profile(),
      EMPTY_SP_STATE,
      NOW,
    );
    expect(failing(r)).toEqual([
      'SAML_DESTINATION_MISMATCH',
      'SAML_RECIPIENT_MISMATCH',
      'SAML_AUDIENCE_MISMATCH',
    ]);
    const audience = r.checks.find((c) => c.check === 'audience');
    expect(audience?.expected).toBe(AUDIENCE);
    expect(audience?.actual).toBe('https://www.okta.com/saml2/service-provider/spother');
    expect(audience?.hint).toContain(AUDIENCE);
    expect(r.checks.find((c) => c.check === 'destination')?.expected).toBe(ACS);
  });

  it('judges the time window with the clock skew', () => {
    const later = (ms: number) => new Date(NOW.getTime() + ms);
    const ok = consumeResponse(issue().base64, profile(), EMPTY_SP_STATE, later(5 * 60_000 + 60_000));
    expect(failing(ok)).toEqual([]);
    const expired = consumeResponse(issue().base64, profile(), EMPTY_SP_STATE, later(5 * 60_000 + 120_000));
    expect(failing(expired)).toEqual(['SAML_EXPIRED', 'SAML_SUBJECT_EXPIRED']);
    const early = consumeResponse(issue().base64, profile(), EMPTY_SP_STATE, later(-5 * 60_000 - 121_000));
    expect(failing(early)).toEqual(['SAML_ISSUED_IN_FUTURE', 'SAML_NOT_YET_VALID']);
  });

  it('refuses a wrong issuer, a replay and an unsolicited response when not allowed', () => {
    expect(
      failing(
        consumeResponse(
          issue().base64,
          profile({ idpIssuer: 'http://www.okta.com/exkother' }),
          EMPTY_SP_STATE,
          NOW,
        ),
      ),
    ).toEqual(['SAML_ISSUER_MISMATCH']);
    const issued = issue();
    const state = {
      outstandingRequestIds: new Set<string>(),
      usedAssertionIds: new Set([issued.fields.assertionId]),
    };
    expect(failing(consumeResponse(issued.base64, profile(), state, NOW))).toEqual(['SAML_REPLAY']);
    expect(
      failing(consumeResponse(issued.base64, profile({ allowUnsolicited: false }), EMPTY_SP_STATE, NOW)),
    ).toEqual(['SAML_UNSOLICITED_NOT_ALLOWED']);
  });

  it('rejects garbage input with stable codes', () => {
    expect(() => consumeResponse('not base64!!', profile(), EMPTY_SP_STATE, NOW)).toThrow(
      expect.objectContaining({ code: 'SAML_BASE64_INVALID' }),
    );
    expect(() => consumeResponse(b64('<a>'), profile(), EMPTY_SP_STATE, NOW)).toThrow(
      expect.objectContaining({ code: 'SAML_XML_INVALID' }),
    );
    expect(() =>
      consumeResponse(b64('<!DOCTYPE x [<!ENTITY a "b">]><x/>'), profile(), EMPTY_SP_STATE, NOW),
    ).toThrow(expect.objectContaining({ code: 'SAML_XML_DOCTYPE' }));
    expect(() => consumeResponse(b64('<x/>'), profile(), EMPTY_SP_STATE, NOW)).toThrow(
      expect.objectContaining({ code: 'SAML_NOT_A_RESPONSE' }),
    );
  });
});
