/**
 * The grammar Okta's filter expressions share (Users API `filter`/`search`, the System Log's
 * `filter`): `attr op "value"` comparisons (`attr pr` alone) joined by `and`/`or`, `and` binding
 * tighter, parentheses optional; keywords and operators in any case. A subclass says what one
 * comparison means.
 */
export type Token = { kind: 'word' | 'string' | '(' | ')'; text: string; at: number };
export class FilterSyntaxError extends Error {}

/** The words, quoted strings and parentheses of a filter expression. */
export function tokenize(expr: string): Token[] {
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

export type Predicate<T> = (item: T) => boolean;

/** `and` and `or` of plain predicates, for grammars whose nodes are predicates. */
export const allOf =
  <T>(terms: Predicate<T>[]): Predicate<T> =>
  (item) =>
    terms.every((t) => t(item));
export const anyOf =
  <T>(terms: Predicate<T>[]): Predicate<T> =>
  (item) =>
    terms.some((t) => t(item));

/** `N` is what a parsed expression is: a predicate, or a predicate with a plan to find candidates. */
export abstract class FilterGrammar<N> {
  #pos = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): N {
    if (this.tokens.length === 0) throw new FilterSyntaxError('the expression is empty');
    const predicate = this.#or();
    const rest = this.tokens[this.#pos];
    if (rest) throw new FilterSyntaxError(`unexpected '${rest.text}' at position ${rest.at}`);
    return predicate;
  }

  /** One comparison, its attribute and (lower-cased) operator read; `quoted` reads its value. */
  protected abstract comparison(attr: string, op: string): N;
  /** Terms joined by `and`, and by `or` (at least two). */
  protected abstract all(terms: N[]): N;
  protected abstract any(terms: N[]): N;

  protected quoted(op: string): string {
    return this.#expect('string', `a quoted value after '${op}'`).text;
  }

  #or(): N {
    const terms = [this.#and()];
    while (this.#takeKeyword('or')) terms.push(this.#and());
    return terms.length === 1 ? (terms[0] as N) : this.any(terms);
  }

  #and(): N {
    const terms = [this.#term()];
    while (this.#takeKeyword('and')) terms.push(this.#term());
    return terms.length === 1 ? (terms[0] as N) : this.all(terms);
  }

  #term(): N {
    if (this.tokens[this.#pos]?.kind === '(') {
      this.#pos += 1;
      const inner = this.#or();
      this.#expect(')', "')'");
      return inner;
    }
    const attr = this.#expect('word', 'an attribute').text;
    const op = this.#expect('word', `an operator after '${attr}'`).text.toLowerCase();
    return this.comparison(attr, op);
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
