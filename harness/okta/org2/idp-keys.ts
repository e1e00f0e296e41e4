import { createHash } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import type { CertInfo } from '../../crypto/credential.js';

/** A certificate in Okta's IdP key store, named by its key credential id (`kid`). */
export interface IdpKey {
  kid: string;
  cert: CertInfo;
  created: Date;
  lastUpdated: Date;
}

/** A UUID-shaped kid derived from the certificate, so the same certificate keeps its kid across runs. */
function derivedKid(cert: CertInfo): string {
  const h = createHash('sha256').update(`kid:${cert.sha256}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The org's IdP key store (`/api/v1/idps/credentials/keys`): an IdP's `trust.kid` and
 * `additionalKids` refer to keys here, never to a fingerprint. A certificate gets its kid the
 * first time it is trusted: the one an exported IdP object named, else a derived one.
 */
export class IdpKeyStore {
  readonly #byKid = new Map<string, IdpKey>();

  constructor(private readonly clock: Clock) {}

  kidOf(cert: CertInfo, kid?: string): string {
    const known = this.all().find((k) => k.cert.sha256 === cert.sha256);
    if (known) return known.kid;
    const now = this.clock.now();
    const key = { kid: kid ?? derivedKid(cert), cert, created: now, lastUpdated: now };
    this.#byKid.set(key.kid, key);
    return key.kid;
  }

  get(kid: string): IdpKey | undefined {
    return this.#byKid.get(kid);
  }

  /** Keys in the order they were first trusted. */
  all(): IdpKey[] {
    return [...this.#byKid.values()];
  }
}

/** Okta's IdPKeyCredential: a JWK of the certificate's public key with its x5c chain. */
export function serializeKey(key: IdpKey, use: 'sig' = 'sig') {
  const jwk = key.cert.publicKey.export({ format: 'jwk' });
  const der = Buffer.from(key.cert.base64, 'base64');
  return {
    kid: key.kid,
    created: key.created.toISOString(),
    lastUpdated: key.lastUpdated.toISOString(),
    expiresAt: key.cert.notAfter.toISOString(),
    kty: jwk.kty,
    use,
    e: jwk.e,
    n: jwk.n,
    x5c: [key.cert.base64],
    'x5t#S256': createHash('sha256').update(der).digest('base64url'),
  };
}
