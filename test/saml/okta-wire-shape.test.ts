import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUntrustedXml } from '../../harness/saml/xml.js';
import { issue } from './helpers.js';

/**
 * fedsim's issued Response against a real Okta response (fixtures/responses/okta-captured/, with
 * its provenance): the same elements in the same nesting, the same attribute names, the same
 * prefixes declared on the same elements. Values (ids, times, names, digests) are left aside.
 */
const CAPTURED = readFileSync('fixtures/responses/okta-captured/goxmldsig-2016-sp-initiated.xml', 'utf8');

/** One line per element: depth, qualified name, attribute names, and the namespaces it declares. */
function shape(xml: string): string[] {
  const lines: string[] = [];
  const walk = (el: Element, depth: number) => {
    const names: string[] = [];
    const declares: string[] = [];
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes.item(i) as Attr;
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) declares.push(`${a.name}=${a.value}`);
      else names.push(a.name);
    }
    lines.push(`${'  '.repeat(depth)}${el.tagName} @[${names.sort()}] xmlns[${declares.sort()}]`);
    for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) walk(n as Element, depth + 1);
  };
  walk(parseUntrustedXml(xml).documentElement as Element, 0);
  return lines;
}

describe("fedsim's Response has the structure of a real Okta response", () => {
  // The capture answers an AuthnRequest and carries three attributes: fedsim issues the same.
  const fedsim = issue({
    inResponseTo: '_213843b4-0693-47b8-b2f6-c41e316015cc',
    attributes: { FirstName: 'Phoebe', LastName: 'Simon', Email: 'phoebe.simon@example.com' },
  }).xml;

  // No difference is allowed. Legitimate ones stay out of the comparison by construction: the
  // attribute names and NameID format are values; an encrypted assertion (an app option the
  // capture does not use) and IdP-initiated sign-in (no InResponseTo) are other configurations.
  it('the same elements, attribute names and namespace declarations, in the same places', () => {
    expect(shape(fedsim)).toEqual(shape(CAPTURED));
  });

  it('the structure compared is not vacuous: it sees a declaration moved or an attribute removed', () => {
    const moved = fedsim.replace(/(<saml2:Assertion [^>]*) xmlns:xs="[^"]*"/, '$1');
    expect(shape(moved)).not.toEqual(shape(CAPTURED));
    const noInclusive = fedsim.replaceAll(/<ec:InclusiveNamespaces [^>]*\/>/g, '');
    expect(shape(noInclusive)).not.toEqual(shape(CAPTURED));
  });
});
