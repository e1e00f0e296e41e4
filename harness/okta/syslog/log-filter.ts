import { allOf, anyOf, FilterGrammar, FilterSyntaxError, tokenize } from '../api/filter-grammar.js';
import { oktaError } from '../errors.js';
import type { LogEvent } from './log-store.js';

type Predicate = (event: LogEvent) => boolean;

/**
 * The System Log's `filter` (Okta's System Log API, "Expression filter"): `attr op "value"` terms
 * on the LogEvent's dotted properties (`eventType`, `outcome.result`, `actor.id`, `target.id`…),
 * `eq`, `sw`, `co` and `pr`, joined by `and`/`or` with optional parentheses. A `target.*` term
 * matches when one target does. Values compare case-sensitively (inferred).
 */
const OPS = new Set(['eq', 'sw', 'co']);

/** The values at a dotted path; through `target` it is one value per target. */
function valuesAt(event: LogEvent, path: string): unknown[] {
  let values: unknown[] = [event];
  for (const key of path.split('.')) {
    values = values.flatMap((v) => {
      const next = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
      return Array.isArray(next) ? next : [next];
    });
  }
  return values.filter((v) => v !== undefined && v !== null);
}

class LogFilterParser extends FilterGrammar<Predicate> {
  protected all = allOf<LogEvent>;
  protected any = anyOf<LogEvent>;

  protected comparison(attr: string, op: string): Predicate {
    if (op === 'pr') return (e) => valuesAt(e, attr).length > 0;
    if (!OPS.has(op)) throw new FilterSyntaxError(`operator '${op}' is not supported`);
    const wanted = this.quoted(op);
    const test = (actual: string) =>
      op === 'eq' ? actual === wanted : op === 'sw' ? actual.startsWith(wanted) : actual.includes(wanted);
    return (e) => valuesAt(e, attr).some((v) => test(String(v)));
  }
}

/** Parses a System Log `filter`; an invalid one is Okta's 400 E0000031. */
export function parseLogFilter(expr: string): Predicate {
  try {
    return new LogFilterParser(tokenize(expr)).parse();
  } catch (err) {
    if (!(err instanceof FilterSyntaxError)) throw err;
    throw oktaError('OKTA_E0000031', { causes: [`filter: ${err.message}`] });
  }
}

/** `q`: every space-separated keyword appears, case-insensitively, somewhere in the event. */
export function keywordMatch(q: string): Predicate {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  return (e) => {
    const text = JSON.stringify(e).toLowerCase();
    return words.every((w) => text.includes(w));
  };
}
