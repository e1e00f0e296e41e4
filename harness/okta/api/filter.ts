import { OKTA_STATUSES, type OktaUser } from '../directory.js';
import { oktaError } from '../errors.js';
import { isIndexedField, type UserIndex } from '../user-index.js';
import { FilterGrammar, FilterSyntaxError, type Token, tokenize } from './filter-grammar.js';
import { type AttrContext, DATE_ATTRS, isPresent, isSearchable, userAttribute } from './user-attrs.js';

/**
 * Okta's `filter` and `search` expressions: `attr op "value"` terms (`attr pr` alone) joined by
 * `and`/`or` (`and` binds tighter), parentheses optional. As the listUsers parameters describe
 * them (management OpenAPI spec, GET /api/v1/users): property names are case-sensitive and
 * operators are not. `filter` takes `eq` on `id`, `status`, `profile.login/email/firstName/
 * lastName` and `lastUpdated` (which also takes `gt`/`ge`/`lt`/`le`), and compares values
 * case-sensitively. `search` takes any profile attribute, `id`, `status`, `type.id` and the dates,
 * with `eq`, `sw`, `pr`, `gt`/`ge`/`lt`/`le` and `co` (only on the four names below), comparing
 * values case-insensitively but minding diacritics. An array attribute matches when one element does.
 */
export type FilterMode = 'filter' | 'search';

type Predicate = (user: OktaUser) => boolean;

/**
 * A parsed expression: the test every listed user passes and, when an index can say, the users
 * that may pass it (a superset: the test still decides). Without candidates the list is scanned.
 */
export interface UserQuery {
  test: Predicate;
  candidates?: OktaUser[];
}

/** `and`: any term's candidates will do, the fewest are cheapest; `or`: every term needs some. */
export function allOfQueries(terms: UserQuery[]): UserQuery {
  const known = terms.flatMap((t) => (t.candidates ? [t.candidates] : []));
  const candidates = known.sort((a, b) => a.length - b.length)[0];
  return { test: (u) => terms.every((t) => t.test(u)), candidates };
}

function anyOfQueries(terms: UserQuery[]): UserQuery {
  const test: Predicate = (u) => terms.some((t) => t.test(u));
  if (!terms.every((t) => t.candidates)) return { test };
  return { test, candidates: [...new Set(terms.flatMap((t) => t.candidates ?? []))] };
}

const FILTER_ATTRS = new Set([
  'id',
  'status',
  'lastUpdated',
  'profile.login',
  'profile.email',
  'profile.firstName',
  'profile.lastName',
]);
const CONTAINS_ATTRS = new Set(['profile.login', 'profile.email', 'profile.firstName', 'profile.lastName']);
const ORDER_OPS = new Set(['gt', 'ge', 'lt', 'le']);
const SEARCH_STRING_OPS = new Set(['eq', 'sw', 'co', ...ORDER_OPS]);
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

class Parser extends FilterGrammar<UserQuery> {
  protected all = allOfQueries;
  protected any = anyOfQueries;

  constructor(
    tokens: Token[],
    private readonly mode: FilterMode,
    private readonly ctx: AttrContext,
    private readonly index: UserIndex<OktaUser> | undefined,
  ) {
    super(tokens);
  }

  protected comparison(attr: string, op: string): UserQuery {
    this.#checkAttribute(attr);
    if (op === 'pr') return { test: this.#present(attr) };
    const value = this.quoted(op);
    if (DATE_ATTRS.has(attr)) return { test: this.#date(attr, op, value) };
    const wanted = attr === 'status' ? this.#status(value) : value;
    return { test: this.#string(attr, op, wanted), candidates: this.#candidates(attr, op, wanted) };
  }

  /** What the index knows: a status, or eq/sw/co on the login, email and names (case folded). */
  #candidates(attr: string, op: string, value: string): OktaUser[] | undefined {
    if (!this.index) return undefined;
    if (attr === 'status' && op === 'eq') return this.index.statusCandidates(value);
    const field = attr.slice('profile.'.length);
    if (!attr.startsWith('profile.') || !isIndexedField(field)) return undefined;
    if (op === 'eq' || op === 'sw' || op === 'co') return this.index.candidates(field, op, value);
    return undefined;
  }

  #checkAttribute(attr: string): void {
    const known = this.mode === 'filter' ? FILTER_ATTRS.has(attr) : isSearchable(attr);
    if (!known) throw new FilterSyntaxError(`unsupported attribute '${attr}'`);
  }

  #present(attr: string): Predicate {
    if (this.mode === 'filter') throw unsupported('pr', attr);
    return (u) => isPresent(userAttribute(u, attr, this.ctx));
  }

  #date(attr: string, op: string, value: string): Predicate {
    const orderAllowed = this.mode === 'search' || attr === 'lastUpdated';
    if (op !== 'eq' && !(orderAllowed && ORDER_OPS.has(op))) throw unsupported(op, attr);
    const wanted = Date.parse(value);
    if (!ISO_TIMESTAMP.test(value) || Number.isNaN(wanted)) {
      throw new FilterSyntaxError(`'${value}' is not an ISO 8601 timestamp for '${attr}'`);
    }
    return (u) => {
      const actual = userAttribute(u, attr, this.ctx);
      return typeof actual === 'number' && compare(op, actual, wanted);
    };
  }

  /** A status value must name a status; `search` takes it in any case. */
  #status(value: string): string {
    const status = this.mode === 'search' ? value.toUpperCase() : value;
    if (!(OKTA_STATUSES as readonly string[]).includes(status)) {
      throw new FilterSyntaxError(`'${value}' is not a user status (one of ${OKTA_STATUSES.join(', ')})`);
    }
    return status;
  }

  #string(attr: string, op: string, value: string): Predicate {
    const search = this.mode === 'search';
    const allowed = search
      ? SEARCH_STRING_OPS.has(op) && (op !== 'co' || CONTAINS_ATTRS.has(attr))
      : op === 'eq';
    if (!allowed) throw unsupported(op, attr);
    const fold = (text: string) => (search ? text.toLowerCase() : text);
    const wanted = fold(value);
    const test = (actual: string): boolean => {
      if (op === 'sw') return actual.startsWith(wanted);
      if (op === 'co') return actual.includes(wanted);
      return compare(op, actual, wanted);
    };
    return (u) => {
      const actual = userAttribute(u, attr, this.ctx);
      const values = Array.isArray(actual) ? actual : [actual];
      return values.some((v) => isPresent(v) && test(fold(String(v))));
    };
  }
}

function unsupported(op: string, attr: string): FilterSyntaxError {
  return new FilterSyntaxError(`operator '${op}' is not supported for '${attr}'`);
}

/** `eq` and the order operators; strings compare by code unit (status order is inferred). */
function compare<T extends string | number>(op: string, actual: T, wanted: T): boolean {
  if (op === 'gt') return actual > wanted;
  if (op === 'ge') return actual >= wanted;
  if (op === 'lt') return actual < wanted;
  if (op === 'le') return actual <= wanted;
  return actual === wanted;
}

/**
 * Parses `expr`; an invalid one is Okta's 400 E0000031 with a cause naming the problem. With the
 * directory's index the query also names its candidates.
 */
export function parseUserFilter(
  expr: string,
  mode: FilterMode,
  ctx: AttrContext,
  index?: UserIndex<OktaUser>,
): UserQuery {
  try {
    return new Parser(tokenize(expr), mode, ctx, index).parse();
  } catch (err) {
    if (!(err instanceof FilterSyntaxError)) throw err;
    throw oktaError('OKTA_E0000031', { causes: [`${mode}: ${err.message}`] });
  }
}
