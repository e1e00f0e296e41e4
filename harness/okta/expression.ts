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

function tokenize(template: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < template.length) {
    if (/^\s*$/.test(template.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(template);
    if (!m) throw invalid(template, `unexpected character at position ${start + 1}`);
    // A number literal (String.substring(x, 0, 5)) is read as its string form, as EL coerces it.
    tokens.push(m[1] ? `"${(m[2] ?? '').replace(/\\(.)/g, '$1')}` : m[3] ? `"${m[3]}` : (m[4] ?? m[5] ?? ''));
  }
  return tokens;
}

function invalid(template: string, why: string): FedsimError {
  return new FedsimError('IDP_TEMPLATE_INVALID', `IdP username template "${template}" is invalid: ${why}`, {
    actual: template,
    hint: `Use idpuser.<attr> (${IDP_USER_ATTRIBUTES.join(', ')}) and String.${Object.keys(FUNCTIONS).join('/')}.`,
  });
}

function parse(template: string): Node {
  const tokens = tokenize(template);
  let i = 0;
  const primary = (): Node => {
    const t = tokens[i++];
    if (t === undefined) throw invalid(template, 'unexpected end');
    if (t.startsWith('"')) return { lit: t.slice(1) };
    if (t.startsWith('idpuser.')) {
      const attr = t.slice('idpuser.'.length);
      if (!(IDP_USER_ATTRIBUTES as readonly string[]).includes(attr))
        throw invalid(template, `unknown attribute idpuser.${attr}`);
      return { attr };
    }
    if (t.startsWith('String.')) {
      const name = t.slice('String.'.length);
      const spec = FUNCTIONS[name];
      if (!spec) throw invalid(template, `unknown function ${t}`);
      if (tokens[i++] !== '(') throw invalid(template, `expected ( after ${t}`);
      const args: Node[] = [];
      while (tokens[i] !== ')') {
        args.push(expr());
        if (tokens[i] === ',') i++;
        else if (tokens[i] !== ')') throw invalid(template, `expected , or ) in ${t}(…)`);
      }
      i++;
      if (args.length < spec.arity[0] || args.length > spec.arity[1])
        throw invalid(template, `${t} takes ${spec.arity[0]}–${spec.arity[1]} arguments, got ${args.length}`);
      return { call: name, args };
    }
    throw invalid(template, `unexpected "${t}"`);
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
  if (i !== tokens.length) throw invalid(template, `unexpected "${tokens[i]}"`);
  return root;
}

function evaluate(node: Node, user: IdpUser): string {
  if ('lit' in node) return node.lit;
  if ('attr' in node) return user[node.attr as keyof IdpUser] ?? '';
  if ('concat' in node) return node.concat.map((n) => evaluate(n, user)).join('');
  const spec = FUNCTIONS[node.call] as (typeof FUNCTIONS)[string];
  return spec.fn(...node.args.map((a) => evaluate(a, user)));
}

export type CompiledTemplate = (user: IdpUser) => string;

export function compileTemplate(template: string): CompiledTemplate {
  const ast = parse(template);
  return (user) => evaluate(ast, user);
}
