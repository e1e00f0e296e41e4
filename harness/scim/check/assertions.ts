import { ERROR_SCHEMA } from '../errors.js';
import { LIST_SCHEMA } from '../resource.js';
import type { Answer } from './probe.js';

/** The small vocabulary checks are written in: each returns what differed, or undefined. */
export type Problem = string | undefined;

/** The value at `Resources[0].name.givenName`-style paths. */
export function at(body: unknown, path: string): unknown {
  let value = body;
  for (const key of path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function status(answer: Answer, ...expected: number[]): Problem {
  if (expected.includes(answer.status)) return undefined;
  const seen =
    answer.status === 0 ? `no answer (${answer.error ?? 'connection failed'})` : `${answer.status}`;
  return `status ${seen}, expected ${expected.join(' or ')}`;
}

/** Present and not empty: Runscope's `not_empty` (false and 0 are values). */
export function present(body: unknown, ...paths: string[]): Problem {
  const missing = paths.filter((p) => {
    const v = at(body, p);
    return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  });
  return missing.length ? `${missing.join(', ')} missing or empty` : undefined;
}

export function equals(body: unknown, path: string, expected: unknown): Problem {
  const actual = at(body, path);
  return actual === expected
    ? undefined
    : `${path} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`;
}

/** A JSON number that is an integer, as RFC 7644 §3.4.2 types the ListResponse counts. */
export function integer(body: unknown, ...paths: string[]): Problem {
  const wrong = paths.filter((p) => !Number.isInteger(at(body, p)));
  if (!wrong.length) return undefined;
  return wrong.map((p) => `${p} is ${JSON.stringify(at(body, p))}, expected an integer`).join('; ');
}

export function hasSchema(body: unknown, urn: string): Problem {
  const schemas = at(body, 'schemas');
  return Array.isArray(schemas) && schemas.includes(urn)
    ? undefined
    : `schemas is ${JSON.stringify(schemas)}, expected it to contain ${urn}`;
}

export const isList = (body: unknown): Problem => hasSchema(body, LIST_SCHEMA);

/** An RFC 7644 §3.12 error body; `status` is compared loosely (Runscope compares text). */
export function isError(body: unknown, code: number): Problem[] {
  const s = at(body, 'status');
  return [
    hasSchema(body, ERROR_SCHEMA),
    present(body, 'detail'),
    String(s) === String(code) ? undefined : `status in the body is ${JSON.stringify(s)}, expected "${code}"`,
  ];
}

/** The problems found, without the checks that passed. */
export function problems(...found: (Problem | Problem[])[]): string[] {
  return found.flat().filter((p): p is string => p !== undefined);
}

/** A failing check stops at the status when the answer is not what the rest assumes. */
export function statusFirst(
  answer: Answer,
  expected: number[],
  rest: () => (Problem | Problem[])[],
): string[] {
  const wrong = status(answer, ...expected);
  return wrong ? [wrong] : problems(...rest());
}
