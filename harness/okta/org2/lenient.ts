import type { z } from 'zod';

/** At most this many values are repaired before the read gives up. */
const MAX_REPAIRS = 20;

type Container = Record<PropertyKey, unknown> | unknown[];

function parentOf(root: unknown, path: readonly PropertyKey[]): Container | undefined {
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return typeof node === 'object' && node !== null ? (node as Container) : undefined;
}

/** Repairs the value an issue points at, in place; returns the note, or undefined when it cannot. */
function repair(root: unknown, issue: z.core.$ZodIssue): string | undefined {
  const parent = parentOf(root, issue.path);
  const key = issue.path.at(-1);
  if (!parent || key === undefined) return undefined;
  const value = (parent as Record<PropertyKey, unknown>)[key];
  if (value === undefined) return undefined;
  const where = issue.path.join('.');
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (issue.code === 'invalid_type' && issue.expected === 'number' && Number.isFinite(number)) {
    (parent as Record<PropertyKey, unknown>)[key] = number;
    return `${where} ${JSON.stringify(value)} is a string: read as the number ${number}`;
  }
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else delete (parent as Record<PropertyKey, unknown>)[key];
  return `${where} ${JSON.stringify(value)} ignored (${issue.message}): the default applies`;
}

/**
 * Parses as the schema would, but repairs what it can instead of failing at the first wrong
 * value: a numeric string where a number belongs becomes that number, any other wrong value is
 * dropped so the default applies. Each repair is one note; what cannot be repaired still fails.
 */
export function readLeniently<S extends z.ZodType>(
  schema: S,
  json: unknown,
): { result: ReturnType<S['safeParse']>; notes: string[] } {
  const copy: unknown = structuredClone(json);
  const notes: string[] = [];
  let result = schema.safeParse(copy) as ReturnType<S['safeParse']>;
  while (!result.success && notes.length < MAX_REPAIRS) {
    const issue = result.error.issues[0];
    const note = issue && repair(copy, issue);
    if (!note) break;
    notes.push(note);
    result = schema.safeParse(copy) as ReturnType<S['safeParse']>;
  }
  return { result, notes };
}
