import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { run } from '../processes.js';
import { writeResults } from '../results-file.js';
import type { Stat } from '../stats.js';

/**
 * `npm run bench -- --scale [sizes]`: issue 16's scale section, written under `scale` in
 * test/bench/results.json (the rest of the file is kept). Each directory size runs in a process
 * of its own so its RSS is its own.
 */
export const SCALE_SIZES = [1000, 10_000, 100_000];

interface SizeResult {
  size: number;
  stats: Record<string, Stat>;
  okta_build_ms: number;
  scim_build_ms: number;
  okta_build_cpu_s: number;
  scim_build_cpu_s: number;
  rss_mb: number;
  rss_world_mb: number;
  bytes_per_user: number;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

async function directorySize(root: string, size: number): Promise<SizeResult> {
  const script = join(root, 'dist/test/bench/scale/directory-size.js');
  const r = await run(['--expose-gc', script, String(size)], root);
  if (r.code !== 0) throw new Error(`directory-size ${size} exited ${r.code}: ${r.stderr.slice(-800)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) as string) as SizeResult;
}

/** Medians in ms per query, build seconds and RSS per size; the 100k ÷ 1k ratio of each query. */
export async function directoryTable(root: string, sizes = SCALE_SIZES) {
  const bySize: Record<string, Record<string, number>> = {};
  for (const size of sizes) {
    process.stderr.write(`bench scale: directory of ${size} users…\n`);
    const r = await directorySize(root, size);
    bySize[size] = {
      ...Object.fromEntries(Object.entries(r.stats).map(([k, s]) => [`${k}_ms`, r2(s.median)])),
      okta_build_s: r2(r.okta_build_ms / 1000),
      scim_build_s: r2(r.scim_build_ms / 1000),
      okta_build_cpu_s: r2(r.okta_build_cpu_s),
      scim_build_cpu_s: r2(r.scim_build_cpu_s),
      rss_mb: r2(r.rss_mb),
      bytes_per_user: Math.round(r.bytes_per_user),
    };
  }
  const first = bySize[sizes[0] as number] ?? {};
  const last = bySize[sizes.at(-1) as number] ?? {};
  const ratio = Object.fromEntries(
    Object.keys(first)
      .filter((k) => k.endsWith('_ms'))
      .map((k) => [k.replace(/_ms$/, ''), r2((last[k] ?? 0) / (first[k] ?? 1))]),
  );
  return { sizes: bySize, [`ratio_${sizes.at(-1)}_vs_${sizes[0]}`]: ratio };
}

export function printDirectoryTable(table: Awaited<ReturnType<typeof directoryTable>>): void {
  const sizes = Object.keys(table.sizes);
  const rows = Object.keys(table.sizes[sizes[0] as string] ?? {});
  const w = Math.max(...rows.map((r) => r.length));
  console.log(`\n${'directory size'.padEnd(w)}  ${sizes.map((s) => s.padStart(10)).join('  ')}`);
  for (const row of rows) {
    console.log(
      `${row.padEnd(w)}  ${sizes.map((s) => String(table.sizes[s]?.[row]).padStart(10)).join('  ')}`,
    );
  }
}

/** Keeps everything else in results.json; only `scale` is replaced. */
export function writeScale(root: string, scale: object): void {
  const results = JSON.parse(readFileSync(join(root, 'test/bench/results.json'), 'utf8')) as object;
  writeResults(root, {
    ...results,
    scale: { ...scale, load_average: loadavg().map(r2), date: new Date().toISOString() },
  });
}
