import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import { packageFolder } from '../../core/package-folder.js';

/** The vendored XSDs, in a folder tsc does not copy: found from the package root, in source and in dist. */
export const XSD_RELATIVE_DIR = join('harness', 'saml', 'schema', 'xsd');

export const SCHEMA_FILES = {
  protocol: 'saml-schema-protocol-2.0.xsd',
  assertion: 'saml-schema-assertion-2.0.xsd',
  dsig: 'xmldsig-core-schema.xsd',
  xenc: 'xenc-schema.xsd',
} as const;

/** The vendored XSD folder, walking up from this module (or `from`) to the package root. */
export function findXsdDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  return packageFolder(XSD_RELATIVE_DIR, from);
}

/** Parses one XSD; its DOCTYPE (XMLSchema.dtd, parameter entities) is ignored, nothing is fetched. */
export function parseXsd(path: string): Element {
  const problems: string[] = [];
  const note = (msg: string) => problems.push(msg);
  const doc = new DOMParser({
    errorHandler: { warning: () => {}, error: note, fatalError: note },
  }).parseFromString(readFileSync(path, 'utf8'), 'text/xml');
  if (problems.length > 0 || !doc.documentElement) {
    throw new Error(`cannot parse ${path}: ${problems[0] ?? 'no root element'}`);
  }
  return doc.documentElement;
}

/** Every vendored schema document, keyed by file name (imports resolve by `schemaLocation`). */
export function loadSchemaDocuments(dir: string = findXsdDir()): Map<string, Element> {
  const out = new Map<string, Element>();
  for (const file of Object.values(SCHEMA_FILES)) out.set(file, parseXsd(join(dir, file)));
  return out;
}
