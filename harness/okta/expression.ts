import { FedsimError } from '../core/errors.js';

/**
 * The subset of Okta Expression Language an IdP username template uses: `idpuser.<attr>`,
 * string literals, `+` concatenation and the `String.*` functions below. Templates are compiled
 * when the world is built, so an unknown function or attribute is a config error, not a failed
 * sign-in.
 */
export const IDP_USER_ATTRIBUTES = [
  'subjectNameId',
  'subjectNameFormat',
  'subjectNameQualifier',
  'email',
  'firstName',
  'lastName',
  'displayName',
  'mobilePhone',
] as const;

export type IdpUser = Partial<Record<(typeof IDP_USER_ATTRIBUTES)[number], string>>;

const FUNCTIONS: Record<string, { arity: [number, number]; fn: (...a: string[]) => string }> = {
  substringBefore: { arity: [2, 2], fn: (s, sub) => (s.includes(sub) ? s.slice(0, s.indexOf(sub)) : s) },
  substringAfter: {
    arity: [2, 2],
    fn: (s, sub) => (s.includes(sub) ? s.slice(s.indexOf(sub) + sub.length) : ''),
  },
  toLowerCase: { arity: [1, 1], fn: (s) => s.toLowerCase() },
  toUpperCase: { arity: [1, 1], fn: (s) => s.toUpperCase() },
  trim: { arity: [1, 1], fn: (s) => s.trim() },
  replace: { arity: [3, 3], fn: (s, a, b) => s.split(a).join(b) },
  substring: {
    arity: [2, 3],
    fn: (s, a, b) => s.substring(Number(a), b === undefined ? undefined : Number(b)),
  },
  join: { arity: [2, 99], fn: (sep, ...parts) => parts.join(sep) },
  append: { arity: [2, 2], fn: (a, b) => a + b },
};

type Node = { lit: string } | { attr: string } | { call: string; args: Node[] } | { concat: Node[] };

const TOKEN = /\s*(?:(")((?:[^"\\]|\\.)*)"|(\d+)(?![\w.])|([A-Za-z_][\w.]*)|([(),+]))/y;

function tokenize(template: string, invalid: (why: string) => FedsimError): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < template.length) {
    if (/^\s*$/.test(template.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(template);
    if (!m) throw invalid(`unexpected character at position ${start + 1}`);
    // A number literal (String.substring(x, 0, 5)) is read as its string form, as EL coerces it.
    tokens.push(m[1] ? `"${(m[2] ?? '').replace(/\\(.)/g, '$1')}` : m[3] ? `"${m[3]}` : (m[4] ?? m[5] ?? ''));
  }
  return tokens;
}

/** What an expression may read: `<prefix>.<attr>`, and the error it fails with. */
export interface Vocabulary {
  prefix: string;
  attributes: readonly string[];
  code: 'IDP_TEMPLATE_INVALID' | 'APP_USERNAME_EXPRESSION_INVALID' | 'APP_ATTRIBUTE_STATEMENT_INVALID';
  label: string;
}

const IDP_VOCABULARY: Vocabulary = {
  prefix: 'idpuser',
  attributes: IDP_USER_ATTRIBUTES,
  code: 'IDP_TEMPLATE_INVALID',
  label: 'IdP username template',
};

function parse(template: string, vocabulary: Vocabulary): Node {
  const { prefix, attributes, code, label } = vocabulary;
  const invalid = (why: string) =>
    new FedsimError(code, `${label} "${template}" is invalid: ${why}`, {
      actual: template,
      hint: `Use ${prefix}.<attr> (${attributes.join(', ')}) and String.${Object.keys(FUNCTIONS).join('/')}.`,
    });
  const tokens = tokenize(template, invalid);
  let i = 0;
  const primary = (): Node => {
    const t = tokens[i++];
    if (t === undefined) throw invalid('unexpected end');
    if (t.startsWith('"')) return { lit: t.slice(1) };
    if (t.startsWith(`${prefix}.`)) {
      const attr = t.slice(prefix.length + 1);
      if (!attributes.includes(attr)) throw invalid(`unknown attribute ${prefix}.${attr}`);
      return { attr };
    }
    if (t.startsWith('String.')) {
      const name = t.slice('String.'.length);
      const spec = FUNCTIONS[name];
      if (!spec) throw invalid(`unknown function ${t}`);
      if (tokens[i++] !== '(') throw invalid(`expected ( after ${t}`);
      const args: Node[] = [];
      while (tokens[i] !== ')') {
        args.push(expr());
        if (tokens[i] === ',') i++;
        else if (tokens[i] !== ')') throw invalid(`expected , or ) in ${t}(…)`);
      }
      i++;
      if (args.length < spec.arity[0] || args.length > spec.arity[1])
        throw invalid(`${t} takes ${spec.arity[0]}–${spec.arity[1]} arguments, got ${args.length}`);
      return { call: name, args };
    }
    throw invalid(`unexpected "${t}"`);
  };
  const expr = (): Node => {
    const parts = [primary()];
    while (tokens[i] === '+') {
      i++;
      parts.push(primary());
    }
    return parts.length === 1 ? (parts[0] as Node) : { concat: parts };
  };
  const root = expr();
  if (i !== tokens.length) throw invalid(`unexpected "${tokens[i]}"`);
  return root;
}

type Values = Partial<Record<string, string>>;

function evaluate(node: Node, user: Values): string {
  if ('lit' in node) return node.lit;
  if ('attr' in node) return user[node.attr] ?? '';
  if ('concat' in node) return node.concat.map((n) => evaluate(n, user)).join('');
  const spec = FUNCTIONS[node.call] as (typeof FUNCTIONS)[string];
  return spec.fn(...node.args.map((a) => evaluate(a, user)));
}

export type CompiledTemplate = (user: IdpUser) => string;

/** Compiles an expression over `idpuser.*` (default) or another vocabulary, e.g. `user.*`. */
export function compileTemplate(template: string, vocabulary = IDP_VOCABULARY): CompiledTemplate {
  const ast = parse(template, vocabulary);
  return (user) => evaluate(ast, user);
}
