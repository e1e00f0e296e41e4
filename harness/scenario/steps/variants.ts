import { z } from 'zod';
import { didYouMean } from '../../core/suggest.js';
import { errorCodeSchema } from '../schema-codes.js';
import type { StepDefinition } from './define.js';

/** Keys every step may carry besides its kind. */
export const COMMON_STEP_KEYS = ['name', 'expectError'] as const;

const common = {
  name: z.string().optional().describe('the step name in reports (default: one made from the step)'),
  expectError: errorCodeSchema.optional().describe('the step passes only when it fails with this error code'),
};

/** A step of one kind: the common keys and exactly that kind's key. */
export type StepVariant<D> =
  D extends StepDefinition<infer K, infer S>
    ? z.ZodObject<{ [P in K]: S } & typeof common, z.core.$strict>
    : never;

type Variants<T extends readonly StepDefinition[]> = { [I in keyof T]: StepVariant<T[I]> };

function variant<D extends StepDefinition>(definition: D): StepVariant<D> {
  return z
    .strictObject({ ...common, [definition.kind]: definition.schema.describe(definition.summary) })
    .describe(`${definition.kind}: ${definition.summary}`) as unknown as StepVariant<D>;
}

/**
 * A step is one variant per kind, so editors complete each kind's keys. A union reports "no
 * variant matched"; the message says instead what is wrong with the step as written.
 */
export function stepUnion<const T extends readonly StepDefinition[]>(definitions: T) {
  const kinds = definitions.map((d) => d.kind);
  const variants = definitions.map(variant) as unknown as Variants<T>;
  return z.union(variants, {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      return stepProblem(issue.input, kinds, (kind) => issue.errors[kinds.indexOf(kind)] ?? []);
    },
  });
}

/** The kind keys written in a step (when it is an object at all). */
export function kindsIn(step: unknown, kinds: readonly string[]): string[] {
  return step !== null && typeof step === 'object' ? Object.keys(step).filter((k) => kinds.includes(k)) : [];
}

function stepProblem(
  step: unknown,
  kinds: readonly string[],
  issuesOf: (kind: string) => readonly z.core.$ZodIssue[],
): string {
  if (step === null || typeof step !== 'object' || Array.isArray(step))
    return `a step is a mapping with one of ${kinds.join(', ')}`;
  const written = kindsIn(step, kinds);
  if (written.length > 1)
    return `a step has exactly one kind; this one has ${written.join(' and ')} (split it into ${written.length} steps)`;
  const [kind] = written;
  if (kind === undefined) {
    const unknown = Object.keys(step).find((k) => !(COMMON_STEP_KEYS as readonly string[]).includes(k));
    if (unknown === undefined) return `a step needs one of ${kinds.join(', ')}`;
    return `${unknown} is not a step kind${didYouMean(unknown, kinds) || `; kinds: ${kinds.join(', ')}`}`;
  }
  const first = issuesOf(kind)[0];
  const where = first?.path.length ? `${formatPath(first.path)}: ` : '';
  return `${where}${first?.message ?? 'invalid'}`;
}

/** `steps[2].login.tiles[0]`: the path of a value inside a document, as a reader writes it. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}
