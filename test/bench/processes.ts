import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findScenarioFiles } from '../../harness/scenario/files.js';
import { runScenarios } from '../../harness/scenario/run-many.js';
import { readStat } from './proc.js';
import { type Stat, summarise } from './stats.js';

/** The bundled scenarios repeated to `count` files, through the runner at its default concurrency. */
export async function scenarioBatch(
  root: string,
  count = 200,
): Promise<{ seconds: number; failed: string[] }> {
  const bundled = findScenarioFiles([join(root, 'scenarios')]);
  const files = Array.from({ length: count }, (_, i) => bundled[i % bundled.length] as string);
  const t = performance.now();
  const results = await runScenarios(files);
  const seconds = (performance.now() - t) / 1000;
  const failed = [...new Set(results.filter((r) => r.status === 'failed').map((r) => r.file))];
  return { seconds, failed };
}

/** Each process's parent and own CPU seconds, from /proc. */
function processTable(): Map<number, { ppid: number; cpuS: number }> {
  const table = new Map<number, { ppid: number; cpuS: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      table.set(Number(name), readStat(`/proc/${name}/stat`));
    } catch {
      // Exited while listed.
    }
  }
  return table;
}

/**
 * Records in `seen` the CPU seconds of `root` and every process below it (vitest's forks), each
 * as last sampled, so a process that has exited keeps its last figure. Nothing off Linux.
 */
function sampleTree(root: number, seen: Map<number, number>): void {
  if (!existsSync('/proc/self/stat')) return;
  const table = processTable();
  const below = [root];
  for (let pid = below.pop(); pid !== undefined; pid = below.pop()) {
    const entry = table.get(pid);
    if (entry) seen.set(pid, entry.cpuS);
    for (const [child, { ppid }] of table) if (ppid === pid) below.push(child);
  }
}

/**
 * Runs node with `args`; `cpuS` is the CPU seconds of the process and every process below it,
 * sampled from /proc every 250 ms until it exits (so each misses at most its last 0.25 s).
 */
export function run(
  args: string[],
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number; cpuS?: number }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const seen = new Map<number, number>();
    const sample = setInterval(() => child.pid !== undefined && sampleTree(child.pid, seen), 250);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
    });
    child.once('error', reject);
    child.once('close', (code) => {
      clearInterval(sample);
      const cpuS = [...seen.values()].reduce((sum, s) => sum + s, 0);
      resolve({ code, stdout, stderr, ms: performance.now() - t, ...(seen.size > 0 ? { cpuS } : {}) });
    });
  });
}

/** `fedsim run scenarios/sarah-end-to-end.yaml` as a fresh process, spawn to exit (one untimed spawn first). */
export async function coldStart(root: string, spawns = 5): Promise<Stat> {
  const args = [join(root, 'dist/harness/bundle/fedsim.js'), 'run', 'scenarios/sarah-end-to-end.yaml'];
  const samples: number[] = [];
  for (let i = 0; i <= spawns; i++) {
    const r = await run(args, root);
    if (r.code !== 0)
      throw new Error(`fedsim run exited ${r.code}: ${r.stdout.slice(-400)}${r.stderr.slice(-400)}`);
    if (i > 0) samples.push(r.ms / 1000);
  }
  return summarise(samples);
}

export interface ServeMemory {
  signIns: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  rssPeakMb: number;
  rssGrowthMb: number;
  /** From sign-in 100 to the last: growth once warm, what a leak would show. */
  rssGrowthAfterWarmupMb: number;
  signInMs: Stat;
  samples: { signIns: number; rssMb: number }[];
}

/** A real `fedsim serve` process driven by a browser in another process (serve-memory.js). */
export async function serveMemory(root: string, signIns = 1000): Promise<ServeMemory> {
  const cli = join(root, 'dist/harness/bundle/fedsim.js');
  const r = await run([join(root, 'dist/test/bench/serve-memory.js'), cli, String(signIns)], root);
  if (r.code !== 0) throw new Error(`serve-memory exited ${r.code}: ${r.stderr.slice(-800)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) as string) as ServeMemory;
}

/**
 * `runs` serve processes, each signed into 1,000 times: RSS growth moves ±4 MB between identical
 * runs (when V8 compacts relative to the last sample), so the target is read on the median run,
 * as issue 6 asks of every key. Returns that run, with every run's growth.
 */
export async function serveMemoryMedian(
  root: string,
  runs = 3,
): Promise<ServeMemory & { growthRunsMb: number[] }> {
  const all: ServeMemory[] = [];
  for (let i = 0; i < runs; i++) all.push(await serveMemory(root));
  const sorted = [...all].sort((a, b) => a.rssGrowthMb - b.rssGrowthMb);
  const median = sorted[Math.floor(sorted.length / 2)] as ServeMemory;
  return { ...median, growthRunsMb: all.map((m) => m.rssGrowthMb) };
}
