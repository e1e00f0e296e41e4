import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { ServeHeap } from '../../../harness/cli/serve-heap.js';
import { run } from '../processes.js';
import { writeResults } from '../results-file.js';
import type { Stat } from '../stats.js';

/**
 * `npm run bench -- --scale [sizes]`: issue 16's scale section, written under `scale` in
 * test/bench/results.json (the rest of the file is kept). Each directory size runs in a process
 * of its own so its RSS is its own.
 */
export const SCALE_SIZES = [1000, 10_000, 100_000];

interface DirectoriesResult {
  sizes: number[];
  stats: Record<string, Record<string, Stat>>;
  build: Record<string, Record<string, number>>;
  rss_mb: number;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/** Medians in ms per query and size, build seconds and RSS per size; the largest ÷ smallest ratios. */
export async function directoryTable(root: string, sizes = SCALE_SIZES) {
  process.stderr.write(`bench scale: directories of ${sizes.join(', ')} users…\n`);
  const script = join(root, 'dist/test/bench/scale/directories.js');
  const r = await run(['--expose-gc', script, sizes.join(',')], root);
  if (r.code !== 0) throw new Error(`directories exited ${r.code}: ${r.stderr.slice(-800)}`);
  const result = JSON.parse(r.stdout.trim().split('\n').at(-1) as string) as DirectoriesResult;
  const bySize: Record<string, Record<string, number>> = {};
  for (const size of sizes) {
    const medians = Object.entries(result.stats).map(([q, s]) => [`${q}_ms`, r2(s[size]?.median ?? NaN)]);
    const build = Object.entries(result.build[size] ?? {}).map(([k, v]) => [
      k,
      k === 'bytes_per_user' ? Math.round(v) : r2(v),
    ]);
    bySize[size] = Object.fromEntries([...medians, ...build]);
  }
  const [small, large] = [sizes[0] as number, sizes.at(-1) as number];
  const ratio = (of: 'median' | 'min') =>
    Object.fromEntries(
      Object.entries(result.stats).map(([q, s]) => [
        q,
        r2((s[large]?.[of] ?? NaN) / (s[small]?.[of] ?? NaN)),
      ]),
    );
  return {
    sizes: bySize,
    [`ratio_${large}_vs_${small}`]: ratio('median'),
    // The fastest call of each: what the lookup costs when no other process is in the way.
    [`ratio_min_${large}_vs_${small}`]: ratio('min'),
    rss_mb_all_sizes_built: r2(result.rss_mb),
  };
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

/** A child bench script's one JSON line. */
async function child<T>(root: string, script: string, args: string[]): Promise<T> {
  const r = await run(['--expose-gc', join(root, 'dist/test/bench/scale', script), ...args], root);
  if (r.code !== 0) throw new Error(`${script} exited ${r.code}: ${r.stderr.slice(-800)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) as string) as T;
}

/** The world of `users` generated org1 users started provisioned (bulk-world.js). */
export function bulkWorld(root: string, users = 100_000) {
  process.stderr.write(`bench scale: bulk world of ${users} provisioned users…\n`);
  return child<Record<string, unknown>>(root, 'bulk-world.js', [String(users)]);
}

/** A group of `users` assigned to Org2Org under org2's limit of `limit` a minute (bulk-provisioning.js). */
export function bulkProvisioning(root: string, users = 10_000, limit = 600) {
  process.stderr.write(`bench scale: ${users} users group-assigned to Org2Org at ${limit}/min…\n`);
  return child<Record<string, unknown>>(root, 'bulk-provisioning.js', [String(users), String(limit)]);
}

/** `fedsim serve` of a world of `users` provisioned users: ready time, RSS, each admin page (served-world.js). */
export function servedWorld(root: string, users = 100_000) {
  process.stderr.write(`bench scale: fedsim serve of ${users} provisioned users, its pages…\n`);
  const cli = join(root, 'dist/harness/bundle/fedsim.js');
  return child<Record<string, unknown>>(root, 'served-world.js', [cli, String(users)]);
}

/** Browsers at 1, 8 and 32 at once on one `fedsim serve --heap <heap>` (concurrent.js). */
export function concurrentBrowsers(root: string, heap: ServeHeap, levels = [1, 8, 32], seconds = 10) {
  process.stderr.write(`bench scale: ${levels.join(', ')} concurrent browsers on serve --heap ${heap}…\n`);
  const cli = join(root, 'dist/harness/bundle/fedsim.js');
  return child<Record<string, unknown>[]>(root, 'concurrent.js', [
    cli,
    levels.join(','),
    String(seconds),
    heap,
  ]);
}

/** Keeps everything else in results.json; only `scale` (or the parts of it given) is replaced. */
export function writeScale(root: string, scale: object): void {
  const results = JSON.parse(readFileSync(join(root, 'test/bench/results.json'), 'utf8')) as {
    scale?: object;
  };
  writeResults(root, {
    ...results,
    scale: { ...results.scale, ...scale, load_average: loadavg().map(r2), date: new Date().toISOString() },
  });
}
