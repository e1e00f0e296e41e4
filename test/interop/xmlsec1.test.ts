import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe } from 'vitest';
import { certsDir } from '../../harness/crypto/store.js';
import { issuedResponseCases } from './issued.js';
import { signatureInteropCases, type Verifier } from './issuer-cases.js';

/**
 * xmlsec1 (libxml2 + OpenSSL) checks fedsim's signatures where it is installed (`.ci/run` installs
 * it). It is the suite's only optional tool: xmldsigjs.test.ts runs the same cases everywhere.
 */
const hasXmlsec1 = spawnSync('xmlsec1', ['--version']).error === undefined;
const dir = mkdtempSync(path.join(os.tmpdir(), 'fedsim-xmlsec-'));

const ID_ATTR = {
  Response: 'urn:oasis:names:tc:SAML:2.0:protocol:Response',
  Assertion: 'urn:oasis:names:tc:SAML:2.0:assertion:Assertion',
} as const;

const xmlsec1: Verifier = async (xml, certName, element) => {
  const file = path.join(dir, `${element}-${certName}.xml`);
  writeFileSync(file, xml);
  const cert = path.join(certsDir(), `${certName}.cert.pem`);
  // The element's own signature: by default xmlsec1 checks the document's first, the Response's.
  const own = `//*[local-name()='${element}']/*[local-name()='Signature']`;
  const args = [
    '--verify',
    '--pubkey-cert-pem',
    cert,
    '--id-attr:ID',
    ID_ATTR[element],
    '--node-xpath',
    own,
    file,
  ];
  const res = spawnSync('xmlsec1', args);
  if (res.error || res.status === null) throw res.error ?? new Error(`xmlsec1 was killed by ${res.signal}`);
  return res.status === 0;
};

// The suite's only skip; reporters other than verbose hide a skipped suite's title, so say it once.
const MISSING = 'xmlsec1 not installed: apt-get install -y xmlsec1 (its cases are skipped)';
if (!hasXmlsec1) console.warn(MISSING);
describe.skipIf(!hasXmlsec1)(hasXmlsec1 ? 'fedsim signatures verify with xmlsec1' : MISSING, () => {
  signatureInteropCases(xmlsec1);
  issuedResponseCases(xmlsec1);
});
