import { describe, expect, it } from 'vitest';
import { mutate } from '../../harness/saml/attack/mutate.js';
import { ALGORITHMS, NS } from '../../harness/saml/constants.js';
import { descendants, parseUntrustedXml } from '../../harness/saml/xml.js';
import { read } from './checks/helpers.js';
import { issue } from './helpers.js';

// Okta's exclusive-C14N transform keeps `xs` (InclusiveNamespaces PrefixList="xs") and declares
// xmlns:xs on the Response and the Assertion: fixtures/responses/okta-captured/ holds such a response.

const inclusiveOf = (xml: string) =>
  descendants(parseUntrustedXml(xml), ALGORITHMS.exclusiveC14n, 'InclusiveNamespaces').map((e) => [
    (e.parentNode as Element).getAttribute('Algorithm'),
    e.getAttribute('PrefixList'),
  ]);

describe("fedsim signs as Okta does: exclusive C14N with InclusiveNamespaces PrefixList='xs'", () => {
  it('both signatures carry the PrefixList on their exclusive-C14N transform', () => {
    const { xml } = issue();
    expect(inclusiveOf(xml)).toEqual([
      [ALGORITHMS.exclusiveC14n, 'xs'],
      [ALGORITHMS.exclusiveC14n, 'xs'],
    ]);
  });

  it('the Response and the Assertion declare xmlns:xs themselves', () => {
    const doc = parseUntrustedXml(issue().xml);
    const response = doc.documentElement as Element;
    const assertion = doc.getElementsByTagNameNS(NS.assertion, 'Assertion')[0] as Element;
    expect([response.getAttribute('xmlns:xs'), assertion.getAttribute('xmlns:xs')]).toEqual([NS.xs, NS.xs]);
  });

  it('the fast verifier checks such signatures in place (no fallback to xml-crypto)', () => {
    const message = read(issue().xml);
    expect(message.signatures.response).toMatchObject({ valid: true, signedInPlace: true });
    expect(message.signatures.assertion).toMatchObject({ valid: true, signedInPlace: true });
  });

  it('the signed bytes keep xmlns:xs on the Assertion, which exclusive C14N alone would drop', () => {
    const { signedXml } = read(issue({}, { signResponse: false }).xml).signatures.assertion;
    expect(signedXml).toMatch(
      /^<saml2:Assertion xmlns:saml2="[^"]+" xmlns:xs="http:\/\/www\.w3\.org\/2001\/XMLSchema"/,
    );
  });

  it('a listed prefix declared only above the signed element goes to xml-crypto, which still verifies it', () => {
    // Taking xmlns:xs off the Assertion changes its canonical form: xml-crypto carries the
    // Response's declaration down (as the PrefixList says), so the digest still matches.
    const xml = mutate(issue().xml, ({ assertion }) => assertion.removeAttribute('xmlns:xs'));
    const { assertion } = read(xml).signatures;
    expect(assertion.valid).toBe(true);
    expect(assertion.signedInPlace).toBeUndefined();
  });
});
