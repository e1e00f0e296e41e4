import { InvalidArgumentError } from 'commander';
import type { Shard } from '../scenario/select.js';

/**
 * Parsers for option values. Each throws InvalidArgumentError saying what it accepts; commander
 * prefixes the option and the value given, and the CLI reports it as CLI_USAGE.
 */

const DIGITS = /^\d+$/;

/** A decimal integer from `min` to `max`; `why` explains a bound that is not obvious. */
export function integerIn(min: number, max: number, why = '') {
  return (value: string): number => {
    const n = DIGITS.test(value) ? Number(value) : Number.NaN;
    if (n >= min && n <= max) return n;
    throw new InvalidArgumentError(`Expected an integer from ${min} to ${max}${why ? ` (${why})` : ''}.`);
  };
}

/** `i/n` with 1 ≤ i ≤ n, as vitest and Playwright spell a shard. */
export function shard(value: string): Shard {
  const [, i, n] = /^(\d+)\/(\d+)$/.exec(value) ?? [];
  const index = Number(i);
  const count = Number(n);
  if (index >= 1 && index <= count) return { index, count };
  throw new InvalidArgumentError('Expected i/n with 1 <= i <= n, e.g. 1/4.');
}

/** A date and time Date.parse understands (ISO 8601 is the documented form). */
export function isoDate(value: string): Date {
  const t = Date.parse(value);
  if (Number.isNaN(t))
    throw new InvalidArgumentError('Expected an ISO 8601 date, e.g. 2026-01-15T09:00:00Z.');
  return new Date(t);
}

/** A repeatable option: every value given, in order. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** One of `values`, spelled exactly. */
export function oneOf<const T extends string>(values: readonly T[]) {
  return (value: string): T => {
    if ((values as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`Expected one of ${values.join(', ')}.`);
  };
}
