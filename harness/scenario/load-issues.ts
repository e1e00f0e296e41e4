import { type Document, isMap, isScalar, type LineCounter, type Node } from 'yaml';
import type { z } from 'zod';
import { didYouMean } from '../core/suggest.js';
import { STEP_KINDS } from './steps/index.js';
import { formatPath, kindsIn } from './steps/variants.js';

/** Why a scenario does not load, located in its file: `line:col`, the path inside it, the reason. */
export interface LocatedIssue {
  line: number;
  col: number;
  path: string;
  message: string;
}

/** Per-parse zod messages: a missing key says so, an unknown key names the allowed key it most likely meant. */
export const scenarioErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'missing: this key is required';
  if (issue.code !== 'unrecognized_keys') return undefined;
  const def = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def;
  const allowed = Object.keys(def?.shape ?? {});
  const [first = ''] = issue.keys;
  const label = issue.keys.length === 1 ? 'unknown key' : 'unknown keys';
  const hint = didYouMean(first, allowed) || (allowed.length ? `; allowed: ${allowed.join(', ')}` : '');
  return `${label} ${issue.keys.join(', ')}${hint}`;
};

type Issue = z.core.$ZodIssue;

/**
 * A step that fails as a whole is one union issue; when it names exactly one kind, the issues of
 * that kind's variant say precisely where it is wrong.
 */
function leafIssues(issue: Issue, data: unknown): Issue[] {
  const isStep = issue.path.length === 2 && issue.path[0] === 'steps';
  if (issue.code !== 'invalid_union' || !isStep) return [issue];
  const kinds = kindsIn(valueAt(data, issue.path), STEP_KINDS);
  const branch =
    kinds.length === 1 ? issue.errors[(STEP_KINDS as readonly string[]).indexOf(kinds[0] ?? '')] : undefined;
  return branch?.length ? branch.map((i) => ({ ...i, path: [...issue.path, ...i.path] })) : [issue];
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    data,
  );
}

/** Where an issue points in the text: the unknown key itself, else the deepest node on its path. */
function offsetOf(doc: Document, issue: Issue): number {
  const path = issue.path as (string | number)[];
  for (let depth = path.length; depth >= 0; depth--) {
    const node = (depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true)) as
      | Node
      | null
      | undefined;
    if (!node?.range) continue;
    if (issue.code === 'unrecognized_keys' && depth === path.length && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === issue.keys[0]);
      const key = pair?.key as Node | undefined;
      if (key?.range) return key.range[0];
    }
    return node.range[0];
  }
  return 0;
}

/** `data` is the document as parsed (doc.toJS), to see what a failing step holds. */
export function locateIssues(
  issues: readonly Issue[],
  doc: Document,
  lines: LineCounter,
  data: unknown,
): LocatedIssue[] {
  return issues
    .flatMap((issue) => leafIssues(issue, data))
    .map((issue) => {
      const { line, col } = lines.linePos(offsetOf(doc, issue));
      return { line, col, path: formatPath(issue.path) || '(root)', message: issue.message };
    });
}
