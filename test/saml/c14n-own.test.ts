import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { ExclusiveCanonicalization } from 'xml-crypto';
import { canonicalOwnXml } from '../../harness/saml/c14n-own.js';
import { decodeBase64Message } from '../../harness/saml/xml.js';
import { issue } from './helpers.js';

/** xml-crypto's canonical form of the document element: what canonicalOwnXml must reproduce. */
function viaDom(xml: string, prefixes: string[]): string {
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement as Element;
  return new ExclusiveCanonicalization().process(root, {
    ancestorNamespaces: [],
    inclusiveNamespacesPrefixList: prefixes,
  });
}

const xmlOf = (b64: string) => decodeBase64Message(b64);

/** fedsim's own messages with awkward values: every character C14N escapes, non-ASCII, many values. */
const OWN = [
  issue().base64,
  issue({}, { signatureAlgorithm: 'SHA-1', signResponse: false }).base64,
  issue({
    nameId: `o'brien&co<x>"q"@example.com`,
    attributes: { 'a&b': ['1 < 2', 'x > y', 'Zoë "z"', "it's"], empty: '' },
    inResponseTo: 'id-&-"req"',
  }).base64,
].map(xmlOf);

function fixtureXml(): string[] {
  const dir = 'fixtures/responses';
  return ['valid', 'invalid', 'okta-captured'].flatMap((sub) =>
    readdirSync(join(dir, sub))
      .filter((f) => f.endsWith('.xml') || f.endsWith('.b64'))
      .map((f) => readFileSync(join(dir, sub, f), 'utf8'))
      .map((text) => (text.trimStart().startsWith('<') ? text : xmlOf(text))),
  );
}

describe('canonicalOwnXml', () => {
  it('is xml-crypto exclusive C14N, byte for byte, on fedsim messages, their SignedInfo and the fixtures', () => {
    const signedInfos = OWN.map((xml) =>
      xml
        .slice(xml.indexOf('<ds:SignedInfo>'), xml.indexOf('</ds:SignedInfo>') + '</ds:SignedInfo>'.length)
        .replace('<ds:SignedInfo>', '<ds:SignedInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">'),
    );
    let compared = 0;
    for (const xml of [...OWN, ...signedInfos, ...fixtureXml()]) {
      for (const prefixes of [['xs'], []]) {
        const own = canonicalOwnXml(xml, prefixes);
        if (!own) continue;
        expect(own.text).toBe(viaDom(xml, prefixes));
        compared++;
      }
    }
    // Every message and SignedInfo fedsim writes takes the one-pass way.
    for (const xml of [...OWN, ...signedInfos]) expect(canonicalOwnXml(xml, ['xs'])).toBeDefined();
    expect(compared).toBeGreaterThan(OWN.length * 4);
  });

  it('names the root and its ID', () => {
    const own = canonicalOwnXml(OWN[0] as string, ['xs']);
    expect(own?.localName).toBe('Response');
    expect(own?.id).toMatch(/^id\d{25}$/);
  });

  it('leaves to the DOM way what the two parsers might read apart, and what saxes refuses', () => {
    for (const xml of [
      '<a>x<!-- c --></a>',
      '<a>line\nbreak</a>',
      '<a b="&#10;"/>',
      '<a><![CDATA[x]]></a>',
      '<?xml version="1.0"?><a/>',
      '<a xmlns="urn:x"><b xmlns=""/></a>',
      '<a><b></a>',
      '<p:a/>',
    ]) {
      expect(canonicalOwnXml(xml, [])).toBeUndefined();
    }
  });
});
