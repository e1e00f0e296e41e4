import { type SaxesAttributeNS, SaxesParser, type SaxesTagNS } from 'saxes';

/**
 * Exclusive C14N of a whole document fedsim wrote itself (the messages and SignedInfo it signs),
 * in one saxes pass instead of an @xmldom/xmldom DOM plus xml-crypto's canonicaliser: the DOM
 * costs ~4× the pass, and signing needs only the bytes. It reproduces xml-crypto's
 * `ExclusiveCanonicalization.process(documentElement, { inclusiveNamespacesPrefixList })` byte
 * for byte (test/saml/c14n-own.test.ts compares them), including its choices: namespaces sorted
 * with `localeCompare`, a listed prefix rendered where an attribute declares it. Anything outside
 * the plain shape fedsim writes (whitespace or character references the two parsers might
 * normalise apart, comments, CDATA, processing instructions, a DOCTYPE, InclusiveNamespaces read
 * from a CanonicalizationMethod, XML saxes refuses) returns undefined: the caller takes the DOM way.
 */

interface Binding {
  prefix: string;
  uri: string;
}

interface Open {
  scope: Binding[];
  defaultNs: string;
  local: string;
}

const OUTSIDE_PLAIN_SHAPE = /[\t\n\r]|&#|<!|<\?/;
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };
const ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '"': '&quot;',
  '\r': '&#xD;',
  '\n': '&#xA;',
  '\t': '&#x9;',
};
const TEXT_SPECIAL = /[&<>\r]/g;
const ATTR_SPECIAL = /[&<"\r\n\t]/g;
const escapeText = (s: string) =>
  s.search(TEXT_SPECIAL) < 0 ? s : s.replace(TEXT_SPECIAL, (c) => TEXT_ESCAPES[c] as string);
const escapeAttr = (s: string) =>
  s.search(ATTR_SPECIAL) < 0 ? s : s.replace(ATTR_SPECIAL, (c) => ATTR_ESCAPES[c] as string);

/** The nearest binding of `prefix` is to `uri` (bindings are pushed outermost first). */
function inScope(scope: readonly Binding[], prefix: string, uri: string): boolean {
  for (let i = scope.length - 1; i >= 0; i--) {
    const b = scope[i] as Binding;
    if (b.prefix === prefix) return b.uri === uri;
  }
  return false;
}

const byPrefix = (a: Binding, b: Binding) => (a.prefix === b.prefix ? 0 : a.prefix.localeCompare(b.prefix));

/** xml-crypto's attribute order: no namespace first, then namespace URI + local name. */
function byName(a: SaxesAttributeNS, b: SaxesAttributeNS): number {
  if (!a.uri !== !b.uri) return a.uri ? 1 : -1;
  const left = a.uri + a.local;
  const right = b.uri + b.local;
  return left === right ? 0 : left < right ? -1 : 1;
}

/** The start tag's namespace declarations and attributes as exclusive C14N renders them. */
function startTag(tag: SaxesTagNS, parent: Open, prefixes: readonly string[]): { text: string; open: Open } {
  // Most elements declare nothing new: they share their parent's scope.
  let scope = parent.scope;
  const declared: Binding[] = [];
  const bind = (prefix: string, uri: string) => {
    if (scope === parent.scope) scope = scope.slice();
    declared.push({ prefix, uri });
    scope.push({ prefix, uri });
  };
  let defaultNs = parent.defaultNs;
  let text = `<${tag.name}`;
  if (tag.prefix) {
    if (!inScope(scope, tag.prefix, tag.uri)) bind(tag.prefix, tag.uri);
  } else if (parent.defaultNs !== tag.uri) {
    defaultNs = tag.uri;
    text += ` xmlns="${tag.uri}"`;
  }
  const plain: SaxesAttributeNS[] = [];
  for (const name in tag.attributes) {
    const a = tag.attributes[name] as SaxesAttributeNS;
    if (!name.startsWith('xmlns')) plain.push(a);
    if (!a.prefix) continue;
    if (!inScope(scope, a.local, a.value) && prefixes.includes(a.local)) bind(a.local, a.value);
    if (!inScope(scope, a.prefix, a.uri) && a.prefix !== 'xmlns' && a.prefix !== 'xml') bind(a.prefix, a.uri);
  }
  if (declared.length > 1) declared.sort(byPrefix);
  for (const d of declared) text += ` xmlns:${d.prefix}="${d.uri}"`;
  if (plain.length > 1) plain.sort(byName);
  for (const a of plain) text += ` ${a.name}="${escapeAttr(a.value)}"`;
  return { text: `${text}>`, open: { scope, defaultNs, local: tag.local } };
}

/** The root's local name and ID, and the document's canonical form; undefined outside the plain shape. */
export function canonicalOwnXml(
  xml: string,
  prefixes: readonly string[],
): { localName: string; id: string | undefined; text: string } | undefined {
  if (OUTSIDE_PLAIN_SHAPE.test(xml)) return undefined;
  const out: string[] = [];
  const stack: Open[] = [{ scope: [], defaultNs: '', local: '' }];
  let root: { localName: string; id: string | undefined } | undefined;
  let outside = false;
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1] as Open;
    // xml-crypto reads an empty prefix list from the root's CanonicalizationMethod instead.
    if (!prefixes.length && tag.local === 'InclusiveNamespaces' && parent.local === 'CanonicalizationMethod')
      outside = true;
    // xml-crypto writes xmlns="null" where a default namespace is undone.
    if (!tag.prefix && !tag.uri && parent.defaultNs) outside = true;
    root ??= { localName: tag.local, id: tag.attributes.ID?.value };
    const { text, open } = startTag(tag, parent, prefixes);
    out.push(text);
    stack.push(open);
  });
  parser.on('closetag', (tag) => {
    out.push(`</${tag.name}>`);
    stack.pop();
  });
  parser.on('text', (text) => {
    out.push(escapeText(text));
  });
  try {
    parser.write(xml).close();
  } catch {
    return undefined;
  }
  return root && !outside ? { ...root, text: out.join('') } : undefined;
}
