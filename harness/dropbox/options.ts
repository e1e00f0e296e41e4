import type { Clock } from '../core/clock.js';
import type { IdGenerator } from '../core/ids.js';
import type { SecretSource } from '../core/secrets.js';
import type { CertInfo, SigningCredential } from '../crypto/credential.js';

export interface DropboxOptions {
  clock: Clock;
  ids: IdGenerator;
  /** Session and SSO-state cookie ids. */
  secrets: SecretSource;
  teamName: string;
  entityId: string;
  scimToken: string;
  deactivation: 'suspend' | 'remove';
  /** Whether the members org2 provisions were added silently (no invitation to accept). */
  silentProvisioning: () => boolean;
  maxClockSkewMs: number;
  /** The IdP dropbox trusts: org2's Dropbox app. */
  idp: () => { issuer: string; certs: CertInfo[]; ssoUrl: string };
  /** An admin's upload in the SSO settings: the certificate Dropbox trusts from now on. */
  trustCertificate: (cert: CertInfo) => void;
  /** Signs dropbox's AuthnRequests. */
  spCredential: SigningCredential;
}

/** A browser signed in to Dropbox: confirmed once the member accepted the team invitation. */
export interface DropboxSession {
  memberId: string;
  confirmed: boolean;
}
