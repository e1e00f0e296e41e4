import { expect, it } from 'vitest';
import type { CredentialName } from '../../harness/crypto/store.js';
import { issue } from '../saml/helpers.js';

export type SignedElement = 'Response' | 'Assertion';

/**
 * An independent XML-DSig implementation's verdict on the signature of `element` (the Response or
 * its Assertion), trusting only the certificate `certName`: true when it verifies, false when the
 * implementation rejects it. Any other failure must throw, so it is never taken for a rejection.
 */
export type Verifier = (xml: string, certName: CredentialName, element: SignedElement) => Promise<boolean>;

/** KeyInfo removed, so a verifier can only use the trusted certificate it is given, as an SP must. */
function withoutKeyInfo(xml: string): string {
  return xml.replace(/<ds:KeyInfo>[\s\S]*?<\/ds:KeyInfo>/g, '');
}

/**
 * The signatures fedsim makes with its own code (exclusive C14N via xml-crypto, RSA via
 * node:crypto) must verify with another implementation: the cases every verifier runs.
 */
export function signatureInteropCases(verify: Verifier): void {
  const check = (xml: string, certName: CredentialName, element: SignedElement) =>
    verify(withoutKeyInfo(xml), certName, element);

  it.each(['SHA-256', 'SHA-1'] as const)(
    'a Response signed with %s verifies with the signer cert only',
    async (signatureAlgorithm) => {
      const { xml } = issue({}, { signatureAlgorithm, signAssertion: false });
      expect(await check(xml, 'org1-org2org', 'Response')).toBe(true);
      expect(await check(xml, 'org2-dropbox', 'Response')).toBe(false);
    },
  );

  it("a Response over a signed Assertion, as Okta signs both (InclusiveNamespaces PrefixList='xs'), verifies", async () => {
    const { xml } = issue();
    expect(xml.match(/PrefixList="xs"/g)).toHaveLength(2);
    // Only the Response's own KeyInfo (the first) may go: the Assertion's is part of what it signs.
    const responseKeyInfoOff = xml.replace(/<ds:KeyInfo>[\s\S]*?<\/ds:KeyInfo>/, '');
    expect(await verify(responseKeyInfoOff, 'org1-org2org', 'Response')).toBe(true);
    expect(await verify(responseKeyInfoOff, 'org2-dropbox', 'Response')).toBe(false);
  });

  it('an assertion-only signature verifies, and a tampered NameID does not', async () => {
    const { xml } = issue({}, { signResponse: false });
    expect(await check(xml, 'org1-org2org', 'Assertion')).toBe(true);
    const tampered = xml.replace('>sarah@org1.example<', '>admin@org1.example<');
    expect(tampered).not.toBe(xml);
    expect(await check(tampered, 'org1-org2org', 'Assertion')).toBe(false);
  });
}
