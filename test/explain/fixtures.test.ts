import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, fixture, jsonCodes, PROFILE } from './helpers.js';

/**
 * Every sample response and the exact check codes explain must report for it against
 * fixtures/responses/profile.json (org2's IdP "Org1 IDP" trusting org1's Org2Org app).
 * Exit 2 rows list the input-safety code instead.
 */
const TABLE: Array<[file: string, codes: string[], exit: 0 | 1 | 2]> = [
  ['valid/okta-org2org-signed-both.b64', [], 0],
  ['valid/assertion-only-signed.b64', [], 0],
  ['valid/response-only-signed.b64', [], 0],
  ['valid/url-encoded.txt', [], 0],
  ['valid/form-body.txt', [], 0],
  ['valid/redirect-binding-deflated.txt', [], 0],
  ['valid/har-sp-initiated-two-messages.har', [], 0],
  ['valid/samlify-idp-sp-initiated.b64', [], 0],
  ['valid/xmlcrypto-adfs-style.xml', [], 0],
  ['invalid/audience-mismatch.b64', ['SAML_AUDIENCE_MISMATCH'], 1],
  ['invalid/wrong-destination.b64', ['SAML_DESTINATION_MISMATCH'], 1],
  ['invalid/wrong-recipient.b64', ['SAML_RECIPIENT_MISMATCH'], 1],
  ['invalid/wrong-issuer.b64', ['SAML_ISSUER_MISMATCH'], 1],
  ['invalid/expired.b64', ['SAML_EXPIRED', 'SAML_SUBJECT_EXPIRED'], 1],
  ['invalid/not-yet-valid.b64', ['SAML_NOT_YET_VALID'], 1],
  ['invalid/untrusted-cert.b64', ['SAML_SIGNATURE_INVALID', 'SAML_SIGNED_ELEMENT_MISMATCH'], 1],
  ['invalid/tampered-nameid.b64', ['SAML_SIGNATURE_INVALID', 'SAML_SIGNED_ELEMENT_MISMATCH'], 1],
  ['invalid/unsigned.b64', ['SAML_SIGNATURE_MISSING', 'SAML_SIGNED_ELEMENT_MISMATCH'], 1],
  ['invalid/status-responder.b64', ['SAML_STATUS_NOT_SUCCESS'], 1],
  [
    'invalid/status-error-no-assertion.xml',
    [
      'SAML_ASSERTION_COUNT',
      'SAML_SIGNED_ELEMENT_MISMATCH',
      'SAML_ISSUER_MISMATCH',
      'SAML_STATUS_NOT_SUCCESS',
      'SAML_SUBJECT_CONFIRMATION_METHOD',
      'SAML_RECIPIENT_MISMATCH',
      'SAML_AUDIENCE_MISMATCH',
      'SAML_NOT_YET_VALID',
      'SAML_EXPIRED',
      'SAML_NAMEID_MISSING',
    ],
    1,
  ],
  [
    'invalid/xsw3-assertion-before-signed.xml',
    ['SAML_SIGNATURE_MISSING', 'SAML_ASSERTION_COUNT', 'SAML_SIGNED_ELEMENT_MISMATCH'],
    1,
  ],
  ['invalid/two-assertions.xml', ['SAML_ASSERTION_COUNT'], 1],
  ['invalid/bearer-missing.b64', ['SAML_SUBJECT_CONFIRMATION_METHOD', 'SAML_RECIPIENT_MISMATCH'], 1],
  ['invalid/sha1-signed-response.xml', ['SAML_SIGNATURE_ALGORITHM_WEAK'], 1],
  ['invalid/har-replayed-response.har', ['SAML_REPLAY'], 1],
  // signature valid (exclusive C14N drops the comment), NameID read whole: nothing to refuse
  ['invalid/comment-in-nameid.b64', [], 0],
  ['invalid/doctype-xxe.xml', ['SAML_XML_DOCTYPE'], 2],
  ['invalid/not-base64.txt', ['SAML_BASE64_INVALID'], 2],
  ['invalid/authnrequest-not-a-response.xml', ['SAML_NOT_A_RESPONSE'], 2],
];

describe('fixtures/responses: explain reports exactly the expected check codes', () => {
  it('has a row for every fixture file, and at least 20 of them', () => {
    const files = ['valid', 'invalid'].flatMap((d) => readdirSync(fixture(d)).map((f) => `${d}/${f}`));
    expect(files.sort()).toEqual(TABLE.map(([f]) => f).sort());
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(TABLE)('%s → %j (exit %i)', async (file, codes, exit) => {
    const run = await cli([fixture(file), '--profile', PROFILE, '--json']);
    expect(run.code).toBe(exit);
    if (exit === 2) {
      expect(run.json.error?.code).toBe(codes[0]);
      expect(run.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(new RegExp(`^fedsim explain: ${codes[0]}: `)),
      ]);
    } else {
      expect(jsonCodes(run.json)).toEqual([...codes].sort());
      expect(run.json.ok).toBe(exit === 0);
    }
  });

  it('covers responses from libraries other than fedsim: samlify and xml-crypto directly', async () => {
    for (const file of ['valid/samlify-idp-sp-initiated.b64', 'valid/xmlcrypto-adfs-style.xml']) {
      const { json } = await cli([fixture(file), '--profile', PROFILE, '--json']);
      expect(json.summary?.assertionReadFrom).not.toBe('unsigned');
      expect(json.summary?.id).not.toMatch(/^id\d{25}$/);
    }
  });
});
