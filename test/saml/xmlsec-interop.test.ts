import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { certsDir } from '../../harness/crypto/store.js';
import { issue } from './helpers.js';

/**
 * fedsim signs with its own code (exclusive C14N via xml-crypto, RSA via node:crypto); xmlsec1,
 * the libxml2/OpenSSL implementation, must verify every signature it makes. `.ci/run` installs it.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'fedsim-xmlsec-'));
const cert = (name: string) => path.join(certsDir(), `${name}.cert.pem`);

function xmlsec(xml: string, certName: string, element: 'Response' | 'Assertion'): number | null {
  // KeyInfo removed so xmlsec1 uses the trusted certificate given, as an SP must.
  const file = path.join(dir, `${element}-${certName}.xml`);
  writeFileSync(file, xml.replace(/<ds:KeyInfo>[\s\S]*?<\/ds:KeyInfo>/g, ''));
  const ns =
    element === 'Response'
      ? 'urn:oasis:names:tc:SAML:2.0:protocol:Response'
      : 'urn:oasis:names:tc:SAML:2.0:assertion:Assertion';
  const res = spawnSync(
    'xmlsec1',
    ['--verify', '--pubkey-cert-pem', cert(certName), '--id-attr:ID', ns, file],
    { encoding: 'utf8' },
  );
  if (res.error)
    throw new Error(`xmlsec1 is needed for this test: apt-get install -y xmlsec1 (${res.error.message})`);
  return res.status;
}

describe('fedsim signatures verify with xmlsec1', () => {
  it.each(['SHA-256', 'SHA-1'] as const)(
    'a Response signed with %s verifies with the signer cert only',
    (signatureAlgorithm) => {
      const { xml } = issue({}, { signatureAlgorithm, signAssertion: false });
      expect(xmlsec(xml, 'org1-org2org', 'Response')).toBe(0);
      expect(xmlsec(xml, 'org2-dropbox', 'Response')).not.toBe(0);
    },
  );

  it('an assertion-only signature verifies, and a tampered NameID does not', () => {
    const { xml } = issue({}, { signResponse: false });
    expect(xmlsec(xml, 'org1-org2org', 'Assertion')).toBe(0);
    expect(
      xmlsec(xml.replace('>sarah@org1.example<', '>admin@org1.example<'), 'org1-org2org', 'Assertion'),
    ).not.toBe(0);
  });
});
