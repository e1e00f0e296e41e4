import { SaxesParser } from 'saxes';
import { FedsimError, isRefusal } from '../core/errors.js';

/**
 * How deep an inbound SAML message may nest. Okta's deepest path (Response › Assertion ›
 * AttributeStatement › Attribute › AttributeValue, or Signature › SignedInfo › Reference ›
 * Transforms › Transform › InclusiveNamespaces) is 6–7 levels; 64 leaves room for any extension
 * and bounds every depth-proportional cost (namespace lookups, canonicalisation) by a constant.
 */
export const MAX_XML_DEPTH = 64;

/**
 * How many elements an inbound SAML message may have. A response with a thousand group values
 * has a few thousand; 256 kB of empty elements has 65,000, which xmldom takes about a second to
 * build (measured, `npm run bench -- --hostile`).
 */
export const MAX_XML_ELEMENTS = 10_000;

const invalid = (problem: string) =>
  new FedsimError('SAML_XML_INVALID', `SAML message is not well-formed XML: ${problem}`, {
    expected: 'one well-formed XML 1.0 document in UTF-8',
    actual: problem,
    hint: 'Send the XML the IdP produced; something truncated, rewrote or padded it.',
  });

function tooMany(): FedsimError {
  return new FedsimError('SAML_XML_TOO_LARGE', `SAML message has more than ${MAX_XML_ELEMENTS} elements`, {
    expected: `≤ ${MAX_XML_ELEMENTS} elements`,
    actual: `more than ${MAX_XML_ELEMENTS}`,
  });
}

function tooDeep(): FedsimError {
  return new FedsimError(
    'SAML_XML_TOO_DEEP',
    `SAML message nests elements deeper than ${MAX_XML_DEPTH} levels`,
    {
      expected: `≤ ${MAX_XML_DEPTH} levels of elements`,
      actual: `more than ${MAX_XML_DEPTH}`,
      hint: 'A real SAML Response nests about 7 levels; this one is built to exhaust the parser.',
    },
  );
}

/**
 * A strict, linear pass over XML from outside before any DOM is built: @xmldom/xmldom repairs
 * what it should refuse (text or CDATA outside the root, a late or repeated XML declaration,
 * mismatched end tags, unbound prefixes, disallowed characters), and its cost, like that of
 * canonicalisation, grows with depth (and faster than the element count). The pass stops at the
 * first problem, the first element deeper than MAX_XML_DEPTH or past MAX_XML_ELEMENTS, so no
 * input does more than one scan's work here.
 */
export function assertWellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let depth = 0;
  let elements = 0;
  parser.on('opentagstart', () => {
    depth++;
    elements++;
    if (depth > MAX_XML_DEPTH) throw tooDeep();
    if (elements > MAX_XML_ELEMENTS) throw tooMany();
  });
  parser.on('closetag', () => {
    depth--;
  });
  parser.on('xmldecl', (decl) => {
    if (decl.version !== '1.0') throw invalid(`XML version ${decl.version ?? '(none)'} (only 1.0)`);
    // The bytes were decoded as UTF-8 (decodeBase64Message): any other declared encoding is a lie.
    if (decl.encoding !== undefined && decl.encoding.toUpperCase() !== 'UTF-8') {
      throw invalid(`declared encoding ${decl.encoding} on UTF-8 bytes`);
    }
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    throw isRefusal(err) ? invalid(err.message) : err;
  }
}
