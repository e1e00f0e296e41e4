import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FedsimError } from '../core/errors.js';
import { generateCertificate } from '../crypto/certs.js';
import { type SigningCredential, toCredential } from '../crypto/credential.js';
import { idpMetadataXml } from '../saml/metadata.js';
import { prepareDir, writeOutput } from './output.js';

/** The IdP the SP under attack must trust, and where the user finds it. */
export interface AttackIdentity {
  issuer: string;
  credential: SigningCredential;
  /** Files the user configures the SP with (absent for --target: the world already trusts it). */
  files?: { key: string; cert: string; metadata: string };
}

/** A file named by an option, or CONFIG_INVALID naming both. */
export function readOptionFile(option: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new FedsimError(
      'CONFIG_INVALID',
      `${option} ${file}: cannot read (${(err as NodeJS.ErrnoException).code})`,
      {
        hint: `Give ${option} a file you can read.`,
      },
    );
  }
}

/**
 * The given key and certificate, else the ones in `dir` from an earlier run (the SP trusts them
 * already), else a new pair written there. Metadata is (re)written next to them either way.
 */
export function attackIdentity(
  issuer: string,
  o: { key?: string; cert?: string; dir: string },
): AttackIdentity {
  const files = {
    key: join(o.dir, 'idp.key.pem'),
    cert: join(o.dir, 'idp.cert.pem'),
    metadata: join(o.dir, 'idp-metadata.xml'),
  };
  let pair: { privateKeyPem: string; certPem: string };
  if (o.key && o.cert) {
    pair = {
      privateKeyPem: readOptionFile('--idp-key', o.key),
      certPem: readOptionFile('--idp-cert', o.cert),
    };
    Object.assign(files, { key: o.key, cert: o.cert });
  } else if (existsSync(files.key) && existsSync(files.cert)) {
    pair = {
      privateKeyPem: readOptionFile('--idp-dir', files.key),
      certPem: readOptionFile('--idp-dir', files.cert),
    };
  } else {
    pair = generateCertificate({ commonName: 'fedsim attack IdP' });
    prepareDir('--idp-dir', o.dir);
    writeOutput('--idp-dir', files.key, pair.privateKeyPem);
    writeOutput('--idp-dir', files.cert, pair.certPem);
  }
  const credential = toCredential(pair);
  prepareDir('--idp-dir', o.dir);
  writeOutput(
    '--idp-dir',
    files.metadata,
    idpMetadataXml({
      entityId: issuer,
      ssoUrl: 'http://127.0.0.1/fedsim-attack/sso',
      signingCerts: [credential.cert],
    }),
  );
  return { issuer, credential, files };
}
