import type { Hop } from '../agent/index.js';
import { NS } from '../saml/constants.js';
import { parseAssertionElement, parseResponseElement } from '../saml/parse.js';
import { child, children, decodeBase64Message, parseUntrustedXml } from '../saml/xml.js';

/** A SAML message seen on a hop, decoded for people. */
export interface TracedSaml {
  kind: 'Response' | 'AuthnRequest';
  base64: string;
  xml: string;
  decoded: Record<string, unknown>;
}

export interface TracedHop extends Hop {
  saml?: TracedSaml;
}

function signedBy(el: Element | undefined): string | undefined {
  const sig = el ? children(el, NS.dsig, 'Signature')[0] : undefined;
  const method = child(child(sig, NS.dsig, 'SignedInfo'), NS.dsig, 'SignatureMethod');
  return method?.getAttribute('Algorithm') ?? undefined;
}

/** Decodes the SAMLResponse a hop carried; never throws (a broken message is traced as such). */
export function decodeSaml(base64: string): TracedSaml {
  try {
    const xml = decodeBase64Message(base64);
    const root = parseUntrustedXml(xml).documentElement as Element;
    const assertionEl = children(root, NS.assertion, 'Assertion')[0];
    const assertion = assertionEl ? parseAssertionElement(assertionEl) : undefined;
    return {
      kind: root.localName === 'AuthnRequest' ? 'AuthnRequest' : 'Response',
      base64,
      xml,
      decoded: {
        ...parseResponseElement(root),
        responseSignature: signedBy(root),
        assertionSignature: signedBy(assertionEl),
        assertion,
      },
    };
  } catch (err) {
    return {
      kind: 'Response',
      base64,
      xml: '',
      decoded: { error: err instanceof Error ? err.message : String(err) },
    };
  }
}

export function traceHops(hops: readonly Hop[]): TracedHop[] {
  return hops.map((hop) => {
    const saml = hop.formFields?.SAMLResponse;
    return saml ? { ...hop, saml: decodeSaml(saml) } : { ...hop };
  });
}
