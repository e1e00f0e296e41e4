import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { compileSchemas } from '../../harness/saml/schema/compile.js';
import { findXsdDir, loadSchemaDocuments, SCHEMA_FILES } from '../../harness/saml/schema/load.js';
import { validateSamlSchema } from '../../harness/saml/schema/validate.js';
import { parseUntrustedXml } from '../../harness/saml/xml.js';

const xsd = (body: string) =>
  new DOMParser().parseFromString(
    `<schema xmlns="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t">${body}</schema>`,
    'text/xml',
  ).documentElement as Element;

describe('SAML schema: loading and compiling', () => {
  it('finds the vendored XSDs from the compiled location under dist/ too', () => {
    const source = findXsdDir();
    expect(source.endsWith(join('harness', 'saml', 'schema', 'xsd'))).toBe(true);
    const dist = join(source, '..', '..', '..', '..', 'dist', 'harness', 'saml', 'schema');
    expect(findXsdDir(dist)).toBe(source);
  });

  it('compiles the four XSDs into tables of global elements and types', () => {
    const schemas = compileSchemas();
    expect(schemas.elements.has('{urn:oasis:names:tc:SAML:2.0:protocol}Response')).toBe(true);
    expect(schemas.elements.has('{http://www.w3.org/2001/04/xmlenc#}EncryptedKey')).toBe(true);
    expect(schemas.types.get('{http://www.w3.org/2000/09/xmldsig#}CryptoBinary')?.kind).toBe('simple');
  });

  it.each([
    ['a list simple type', '<simpleType name="L"><list itemType="string"/></simpleType>', /simpleType\/list/],
    [
      'a length facet',
      '<simpleType name="L"><restriction base="string"><length value="2"/></restriction></simpleType>',
      /facet length/,
    ],
    [
      'a substitution group',
      '<element name="E" substitutionGroup="t:F"/><element name="F"/>',
      /@substitutionGroup/,
    ],
    [
      'an identity constraint',
      '<element name="E"><complexType/><unique name="u"/></element>',
      /element\/unique/,
    ],
    [
      'a fixed attribute value',
      '<complexType name="C"><attribute name="a" fixed="x"/></complexType>',
      /attribute\/@fixed/,
    ],
  ])('refuses %s instead of ignoring it', (_name, body, message) => {
    const docs = loadSchemaDocuments();
    docs.set(SCHEMA_FILES.protocol, xsd(body));
    expect(() => compileSchemas(docs)).toThrow(message);
  });

  it('refuses a root that is not a SAML protocol or assertion element', () => {
    const doc = parseUntrustedXml(
      '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>',
    );
    expect(validateSamlSchema(doc).errors).toEqual([
      {
        path: '/EntityDescriptor',
        message: expect.stringMatching(/not a SAML 2\.0 protocol or assertion element/),
      },
    ]);
  });
});
