/**
 * "Did you mean …?" for names a user typed: unknown keys, step kinds, error codes. A candidate
 * that ends with or contains the word wins (USER_NOT_FOUND → IDP_USER_NOT_FOUND), else the nearest
 * by edit distance, within a third of the word's length.
 */
export function closestName(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  let best: { name: string; score: number } | undefined;
  for (const name of candidates) {
    const score = distance(typed, name.toLowerCase());
    if (score !== undefined && (best === undefined || score < best.score)) best = { name, score };
  }
  return best?.name;
}

/** `; did you mean X?` when a candidate is close enough, else the empty string. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const name = closestName(word, candidates);
  return name === undefined ? '' : `; did you mean ${name}?`;
}

/** A rank (lower is closer) or undefined when too far: affixes rank before edits. */
function distance(typed: string, name: string): number | undefined {
  if (typed === name) return 0;
  const containment = typed.length >= 3 && (name.includes(typed) || typed.includes(name));
  if (containment) return 0.5 + Math.abs(name.length - typed.length) / 1000;
  const edits = editDistance(typed, name);
  return edits <= Math.max(1, Math.floor(typed.length / 3)) ? edits : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = d;
    }
  }
  return at(a.length, b.length);
}
