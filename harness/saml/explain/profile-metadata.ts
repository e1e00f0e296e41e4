import { FedsimError, isFedsimError } from '../../core/errors.js';
import type { CertInfo } from '../../crypto/credential.js';
import { NS } from '../constants.js';
import { attr, child, descendants, parseUntrustedXml, textOf } from '../xml.js';
import type { LoadedProfile } from './profile.js';
import { parseCertificates, readText } from './read.js';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

function parseMetadata(file: string, role: 'SPSSODescriptor' | 'IDPSSODescriptor'): Element {
  let doc: Document;
  try {
    doc = parseUntrustedXml(readText(file, 'metadata'));
  } catch (err) {
    if (!isFedsimError(err) || err.code === 'CONFIG_INVALID') throw err;
    throw new FedsimError('CONFIG_INVALID', `${file}: ${err.message}`, { cause: err });
  }
  const entity = descendants(doc, MD, 'EntityDescriptor').find((e) => child(e, MD, role));
  if (!entity) {
    throw new FedsimError('CONFIG_INVALID', `${file}: no EntityDescriptor with an ${role}`, {
      expected: `SAML 2.0 metadata (${MD}) describing ${role === 'SPSSODescriptor' ? 'the SP' : 'the IdP'}`,
    });
  }
  return entity;
}

/** The POST ACS the SP publishes: isDefault first, then the lowest index, then document order. */
function postAcs(descriptor: Element): string | undefined {
  const services = descendants(descriptor, MD, 'AssertionConsumerService');
  const post = services.filter((s) => attr(s, 'Binding') === POST);
  const rank = (s: Element) => (attr(s, 'isDefault') === 'true' ? -1 : Number(attr(s, 'index') ?? 1e9));
  const best = [...post].sort((a, b) => rank(a) - rank(b))[0];
  return attr(best, 'Location');
}

/** SP metadata: entityID is the Audience, the HTTP-POST AssertionConsumerService the ACS. */
export function fromSpMetadata(file: string): LoadedProfile {
  const entity = parseMetadata(file, 'SPSSODescriptor');
  const sp = child(entity, MD, 'SPSSODescriptor') as Element;
  const entityId = attr(entity, 'entityID');
  const acs = postAcs(sp);
  const wantsSigned = attr(sp, 'WantAssertionsSigned') === 'true';
  const notes = wantsSigned
    ? ['SP metadata has WantAssertionsSigned="true": the Assertion must be signed.']
    : [];
  if (!acs) notes.push('SP metadata has no HTTP-POST AssertionConsumerService: pass --acs.');
  return {
    source: `SP metadata ${file}`,
    notes,
    spec: {
      audience: entityId,
      acsUrl: acs,
      signatureScope: wantsSigned ? 'TOKEN' : 'ANY',
      labels: { idpApp: 'the IdP app that signs these responses', sp: `SP ${entityId ?? file}` },
    },
  };
}

/** IdP metadata: entityID is the Issuer, the signing KeyDescriptors the trusted certificates. */
export function fromIdpMetadata(file: string): LoadedProfile {
  const entity = parseMetadata(file, 'IDPSSODescriptor');
  const idp = child(entity, MD, 'IDPSSODescriptor') as Element;
  const certs: CertInfo[] = descendants(idp, MD, 'KeyDescriptor')
    .filter((k) => (attr(k, 'use') ?? 'signing') === 'signing')
    .flatMap((k) => descendants(k, NS.dsig, 'X509Certificate'))
    .flatMap((x) => parseCertificates(textOf(x) ?? ''));
  const entityId = attr(entity, 'entityID');
  return {
    source: `IdP metadata ${file}`,
    notes: certs.length ? [] : ['IdP metadata has no signing certificate: pass --cert.'],
    spec: {
      idpIssuer: entityId,
      trustedCerts: certs,
      labels: { idpApp: `the IdP ${entityId ?? ''}`.trim(), sp: 'the SP' },
    },
  };
}
