import { defined } from '../../core/objects.js';
import type { CertInfo } from '../../crypto/credential.js';
import type { SpProfile } from '../profile.js';
import { fromProfileFile } from './profile-file.js';
import { fromIdpMetadata, fromSpMetadata } from './profile-metadata.js';
import { fromOktaIdpJson } from './profile-okta.js';
import { readCerts } from './read.js';

/** What is known of the SP's expectations; anything unset is reported as "not checked". */
export type ProfileSpec = Partial<Omit<SpProfile, 'trustedCerts'>> & { trustedCerts?: readonly CertInfo[] };

export interface LoadedProfile {
  spec: ProfileSpec;
  /** Where the expectations came from, for the report. */
  source: string;
  notes: string[];
  /**
   * The ACS path of a scenario's org2, whose origin is an ephemeral port: a message posted to the
   * same path on a loopback origin is taken as posted to that ACS.
   */
  loopbackAcsPath?: string;
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

export interface ProfileOptions {
  /** A scenario YAML (the world's org2 inbound IdP) or a fedsim profile JSON. */
  profile?: string;
  oktaIdp?: string;
  spMetadata?: string;
  idpMetadata?: string;
  /** PEM files (or committed credential names) of trusted signing certificates. */
  certs?: string[];
  audience?: string;
  acs?: string;
  issuer?: string;
}

/** Loads the expectations from at most one profile source, then applies the flags on top. */
export async function loadProfile(options: ProfileOptions): Promise<LoadedProfile> {
  let loaded: LoadedProfile = { spec: {}, source: 'flags', notes: [] };
  if (options.profile) loaded = await fromProfileFile(options.profile);
  else if (options.oktaIdp) loaded = fromOktaIdpJson(options.oktaIdp);
  else if (options.spMetadata) loaded = fromSpMetadata(options.spMetadata);
  if (options.idpMetadata) {
    const idp = fromIdpMetadata(options.idpMetadata);
    loaded = {
      ...loaded,
      spec: {
        ...loaded.spec,
        ...defined(idp.spec),
        labels: { idpApp: idp.spec.labels?.idpApp ?? '', sp: loaded.spec.labels?.sp ?? DEFAULT_LABELS.sp },
      },
      source: loaded.source === 'flags' ? idp.source : `${loaded.source} + ${idp.source}`,
      notes: [...loaded.notes, ...idp.notes],
    };
  }
  const spec: ProfileSpec = { ...loaded.spec };
  if (options.certs?.length) spec.trustedCerts = options.certs.flatMap((c) => readCerts(c));
  if (options.issuer) spec.idpIssuer = options.issuer;
  if (options.audience) spec.audience = options.audience;
  if (options.acs) spec.acsUrl = options.acs;
  const flags = [
    options.certs?.length ? '--cert' : '',
    options.issuer ? '--issuer' : '',
    options.audience ? '--audience' : '',
    options.acs ? '--acs' : '',
  ]
    .filter(Boolean)
    .join(' ');
  let source = loaded.source;
  if (source === 'flags')
    source = flags ? `flags ${flags}` : 'none (no --profile, --okta-idp, metadata or flags)';
  else if (flags) source = `${source} + ${flags}`;
  return {
    ...loaded,
    spec,
    source,
    loopbackAcsPath: options.acs ? undefined : loaded.loopbackAcsPath,
  };
}
