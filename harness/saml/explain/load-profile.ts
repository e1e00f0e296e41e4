import { defined } from '../../core/objects.js';
import { readSpKeys } from './decrypt.js';
import { DEFAULT_LABELS, type LoadedProfile, type ProfileReaders, type ProfileSpec } from './profile.js';
import { fromProfileFile } from './profile-file.js';
import { fromIdpMetadata, fromSpMetadata } from './profile-metadata.js';
import { parseJson, readCerts, readText } from './read.js';

export interface ProfileOptions {
  /** Scenario YAMLs (every SP of the world) or fedsim profile JSONs. */
  profile?: string[];
  oktaIdp?: string[];
  spMetadata?: string[];
  idpMetadata?: string;
  /** PEM files (or committed credential names) of trusted signing certificates. */
  certs?: string[];
  audience?: string;
  acs?: string;
  issuer?: string;
  /** Read an Okta IdP object past wrong values, noting each (default: they are errors). */
  lenient?: boolean;
  /** The SP's private keys (PEM files) for EncryptedAssertion, paired in order with `spCerts`. */
  spKeys?: string[];
  spCerts?: string[];
}

/** Whether a profile source was named (not only flags): it then replaces profiles a trace recorded. */
export const namesSource = (o: ProfileOptions): boolean =>
  Boolean(o.profile?.length || o.oktaIdp?.length || o.spMetadata?.length);

async function sources(options: ProfileOptions, readers: ProfileReaders): Promise<LoadedProfile[]> {
  const lenient = options.lenient ?? false;
  const out: LoadedProfile[] = [];
  for (const file of options.profile ?? []) out.push(...(await fromProfileFile(file, readers, lenient)));
  for (const file of options.oktaIdp ?? []) {
    out.push(readers.oktaIdp(parseJson(readText(file, 'Okta IdP JSON'), file), file, { lenient }));
  }
  for (const file of options.spMetadata ?? []) out.push(fromSpMetadata(file));
  return out.length ? out : [{ spec: {}, source: 'flags', notes: [] }];
}

/** Applies IdP metadata and the flags on top of one profile (given, or recorded in a trace). */
export function refineProfile(base: LoadedProfile, options: ProfileOptions): LoadedProfile {
  let loaded = base;
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
  const keys = options.spKeys?.length || options.spCerts?.length;
  return {
    ...loaded,
    spec,
    source,
    loopbackAcsPath: options.acs ? undefined : loaded.loopbackAcsPath,
    ...(keys ? { spKeys: readSpKeys(options.spKeys ?? [], options.spCerts ?? []) } : {}),
  };
}

/**
 * Loads every SP profile the options name (a scenario gives each SP of its world), each refined
 * by IdP metadata and the flags; with no source, one profile made of the flags alone.
 */
export async function loadProfiles(
  options: ProfileOptions,
  readers: ProfileReaders,
): Promise<LoadedProfile[]> {
  return (await sources(options, readers)).map((p) => refineProfile(p, options));
}
