import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../harness/core/clock.js';
import { FedsimError, isRefusal } from '../../harness/core/errors.js';
import { readInboundXml } from '../../harness/saml/message.js';
import { ServiceProvider } from '../../harness/saml/sp.js';
import { MAX_XML_DEPTH, MAX_XML_ELEMENTS } from '../../harness/saml/well-formed.js';
import { parseUntrustedXml } from '../../harness/saml/xml.js';
import { b64 } from './checks/helpers.js';
import { issue, NOW, profile } from './helpers.js';

const LEGIT = 'sarah@org1.example';

/** What the ACS does with these bytes: the NameID it accepts, or the code it refuses with. */
function acs(xml: string): string {
  const sp = new ServiceProvider(() => profile(), new FixedClock(NOW));
  try {
    return `accepted ${sp.accept(b64(xml)).assertion.nameId}`;
  } catch (err) {
    expect(err).toBeInstanceOf(FedsimError);
    return (err as FedsimError).code;
  }
}

/** `levels` elements nested inside the signed Response, right after its Issuer. */
const nested = (levels: number, xml = issue().xml) =>
  xml.replace('</saml2:Issuer>', `</saml2:Issuer>${'<a>'.repeat(levels)}${'</a>'.repeat(levels)}`);

describe('deep nesting is refused before any DOM or canonicalisation work', () => {
  it(`parses ${MAX_XML_DEPTH} levels and refuses ${MAX_XML_DEPTH + 1} with SAML_XML_TOO_DEEP`, () => {
    const doc = (n: number) => `${'<a>'.repeat(n)}${'</a>'.repeat(n)}`;
    expect(parseUntrustedXml(doc(MAX_XML_DEPTH)).documentElement?.localName).toBe('a');
    expect(() => parseUntrustedXml(doc(MAX_XML_DEPTH + 1))).toThrow(
      expect.objectContaining({ code: 'SAML_XML_TOO_DEEP' }),
    );
  });

  it('refuses the reported ~140 kB response of 19,000 levels, and 10,000 levels, at the ACS', () => {
    const huge = nested(19_000);
    expect(huge.length).toBeGreaterThan(140_000);
    expect(acs(huge)).toBe('SAML_XML_TOO_DEEP');
    expect(acs(nested(10_000))).toBe('SAML_XML_TOO_DEEP');
  });

  it('counts depth from the document root: a signed response stays within the limit (control)', () => {
    expect(acs(issue().xml)).toBe(`accepted ${LEGIT}`);
    // Inside the Response (depth 1), 62 more levels still parse; the signature then fails.
    expect(acs(nested(MAX_XML_DEPTH - 2))).toBe('SAML_SIGNATURE_INVALID');
    expect(acs(nested(MAX_XML_DEPTH))).toBe('SAML_XML_TOO_DEEP');
  });
});

describe('an element count beyond what any response needs is refused before the DOM is built', () => {
  const siblings = (n: number) =>
    issue().xml.replace('</saml2:Issuer>', `</saml2:Issuer>${'<a/>'.repeat(n)}`);

  it(`refuses more than ${MAX_XML_ELEMENTS} elements with SAML_XML_TOO_LARGE, under the byte limit`, () => {
    const doc = siblings(MAX_XML_ELEMENTS);
    expect(doc.length).toBeLessThan(256 * 1024);
    expect(acs(doc)).toBe('SAML_XML_TOO_LARGE');
  });

  it('reads a response with a few thousand elements (control: the signature then fails)', () => {
    expect(acs(siblings(MAX_XML_ELEMENTS / 2))).toBe('SAML_SIGNATURE_INVALID');
  });
});

describe('XML that is not well-formed is refused with SAML_XML_INVALID, never repaired', () => {
  const legit = issue().xml;
  const decl = '<?xml version="1.0" encoding="UTF-8"?>';
  const cases: [string, string][] = [
    ['text before the root element', `junk${legit}`],
    ['text after the root element', `${legit}junk`],
    ['an XML declaration after whitespace', ` ${decl}${legit}`],
    ['two XML declarations', `${decl}${decl}${legit}`],
    ['a CDATA section after the root', `${legit}<![CDATA[x]]>`],
    ['a CDATA section before the root', `<![CDATA[x]]>${legit}`],
    ['encoding="UTF-16" declared on UTF-8 bytes', `<?xml version="1.0" encoding="UTF-16"?>${legit}`],
    ['XML version 1.1', `<?xml version="1.1"?>${legit}`],
    ['an entity reference after the root', `${legit}&amp;`],
    ['mismatched end tags', legit.replace('</saml2:Audience>', '</saml2:AudienceX>')],
    ['an extra end tag', `${legit}</saml2p:Response>`],
    ['an unbound namespace prefix', legit.replace('</saml2:Issuer>', '</saml2:Issuer><u:x/>')],
    ['a control character', legit.replace(`>${LEGIT}<`, `>${LEGIT}\u0001<`)],
    ['a "<" inside an attribute value', legit.replace('Version="2.0"', 'Version="2.0<"')],
  ];

  it.each(cases)('%s', (_, xml) => {
    expect(acs(xml)).toBe('SAML_XML_INVALID');
  });

  it('names the problem instead of leaking the DOM\'s "Hierarchy request error"', () => {
    const messages = cases.map(([, xml]) => {
      try {
        parseUntrustedXml(xml);
        return 'parsed';
      } catch (err) {
        return (err as FedsimError).message;
      }
    });
    expect(messages.filter((m) => /Hierarchy request error|^parsed$/.test(m))).toEqual([]);
  });

  it('accepts what is allowed around the root: a declaration first, comments, whitespace (controls)', () => {
    expect(acs(`${decl}\n${legit}\n`)).toBe(`accepted ${LEGIT}`);
    expect(acs(`<?xml version="1.0" encoding="utf-8"?><!-- c -->${legit}<!-- c -->`)).toBe(
      `accepted ${LEGIT}`,
    );
  });
});

describe('a Reference without the enveloped-signature transform is refused by name, never a TypeError', () => {
  const transforms = /<ds:Transforms>[\s\S]*?<\/ds:Transforms>/;
  const enveloped = '<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>';
  const signedResponse = issue({}, { signAssertion: false }).xml;
  const cases: [string, string][] = [
    ['no Transforms (legal XML-DSig)', signedResponse.replace(transforms, '')],
    ['an empty Transforms', signedResponse.replace(transforms, '<ds:Transforms></ds:Transforms>')],
    ['exclusive C14N only', signedResponse.replace(enveloped, '')],
  ];

  it.each(cases)('%s: SAML_SIGNATURE_INVALID, reason malformed', (_, xml) => {
    expect(xml).not.toBe(signedResponse);
    const { response } = readInboundXml(xml, profile()).signatures;
    expect(response).toMatchObject({ present: true, valid: false, reason: 'malformed' });
    expect(response.error).not.toMatch(/Cannot read properties/);
    expect(acs(xml)).toBe('SAML_SIGNATURE_INVALID');
  });

  it('leaves the enveloped transform alone to the verifier (control: not refused as malformed)', () => {
    const exclusive =
      /<ds:Transform Algorithm="http:\/\/www\.w3\.org\/2001\/10\/xml-exc-c14n#">[\s\S]*?<\/ds:Transform>/;
    const { response } = readInboundXml(signedResponse.replace(exclusive, ''), profile()).signatures;
    expect(response.reason).toBe('signature-mismatch');
  });
});

describe('only a deliberate refusal of a library becomes an input code', () => {
  it('a plain Error is a refusal; a TypeError or RangeError is a crash (INTERNAL at the boundary)', () => {
    expect(isRefusal(new Error('unexpected close tag'))).toBe(true);
    expect(isRefusal(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
    expect(isRefusal(new RangeError('Maximum call stack size exceeded'))).toBe(false);
    expect(isRefusal(new FedsimError('SAML_XML_INVALID', 'x'))).toBe(false);
  });
});
