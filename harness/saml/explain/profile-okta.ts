import { FedsimError } from '../../core/errors.js';
import type { SignatureAlgorithmName, SignatureScope } from '../constants.js';
import type { LoadedProfile } from './profile.js';
import { parseJson, readText } from './read.js';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (v !== null && typeof v === 'object' ? (v as Json) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const oneOf = <T extends string>(v: unknown, values: readonly T[]): T | undefined =>
  values.includes(v as T) ? (v as T) : undefined;

/**
 * An Okta IdP object (`GET /api/v1/idps/{id}`) as the SP side of the check table: trust issuer
 * and audience, response signature scope and algorithm, max clock skew, and the ACS from `_links`.
 * The object names its signing key only by kid: the certificate comes from `--cert`.
 */
export function fromOktaIdpObject(json: unknown, file: string): LoadedProfile {
  const idp = obj(json);
  const protocol = obj(idp.protocol);
  if (protocol.type !== 'SAML2') {
    throw new FedsimError('CONFIG_INVALID', `${file}: not a SAML 2.0 Okta IdP object`, {
      expected: 'protocol.type "SAML2" (GET /api/v1/idps/{id})',
      actual: protocol.type ?? idp.type ?? 'no protocol.type',
    });
  }
  const trust = obj(obj(protocol.credentials).trust);
  const signature = obj(obj(obj(protocol.algorithms).response).signature);
  const skew = obj(idp.policy).maxClockSkew;
  const acs = str(obj(obj(idp._links).acs).href);
  const name = str(idp.name) ?? str(idp.id) ?? 'IdP';
  const kids = [str(trust.kid), ...(Array.isArray(trust.additionalKids) ? trust.additionalKids : [])].filter(
    (k): k is string => typeof k === 'string',
  );
  const notes: string[] = [];
  if (kids.length) {
    notes.push(
      `Okta trusts the key(s) ${kids.join(', ')}: pass that certificate with --cert (GET /api/v1/idps/credentials/keys/{kid}, field x5c).`,
    );
  }
  if (!acs) notes.push('The IdP object has no _links.acs: pass --acs https://{your-org}/sso/saml2/{idpId}.');
  if (obj(obj(protocol.endpoints).acs).type === 'ORG') {
    notes.push(
      'acs.type is ORG (shared ACS): check Destination against the ACS the IdP app posts to (--acs).',
    );
  }
  return {
    source: `Okta IdP ${file} (${name}${str(idp.id) ? `, ${idp.id}` : ''})`,
    notes,
    spec: {
      idpIssuer: str(trust.issuer),
      audience: str(trust.audience),
      acsUrl: acs,
      signatureScope: oneOf<SignatureScope>(signature.scope, ['RESPONSE', 'TOKEN', 'ANY']),
      minSignatureAlgorithm: oneOf<SignatureAlgorithmName>(signature.algorithm, ['SHA-256', 'SHA-1']),
      maxClockSkewMs: typeof skew === 'number' ? skew : undefined,
      allowUnsolicited: true,
      labels: { idpApp: 'the IdP app that signs for this IdP', sp: `Okta IdP '${name}'` },
    },
  };
}

export function fromOktaIdpJson(file: string): LoadedProfile {
  return fromOktaIdpObject(parseJson(readText(file, 'Okta IdP JSON'), file), file);
}
