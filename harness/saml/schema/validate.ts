import { compileSchemas } from './compile.js';
import { nsOf } from './dom.js';
import type { PathNode } from './path.js';
import { clark, label, type SchemaSet } from './types.js';
import { type SchemaError, Walk } from './walk.js';

export type { SchemaError } from './walk.js';

export interface SchemaResult {
  ok: boolean;
  /** Each with a path like `/Response/Assertion[1]/Subject/NameID` (`…/@ID` for an attribute). */
  errors: SchemaError[];
}

let compiled: SchemaSet | undefined;

/** The SAML 2.0 protocol/assertion/xmldsig/xenc schemas, compiled once per process on first use. */
export function samlSchemas(): SchemaSet {
  compiled ??= compileSchemas();
  return compiled;
}

/**
 * Validates a SAML protocol message or a bare assertion against the SAML 2.0 XSDs (the root must be
 * a global element of the protocol or assertion schema; metadata is out of scope).
 */
export function validateSamlSchema(doc: Document, schemas: SchemaSet = samlSchemas()): SchemaResult {
  const root = doc.documentElement;
  if (!root) return { ok: false, errors: [{ path: '/', message: 'Document has no root element' }] };
  const walk = new Walk(schemas);
  const ns = nsOf(root);
  const decl = schemas.rootNamespaces.has(ns) ? schemas.elements.get(clark(ns, root.localName)) : undefined;
  const path: PathNode = { parent: undefined, el: root, repeatable: false, depth: 0 };
  if (decl) walk.element(root, decl, path);
  else {
    const name = label(ns, root.localName);
    walk.report(path, `Root element ${name} is not a SAML 2.0 protocol or assertion element`);
  }
  return { ok: walk.errors.length === 0, errors: walk.errors };
}
