import { createHash, timingSafeEqual, verify } from 'node:crypto';
import { ExclusiveCanonicalization } from 'xml-crypto';
import type { CertInfo } from '../crypto/credential.js';
import { ALGORITHMS, NS } from './constants.js';
import { notVerified, type Verdict } from './signature-outcome.js';
import { attr, child, children, textOf } from './xml.js';

/**
 * Verification of the one signature shape SAML IdPs use (enveloped, one Reference to the parent's
 * ID, exclusive C14N with or without InclusiveNamespaces, RSA-SHA256/SHA-1) on the DOM already parsed:
 * no re-parse, no XPath. Any other shape returns undefined and xml-crypto's general verifier
 * decides. Same rules as xml-crypto: the digest is compared in constant time, and what was
 * signed is returned as the only bytes read downstream (the caller has checked the ID is unique).
 */
const c14n = new ExclusiveCanonicalization();
const SIGNATURE = {
  [ALGORITHMS['SHA-256'].signature]: 'sha256',
  [ALGORITHMS['SHA-1'].signature]: 'sha1',
} as Record<string, 'sha256' | 'sha1'>;
const DIGEST = { [ALGORITHMS['SHA-256'].digest]: 'sha256', [ALGORITHMS['SHA-1'].digest]: 'sha1' } as Record<
  string,
  'sha256' | 'sha1'
>;
const TRANSFORMS = [ALGORITHMS.envelopedSignature, ALGORITHMS.exclusiveC14n];

/** Namespace declarations in scope above `node`, nearest first wins, as exclusive C14N needs them. */
function ancestorNamespaces(node: Node): { prefix: string; namespaceURI: string }[] {
  const seen = new Map<string, string>();
  for (let n = node.parentNode; n && n.nodeType === 1; n = n.parentNode) {
    const attrs = (n as Element).attributes;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs.item(i);
      if (!a) continue;
      const prefix = a.name === 'xmlns' ? '' : a.name.startsWith('xmlns:') ? a.name.slice(6) : undefined;
      if (prefix !== undefined && !seen.has(prefix)) seen.set(prefix, a.value);
    }
  }
  return [...seen].map(([prefix, namespaceURI]) => ({ prefix, namespaceURI }));
}

/**
 * The enveloped-signature transform: the element as if its Signature child were not there. The
 * Signature is taken out and put back in place rather than copying the element (a deep clone of
 * a whole Response costs more than the canonicalisation itself).
 */
function withoutSignature<T>(element: Element, signature: Element, read: () => T): T {
  if (signature.parentNode !== element) return read();
  const next = signature.nextSibling;
  element.removeChild(signature);
  try {
    return read();
  } finally {
    element.insertBefore(signature, next);
  }
}

/**
 * The PrefixList of the exclusive-C14N transform (Okta's `xs`): [] without InclusiveNamespaces,
 * undefined for anything else. A listed prefix declared only above the element is left to
 * xml-crypto, whose canonicaliser copies it onto the element (a change to the DOM this path reads).
 */
function prefixList(transform: Element, element: Element): string[] | undefined {
  const nodes = transform.childNodes;
  const inclusive = children(transform, ALGORITHMS.exclusiveC14n, 'InclusiveNamespaces');
  if (nodes.length === 0) return [];
  if (nodes.length !== 1 || inclusive.length !== 1) return undefined;
  const prefixes = (attr(inclusive[0], 'PrefixList') ?? '').split(/\s+/).filter(Boolean);
  const declaredHere = prefixes.every((p) => element.hasAttribute(`xmlns:${p}`));
  return declaredHere ? prefixes : undefined;
}

/** Undefined when the signature is not the plain SAML shape this verifier handles. */
export function fastVerdict(
  element: Element,
  signature: Element,
  id: string,
  trusted: readonly CertInfo[],
): Verdict | undefined {
  const infos = children(signature, NS.dsig, 'SignedInfo');
  const values = children(signature, NS.dsig, 'SignatureValue');
  const signedInfo = infos[0];
  const reference = signedInfo ? children(signedInfo, NS.dsig, 'Reference') : [];
  const canonMethod = child(signedInfo, NS.dsig, 'CanonicalizationMethod');
  const transforms = children(child(reference[0], NS.dsig, 'Transforms'), NS.dsig, 'Transform');
  const hash = SIGNATURE[attr(child(signedInfo, NS.dsig, 'SignatureMethod'), 'Algorithm') ?? ''];
  const digestHash = DIGEST[attr(child(reference[0], NS.dsig, 'DigestMethod'), 'Algorithm') ?? ''];
  const prefixes = transforms[1] && prefixList(transforms[1], element);
  const plain =
    infos.length === 1 &&
    values.length === 1 &&
    reference.length === 1 &&
    attr(canonMethod, 'Algorithm') === ALGORITHMS.exclusiveC14n &&
    canonMethod?.firstChild === null &&
    transforms.length === 2 &&
    transforms.every((t, i) => attr(t, 'Algorithm') === TRANSFORMS[i]) &&
    transforms[0]?.firstChild === null &&
    prefixes !== undefined &&
    hash !== undefined &&
    digestHash !== undefined;
  if (!plain || !signedInfo || !prefixes) return undefined;

  const signedXml = withoutSignature(element, signature, () =>
    c14n.process(element, {
      // The element's own declarations of the listed prefixes shadow its ancestors'.
      ancestorNamespaces: ancestorNamespaces(element).filter((n) => !prefixes.includes(n.prefix)),
      inclusiveNamespacesPrefixList: prefixes,
    }),
  );
  const computed = createHash(digestHash).update(signedXml, 'utf8').digest();
  const statedText = (textOf(child(reference[0], NS.dsig, 'DigestValue')) ?? '').replace(/\s+/g, '');
  const stated = Buffer.from(statedText, 'base64');
  if (computed.length !== stated.length || !timingSafeEqual(computed, stated)) {
    return {
      valid: false,
      reason: 'digest-mismatch',
      error: `digest mismatch for Reference #${id}: the element was changed after it was signed`,
      digest: { reference: `#${id}`, stated: statedText, computed: computed.toString('base64') },
    };
  }
  const canonicalInfo = Buffer.from(
    c14n.process(signedInfo, { ancestorNamespaces: ancestorNamespaces(signedInfo) }),
    'utf8',
  );
  const value = Buffer.from((textOf(values[0]) ?? '').replace(/\s+/g, ''), 'base64');
  const cert = trusted.find((c) => verify(hash, canonicalInfo, c.publicKey, value));
  if (!cert) return notVerified(trusted);
  return { valid: true, verifiedBy: cert.sha256, signedXml, signedInPlace: true };
}
