import { defined } from '../../core/objects.js';
import { DEFAULT_LABELS, type LoadedProfile, type ProfileReaders, type ProfileSpec } from './profile.js';
import { fromProfileFile } from './profile-file.js';
import { fromIdpMetadata, fromSpMetadata } from './profile-metadata.js';
import { parseJson, readCerts, readText } from './read.js';

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
  /** Read an Okta IdP object past wrong values, noting each (default: they are errors). */
  lenient?: boolean;
}

/** Loads the expectations from at most one profile source, then applies the flags on top. */
export async function loadProfile(options: ProfileOptions, readers: ProfileReaders): Promise<LoadedProfile> {
  const lenient = options.lenient ?? false;
  let loaded: LoadedProfile = { spec: {}, source: 'flags', notes: [] };
  if (options.profile) loaded = await fromProfileFile(options.profile, readers, lenient);
  else if (options.oktaIdp) {
    const json = parseJson(readText(options.oktaIdp, 'Okta IdP JSON'), options.oktaIdp);
    loaded = readers.oktaIdp(json, options.oktaIdp, { lenient });
  } else if (options.spMetadata) loaded = fromSpMetadata(options.spMetadata);
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
