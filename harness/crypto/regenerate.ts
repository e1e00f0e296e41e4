import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCertificate } from './certs.js';
import { CREDENTIAL_NAMES, certsDir } from './store.js';

/** `npm run certs`: rewrites the committed test-only credentials in certs/. */
function main(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [i, name] of CREDENTIAL_NAMES.entries()) {
    const pair = generateCertificate({ commonName: `fedsim ${name}`, serial: `0${i + 1}` });
    writeFileSync(join(dir, `${name}.key.pem`), pair.privateKeyPem);
    writeFileSync(join(dir, `${name}.cert.pem`), pair.certPem);
    console.log(`wrote ${name}.key.pem and ${name}.cert.pem`);
  }
}

main(process.argv[2] ?? certsDir());
