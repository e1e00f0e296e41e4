import { performance } from 'node:perf_hooks';

/** Per-iteration timings of one measure, in milliseconds. */
export interface Stat {
  median: number;
  p95: number;
  min: number;
  n: number;
}

export interface MeasureOptions {
  /** Untimed runs first (JIT, caches, lazily compiled schemas). */
  warmup?: number;
  /** Timed runs: at least `min`, then more until `budgetMs` or `max`. */
  min?: number;
  max?: number;
  budgetMs?: number;
}

export function summarise(samples: number[]): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), min: sorted[0] ?? NaN, n: sorted.length };
}

/** Frees garbage left by the previous measure so it is not collected inside the next one. */
export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Times `fn` one call at a time (sync or async) and returns median and p95 of the calls. */
export async function measure(fn: () => unknown, options: MeasureOptions = {}): Promise<Stat> {
  const { warmup = 5, min = 20, max = 1000, budgetMs = 5000 } = options;
  for (let i = 0; i < warmup; i++) await fn();
  gc();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < max && (samples.length < min || performance.now() - started < budgetMs)) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return summarise(samples);
}

/**
 * Times several functions taking turns (a, b, a, b, …), so a machine that speeds up or slows
 * down during the run (other load, CPU boost) moves all of them alike and their ratio holds.
 */
export async function measureInterleaved<K extends string>(
  fns: Record<K, () => unknown>,
  options: MeasureOptions = {},
): Promise<Record<K, Stat>> {
  const { warmup = 5, min = 20, max = 1000, budgetMs = 5000 } = options;
  const entries = Object.entries(fns) as [K, () => unknown][];
  for (let i = 0; i < warmup; i++) for (const [, fn] of entries) await fn();
  gc();
  const samples = new Map<K, number[]>(entries.map(([k]) => [k, []]));
  const started = performance.now();
  for (let n = 0; n < max && (n < min || performance.now() - started < budgetMs); n++) {
    for (const [k, fn] of entries) {
      const t = performance.now();
      await fn();
      samples.get(k)?.push(performance.now() - t);
    }
  }
  return Object.fromEntries(entries.map(([k]) => [k, summarise(samples.get(k) ?? [])])) as Record<K, Stat>;
}

export function check(condition: unknown, what: string): asserts condition {
  if (!condition) throw new Error(`bench sanity check failed: ${what}`);
}
