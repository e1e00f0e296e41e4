import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCertificate } from './certs.js';
import { CREDENTIAL_NAMES, CREDENTIALS, certsDir } from './store.js';

/**
 * `npm run certs`: writes the test-only credentials missing from certs/ (`--force` rewrites all;
 * tests read them at run time, so nothing else needs to change).
 */
function main(dir: string, force: boolean): void {
  mkdirSync(dir, { recursive: true });
  for (const [i, name] of CREDENTIAL_NAMES.entries()) {
    const key = join(dir, `${name}.key.pem`);
    if (!force && existsSync(key)) continue;
    const pair = generateCertificate({
      commonName: `fedsim ${name}`,
      serial: `0${i + 1}`,
      ...CREDENTIALS[name],
    });
    writeFileSync(key, pair.privateKeyPem);
    writeFileSync(join(dir, `${name}.cert.pem`), pair.certPem);
    console.log(`wrote ${name}.key.pem and ${name}.cert.pem`);
  }
}

const args = process.argv.slice(2);
main(args.find((a) => !a.startsWith('--')) ?? certsDir(), args.includes('--force'));
