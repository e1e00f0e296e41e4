import type { CertInfo } from '../../crypto/credential.js';
import type { SpProfile } from '../profile.js';
import type { SpKey } from './decrypt.js';

/** What is known of the SP's expectations; anything unset is reported as "not checked". */
export type ProfileSpec = Partial<Omit<SpProfile, 'trustedCerts'>> & { trustedCerts?: readonly CertInfo[] };

export interface LoadedProfile {
  spec: ProfileSpec;
  /** Where the expectations came from, for the report. */
  source: string;
  notes: string[];
  /**
   * The ACS path of an SP of a scenario's world, whose origin is an ephemeral port: a message
   * posted to the same path on a loopback origin is taken as posted to that ACS.
   */
  loopbackAcsPath?: string;
  /** Keys to open an EncryptedAssertion with (`--sp-key`), in place of the spec's decryption key. */
  spKeys?: SpKey[];
}

/** A profile the input itself carries (a trace records each SP as it stood when a message arrived). */
export interface RecordedProfile {
  loaded: LoadedProfile;
  /** The SP's time when the message arrived. */
  now?: Date;
  /** AuthnRequest ids the SP was waiting answers for. */
  outstandingRequestIds: string[];
}

/**
 * Profile sources that belong to layers above saml/, passed in by the caller (the CLI): each SP
 * of a scenario's world (`--profile x.yaml`) and an Okta IdP object (`--okta-idp`, or a `--profile`
 * JSON whose protocol.type is SAML2), read by the same mapping org2's inbound IdP uses.
 */
export interface ProfileReaders {
  /** Every SP of the scenario's world. */
  scenario(file: string): Promise<LoadedProfile[]>;
  oktaIdp(json: unknown, file: string, options: { lenient: boolean }): LoadedProfile;
}

/** The profile fields the checks compare with and that only the user can supply. */
export const EXPECTED_FIELDS = ['idpIssuer', 'audience', 'acsUrl', 'trustedCerts'] as const;
export type ExpectedField = (typeof EXPECTED_FIELDS)[number];

export const DEFAULT_LABELS = { idpApp: 'the IdP app that signs these responses', sp: 'the SP' };

/**
 * Fills defaults (Okta's: scope ANY, SHA-256, 2 minutes skew) and lists the expectations still
 * missing; any other SpProfile field the spec carries (e.g. a decryption key) passes through.
 */
export function completeProfile(spec: ProfileSpec): { profile: SpProfile; missing: Set<ExpectedField> } {
  const missing = new Set<ExpectedField>(
    EXPECTED_FIELDS.filter((f) => (f === 'trustedCerts' ? !spec.trustedCerts?.length : !spec[f])),
  );
  return {
    missing,
    profile: {
      ...spec,
      idpIssuer: spec.idpIssuer ?? '',
      trustedCerts: spec.trustedCerts ?? [],
      audience: spec.audience ?? '',
      acsUrl: spec.acsUrl ?? '',
      signatureScope: spec.signatureScope ?? 'ANY',
      minSignatureAlgorithm: spec.minSignatureAlgorithm ?? 'SHA-256',
      maxClockSkewMs: spec.maxClockSkewMs ?? 120_000,
      allowUnsolicited: spec.allowUnsolicited ?? true,
      labels: spec.labels ?? DEFAULT_LABELS,
    },
  };
}
