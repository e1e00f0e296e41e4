import type { Clock } from '../../core/clock.js';
import { generateCertificate } from '../../crypto/certs.js';
import { type SigningCredential, toCredential } from '../../crypto/credential.js';
import type { Org2OrgApp } from './org2org-app.js';

/** Okta's app signing certificates are valid for ten years. */
const VALIDITY_YEARS = 10;

/**
 * The Org2Org app's SAML signing certificates, as its Sign On tab lists them (Okta help "Rotate
 * SAML certificates"): "Generate new certificate" adds an inactive one; "Activate" makes it the
 * one responses are signed with and the metadata publishes. org2 trusts what its IdP was given,
 * so activating a certificate org2 does not trust yet fails the next sign-in: the rollover to do
 * in order (org2 trusts both first).
 */
export class AppCertificates {
  readonly #inactive: SigningCredential[] = [];
  #generated = 0;

  constructor(
    private readonly app: () => Org2OrgApp,
    private readonly clock: Clock,
    private readonly orgName: string,
  ) {}

  /** The active certificate first, then the inactive ones, newest first. */
  all(): { credential: SigningCredential; active: boolean }[] {
    return [
      { credential: this.app().credential, active: true },
      ...this.#inactive.map((credential) => ({ credential, active: false })),
    ];
  }

  /** A new RSA key and self-signed certificate, inactive until activated. */
  generate(): SigningCredential {
    const notBefore = this.clock.now();
    const notAfter = new Date(notBefore);
    notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALIDITY_YEARS);
    this.#generated += 1;
    const credential = toCredential(
      generateCertificate({
        commonName: `${this.orgName} ${this.app().label}`,
        organization: 'fedsim test only (generated in the Admin Console)',
        notBefore,
        notAfter,
        serial: (0x100 + this.#generated).toString(16),
      }),
    );
    this.#inactive.unshift(credential);
    return credential;
  }

  /** Makes the certificate with this SHA-256 fingerprint the signing one; the previous one stays, inactive. */
  activate(sha256: string): SigningCredential | undefined {
    const index = this.#inactive.findIndex((c) => c.cert.sha256 === sha256);
    const [chosen] = index < 0 ? [] : this.#inactive.splice(index, 1);
    if (!chosen) return undefined;
    this.#inactive.unshift(this.app().credential);
    this.app().credential = chosen;
    return chosen;
  }

  find(sha256: string): SigningCredential | undefined {
    return this.all().find((c) => c.credential.cert.sha256 === sha256)?.credential;
  }
}
