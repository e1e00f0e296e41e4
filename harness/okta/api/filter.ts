import { OKTA_STATUSES, type OktaUser } from '../directory.js';
import { oktaError } from '../errors.js';

/**
 * Okta's `filter` and `search` expressions: `attr op "value"` terms joined by `and`/`or` (`and`
 * binds tighter), parentheses optional. `filter` allows only the attributes Okta's docs list;
 * `search` also allows any `profile.*` attribute, the other dates and `sw`.
 */
export type FilterMode = 'filter' | 'search';

type Token = { kind: 'word' | 'string' | '(' | ')'; text: string; at: number };
type Predicate = (user: OktaUser) => boolean;
type DateAttr = 'created' | 'activated' | 'statusChanged' | 'lastLogin' | 'lastUpdated' | 'passwordChanged';

const FILTER_PROFILE_ATTRS = new Set(['login', 'email', 'firstName', 'lastName']);
const DATE_ATTRS = new Set<string>([
  'created',
  'activated',
  'statusChanged',
  'lastLogin',
  'lastUpdated',
  'passwordChanged',
]);
const DATE_OPS = new Set(['eq', 'gt', 'ge', 'lt', 'le']);
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

class FilterSyntaxError extends Error {}

function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expr.length) {
    const ch = expr.charAt(i);
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch, text: ch, at: i });
      i += 1;
    } else if (ch === '"') {
      const { text, end } = readString(expr, i);
      tokens.push({ kind: 'string', text, at: i });
      i = end;
    } else {
      const word = /^[A-Za-z0-9_.]+/.exec(expr.slice(i));
      if (!word) throw new FilterSyntaxError(`unexpected character '${ch}' at position ${i}`);
      tokens.push({ kind: 'word', text: word[0], at: i });
      i += word[0].length;
    }
  }
  return tokens;
}

/** A double-quoted value; `\"` and `\\` escape. */
function readString(expr: string, start: number): { text: string; end: number } {
  let text = '';
  for (let i = start + 1; i < expr.length; i += 1) {
    const ch = expr.charAt(i);
    if (ch === '"') return { text, end: i + 1 };
    if (ch === '\\' && i + 1 < expr.length) i += 1;
    text += expr.charAt(i);
  }
  throw new FilterSyntaxError(`unterminated string starting at position ${start}`);
}

class Parser {
  #pos = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly mode: FilterMode,
  ) {}

  parse(): Predicate {
    if (this.tokens.length === 0) throw new FilterSyntaxError('the expression is empty');
    const predicate = this.#or();
    const rest = this.tokens[this.#pos];
    if (rest) throw new FilterSyntaxError(`unexpected '${rest.text}' at position ${rest.at}`);
    return predicate;
  }

  #or(): Predicate {
    const terms = [this.#and()];
    while (this.#takeKeyword('or')) terms.push(this.#and());
    return terms.length === 1 ? (terms[0] as Predicate) : (u) => terms.some((t) => t(u));
  }

  #and(): Predicate {
    const terms = [this.#term()];
    while (this.#takeKeyword('and')) terms.push(this.#term());
    return terms.length === 1 ? (terms[0] as Predicate) : (u) => terms.every((t) => t(u));
  }

  #term(): Predicate {
    if (this.tokens[this.#pos]?.kind === '(') {
      this.#pos += 1;
      const inner = this.#or();
      this.#expect(')', "')'");
      return inner;
    }
    const attr = this.#expect('word', 'an attribute').text;
    const op = this.#expect('word', `an operator after '${attr}'`).text.toLowerCase();
    const value = this.#expect('string', `a quoted value after '${op}'`).text;
    return this.#comparison(attr, op, value);
  }

  #comparison(attr: string, op: string, value: string): Predicate {
    if (attr === 'id' || attr === 'status') return this.#exact(attr, op, value);
    if (DATE_ATTRS.has(attr) && (attr === 'lastUpdated' || this.mode === 'search')) {
      return dateComparison(attr as DateAttr, op, value);
    }
    const name = attr.startsWith('profile.') ? attr.slice('profile.'.length) : undefined;
    if (!name || (this.mode === 'filter' && !FILTER_PROFILE_ATTRS.has(name))) {
      throw new FilterSyntaxError(`unsupported attribute '${attr}'`);
    }
    const wanted = value.toLowerCase();
    const actual = (u: OktaUser) => String(u.profile[name] ?? '').toLowerCase();
    if (op === 'eq') return (u) => actual(u) === wanted;
    if (op === 'sw' && this.mode === 'search') return (u) => actual(u).startsWith(wanted);
    throw new FilterSyntaxError(`operator '${op}' is not supported for '${attr}'`);
  }

  #exact(attr: 'id' | 'status', op: string, value: string): Predicate {
    if (op !== 'eq') throw new FilterSyntaxError(`operator '${op}' is not supported for '${attr}'`);
    if (attr === 'id') return (u) => u.id === value;
    if (!(OKTA_STATUSES as readonly string[]).includes(value)) {
      throw new FilterSyntaxError(`'${value}' is not a user status (one of ${OKTA_STATUSES.join(', ')})`);
    }
    return (u) => u.status === value;
  }

  #takeKeyword(keyword: string): boolean {
    const token = this.tokens[this.#pos];
    if (token?.kind !== 'word' || token.text.toLowerCase() !== keyword) return false;
    this.#pos += 1;
    return true;
  }

  #expect(kind: Token['kind'], what: string): Token {
    const token = this.tokens[this.#pos];
    if (token?.kind !== kind) {
      const found = token ? `'${token.text}' at position ${token.at}` : 'the end of the expression';
      throw new FilterSyntaxError(`expected ${what} but found ${found}`);
    }
    this.#pos += 1;
    return token;
  }
}

function dateComparison(attr: DateAttr, op: string, value: string): Predicate {
  if (!DATE_OPS.has(op)) throw new FilterSyntaxError(`operator '${op}' is not supported for '${attr}'`);
  const wanted = Date.parse(value);
  if (!ISO_TIMESTAMP.test(value) || Number.isNaN(wanted)) {
    throw new FilterSyntaxError(`'${value}' is not an ISO 8601 timestamp for '${attr}'`);
  }
  return (u) => {
    const actual = u[attr]?.getTime();
    if (actual === undefined) return false;
    if (op === 'gt') return actual > wanted;
    if (op === 'ge') return actual >= wanted;
    if (op === 'lt') return actual < wanted;
    if (op === 'le') return actual <= wanted;
    return actual === wanted;
  };
}

/** Parses `expr`; an invalid one is Okta's 400 E0000031 with a cause naming the problem. */
export function parseUserFilter(expr: string, mode: FilterMode = 'filter'): Predicate {
  try {
    return new Parser(tokenize(expr), mode).parse();
  } catch (err) {
    if (!(err instanceof FilterSyntaxError)) throw err;
    throw oktaError('OKTA_E0000031', { causes: [`${mode}: ${err.message}`] });
  }
}
