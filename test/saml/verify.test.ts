import { describe, expect, it } from 'vitest';
import { SignedXml } from 'xml-crypto';
import type { CertInfo } from '../../harness/crypto/credential.js';
import { loadCredential } from '../../harness/crypto/store.js';
import { childNamed, element, mutate, setNameId, unsignedClone } from '../../harness/saml/attack/mutate.js';
import { ALGORITHMS, NS } from '../../harness/saml/constants.js';
import { diagnoseSignature } from '../../harness/saml/explain/diagnose.js';
import type { SignatureOutcome } from '../../harness/saml/signature-outcome.js';
import { build, read } from './checks/helpers.js';
import { issue } from './helpers.js';

/** Signed on the Assertion only, in the plain SAML shape (the fast verifier's). */
const assertionSigned = () => issue({}, { signResponse: false }).xml;
const reasonOf = (xml: string, trustedCerts?: CertInfo[]) =>
  read(xml, trustedCerts ? { trustedCerts } : {}).signatures.assertion;

const INCLUSIVE_C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';

/** Signed on the Assertion with inclusive C14N: a shape only xml-crypto's general verifier takes. */
function generalShape(signer = loadCredential('org1-org2org')): string {
  const { xml } = build({ settings: { signAssertion: false, signResponse: false } });
  const sig = new SignedXml({
    privateKey: signer.privateKeyPem,
    publicCert: signer.cert.pem,
    signatureAlgorithm: ALGORITHMS['SHA-256'].signature,
    canonicalizationAlgorithm: INCLUSIVE_C14N,
  });
  const assertion = "//*[local-name(.)='Assertion']";
  sig.addReference({
    xpath: assertion,
    transforms: [ALGORITHMS.envelopedSignature, INCLUSIVE_C14N],
    digestAlgorithm: ALGORITHMS['SHA-256'].digest,
  });
  sig.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: `${assertion}/*[local-name(.)='Issuer']`, action: 'after' },
  });
  return sig.getSignedXml();
}

const signedInfoOf = (signature: Element | undefined) => childNamed(signature as Element, 'SignedInfo');
const referenceOf = (signature: Element | undefined) => childNamed(signedInfoOf(signature), 'Reference');

describe('a signature outcome says why it did not verify, as a reason', () => {
  it('a valid signature has no reason, in the fast and the general verifier alike', () => {
    expect(reasonOf(assertionSigned())).toMatchObject({ valid: true, signedInPlace: true });
    expect(reasonOf(assertionSigned()).reason).toBeUndefined();
    expect(reasonOf(generalShape())).toMatchObject({ valid: true });
    expect(reasonOf(generalShape()).reason).toBeUndefined();
  });

  it.each<[string, (xml: string) => string, string]>([
    [
      'missing',
      (xml) => mutate(xml, ({ assertionSignature: s }) => s?.parentNode?.removeChild(s)),
      'missing',
    ],
    [
      'two Signature elements',
      (xml) =>
        mutate(xml, ({ assertion, assertionSignature: s }) =>
          assertion.appendChild((s as Element).cloneNode(true)),
        ),
      'multiple-signatures',
    ],
    [
      'two References',
      (xml) =>
        mutate(xml, ({ assertionSignature: s }) =>
          signedInfoOf(s).appendChild(referenceOf(s).cloneNode(true)),
        ),
      'multiple-references',
    ],
    [
      'a Reference to another ID',
      (xml) => mutate(xml, ({ assertionSignature: s }) => referenceOf(s).setAttribute('URI', '#elsewhere')),
      'wrong-reference',
    ],
    [
      'a digest algorithm fedsim cannot compute',
      (xml) =>
        mutate(xml, ({ assertionSignature: s }) =>
          childNamed(referenceOf(s), 'DigestMethod').setAttribute('Algorithm', 'urn:example:sha3-512'),
        ),
      'unsupported-algorithm',
    ],
    [
      'a SignatureMethod without Algorithm',
      (xml) =>
        mutate(xml, ({ assertionSignature: s }) =>
          childNamed(signedInfoOf(s), 'SignatureMethod').removeAttribute('Algorithm'),
        ),
      'malformed',
    ],
    [
      'two SignedInfo elements',
      (xml) =>
        mutate(xml, ({ assertionSignature: s }) =>
          (s as Element).insertBefore(signedInfoOf(s).cloneNode(true), signedInfoOf(s)),
        ),
      'malformed',
    ],
    [
      'a copy of the Assertion with the same ID elsewhere',
      (xml) =>
        mutate(xml, ({ doc, response, assertion }) => {
          const ext = element(doc, NS.protocol, 'saml2p:Extensions');
          ext.appendChild(unsignedClone(assertion));
          response.insertBefore(ext, childNamed(response, 'Status'));
        }),
      'duplicate-id',
    ],
    [
      'an edited NameID',
      (xml) => mutate(xml, ({ assertion }) => setNameId(assertion, 'admin@org1.example')),
      'digest-mismatch',
    ],
  ])('%s → %s', (_what, edit, reason) => {
    const outcome = reasonOf(edit(assertionSigned()));
    expect([outcome.valid, outcome.reason]).toEqual([false, reason]);
    // Every refusal of a present signature also says why in words, for the reports.
    expect(outcome.error === undefined).toBe(reason === 'missing');
  });

  it('no trusted certificate → no-trusted-cert', () => {
    expect(reasonOf(assertionSigned(), []).reason).toBe('no-trusted-cert');
  });

  it('a key the SP does not trust → signature-mismatch, in both verifiers', () => {
    const other = loadCredential('org2-dropbox');
    expect(reasonOf(issue({}, { signResponse: false, credential: other }).xml).reason).toBe(
      'signature-mismatch',
    );
    expect(reasonOf(generalShape(other)).reason).toBe('signature-mismatch');
  });

  it('a digest mismatch names the Reference and the digests compared', () => {
    const tampered = mutate(assertionSigned(), ({ assertion }) => setNameId(assertion, 'admin@org1.example'));
    const fast = reasonOf(tampered);
    expect(fast.digest).toMatchObject({ reference: `#${read(tampered).assertion?.id}` });
    expect(fast.digest?.computed).not.toBe(fast.digest?.stated);
    const general = reasonOf(
      mutate(generalShape(), ({ assertion }) => setNameId(assertion, 'admin@org1.example')),
    );
    expect(general.reason).toBe('digest-mismatch');
    expect(general.digest?.stated).toBeTruthy();
  });

  it('a Reference without Transforms is a refusal with a reason, not an exception', () => {
    const xml = mutate(assertionSigned(), ({ assertionSignature: s }) =>
      referenceOf(s).removeChild(childNamed(referenceOf(s), 'Transforms')),
    );
    // Without the enveloped-signature transform the digest would cover the Signature itself: SAML
    // requires enveloped signatures, so it is refused by name before any digest (hostile-saml-input.md).
    expect([reasonOf(xml).valid, reasonOf(xml).reason]).toEqual([false, 'malformed']);
  });
});

describe('explain diagnoses a signature by its reason, never by its words', () => {
  const el = () => {
    const xml = assertionSigned();
    return { xml, assertion: read(xml).root.getElementsByTagNameNS(NS.assertion, 'Assertion')[0] as Element };
  };
  const outcome = (o: Partial<SignatureOutcome>): SignatureOutcome => ({ present: true, valid: false, ...o });

  it('restates a digest mismatch from the digests, whatever the message says', () => {
    const { xml, assertion } = el();
    const digest = { reference: '#id1', stated: 'STATED', computed: 'COMPUTED' };
    expect(
      diagnoseSignature(xml, assertion, outcome({ reason: 'digest-mismatch', digest, error: 'x' }), []),
    ).toBe(
      'digest mismatch: for uri #id1 calculated digest is COMPUTED but the message states STATED: the Assertion was changed after it was signed',
    );
  });

  it('passes any other reason on with its message as it is', () => {
    const { xml, assertion } = el();
    const error = 'signature value does not match the trusted certificate';
    expect(diagnoseSignature(xml, assertion, outcome({ reason: 'wrong-reference', error }), [])).toBe(error);
  });
});
