import { FedsimError, isFedsimError } from '../../core/errors.js';
import { readIdpMetadata, readSpMetadata } from '../metadata.js';
import type { LoadedProfile } from './profile.js';
import { readText } from './read.js';

/** Reads a metadata file; unusable XML is a config problem of the profile, named with its file. */
function read<T>(file: string, parse: (xml: string) => T): T {
  try {
    return parse(readText(file, 'metadata'));
  } catch (err) {
    if (!isFedsimError(err)) throw err;
    throw new FedsimError('CONFIG_INVALID', `${file}: ${err.message}`, {
      expected: err.expected,
      cause: err,
    });
  }
}

/** SP metadata: entityID is the Audience, the HTTP-POST AssertionConsumerService the ACS. */
export function fromSpMetadata(file: string): LoadedProfile {
  const md = read(file, readSpMetadata);
  const notes = md.wantAssertionsSigned
    ? ['SP metadata has WantAssertionsSigned="true": the Assertion must be signed.']
    : [];
  if (!md.acsUrl) notes.push('SP metadata has no HTTP-POST AssertionConsumerService: pass --acs.');
  return {
    source: `SP metadata ${file}`,
    notes,
    spec: {
      audience: md.entityId,
      acsUrl: md.acsUrl,
      signatureScope: md.wantAssertionsSigned ? 'TOKEN' : 'ANY',
      labels: { idpApp: 'the IdP app that signs these responses', sp: `SP ${md.entityId ?? file}` },
    },
  };
}

/** IdP metadata: entityID is the Issuer, the signing KeyDescriptors the trusted certificates. */
export function fromIdpMetadata(file: string): LoadedProfile {
  const md = read(file, readIdpMetadata);
  return {
    source: `IdP metadata ${file}`,
    notes: md.signingCerts.length ? [] : ['IdP metadata has no signing certificate: pass --cert.'],
    spec: {
      idpIssuer: md.entityId,
      trustedCerts: md.signingCerts,
      labels: { idpApp: `the IdP ${md.entityId ?? ''}`.trim(), sp: 'the SP' },
    },
  };
}
