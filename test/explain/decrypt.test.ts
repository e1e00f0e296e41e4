import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCredential } from '../../harness/crypto/store.js';
import { ACS, AUDIENCE, ISSUER, issue } from '../saml/helpers.js';
import { cli, jsonCodes } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'fedsim-explain-decrypt-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

const key = (name: string) => ['--sp-key', `certs/${name}.key.pem`, '--sp-cert', `certs/${name}.cert.pem`];
const PROFILE = [
  '--cert',
  'org1-org2org',
  '--issuer',
  ISSUER,
  '--audience',
  AUDIENCE,
  '--acs',
  ACS,
  '--json',
];
const encrypted = (algorithm: 'aes256-gcm' | 'aes256-cbc' = 'aes256-gcm') =>
  issue({}, { encryption: { algorithm, certPem: loadCredential('org2-sp').cert.pem } }).xml;
const notes = (run: Awaited<ReturnType<typeof cli>>) =>
  (run.json.messages ?? []).flatMap((m) => (m.kind === 'Response' ? m.notes : []));

describe('explain --sp-key: an EncryptedAssertion opened as the SP that requires encryption would', () => {
  it.each(['aes256-gcm', 'aes256-cbc'] as const)(
    'opens %s with the right key and runs every check',
    async (alg) => {
      const run = await cli([write(`${alg}.xml`, encrypted(alg)), ...key('org2-sp'), ...PROFILE]);
      expect([run.code, jsonCodes(run.json)]).toEqual([0, []]);
      expect(notes(run)).toContain(
        `EncryptedAssertion opened with ${key('org2-sp').slice(0, 2).join(' ')} (${loadCredential('org2-sp').cert.subject}, SHA-256 ${loadCredential('org2-sp').cert.sha256}).`,
      );
    },
  );

  it('tries each key in order and names the one that opened it', async () => {
    const run = await cli([
      write('two.xml', encrypted()),
      ...key('dropbox-sp'),
      ...key('org2-sp'),
      ...PROFILE,
    ]);
    expect(run.code).toBe(0);
    expect(notes(run).join()).toContain('opened with --sp-key certs/org2-sp.key.pem');
  });

  it.each([
    ['a key of another certificate', key('dropbox-sp'), 'SAML_DECRYPTION_KEY_MISMATCH'],
    ['no key at all', [], 'SAML_DECRYPTION_FAILED'],
  ])('says why none opened it: %s', async (_, keys, code) => {
    const run = await cli([write('wrong.xml', encrypted()), ...keys, ...PROFILE]);
    expect([run.code, run.json.error?.code]).toEqual([2, code]);
  });

  it('names an algorithm the SP does not decrypt', async () => {
    const xml = encrypted().replace(
      'http://www.w3.org/2009/xmlenc11#aes256-gcm',
      'http://www.w3.org/2001/04/xmlenc#tripledes-cbc',
    );
    const run = await cli([write('3des.xml', xml), ...key('org2-sp'), ...PROFILE]);
    expect([run.code, run.json.error?.code]).toEqual([2, 'SAML_DECRYPTION_ALGORITHM_UNSUPPORTED']);
  });

  it('refuses a key that is not its certificate’s, and keys without certificates', async () => {
    const crossed = ['--sp-key', 'certs/org2-sp.key.pem', '--sp-cert', 'certs/dropbox-sp.cert.pem'];
    const run = await cli([write('x.xml', encrypted()), ...crossed, ...PROFILE]);
    expect([run.code, run.json.error?.code]).toEqual([2, 'CONFIG_INVALID']);
    const unpaired = await cli([
      write('x.xml', encrypted()),
      '--sp-key',
      'certs/org2-sp.key.pem',
      ...PROFILE,
    ]);
    expect(unpaired.json.error?.code).toBe('CLI_USAGE');
  });
});
