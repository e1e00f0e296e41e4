import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { junitReport } from '../scenario/junit.js';
import { humanReport, jsonReport, scenarioLine } from '../scenario/report.js';
import type { ScenarioResult } from '../scenario/result.js';
import { runScenarios } from '../scenario/run-many.js';
import { type Shard, selectScenarioFiles, shardFiles } from '../scenario/select.js';
import type { CliIo } from './io.js';
import { prepareDir, prepareFile, writeOutput } from './output.js';

export interface RunCommandOptions {
  paths: string[];
  json: boolean;
  traceDir?: string;
  /** Write traces with real origins and timings instead of normalised ones. */
  traceRaw?: boolean;
  /** Where a failed scenario's trace goes when `traceDir` is not given. */
  failureTraceDir?: string;
  junit?: string;
  concurrency: number;
  shard?: Shard;
}

/** The default folder for failures' traces (`--trace-on-failure`). */
export const FAILURE_TRACE_DIR = join(tmpdir(), 'fedsim-traces');

/** Traces are written only on request or failure: their page's modules are not loaded otherwise. */
const traceFiles = () => import('./trace-files.js');

async function writeReports(options: RunCommandOptions, results: ScenarioResult[]): Promise<void> {
  if (options.traceDir !== undefined) {
    const { writeTrace } = await traceFiles();
    for (const r of results)
      if (r.trace) writeTrace('--trace', options.traceDir, r, options.traceRaw === true);
  }
  if (options.junit !== undefined) writeOutput('--junit', options.junit, junitReport(results));
}

/**
 * Each failed scenario's trace and the explain command for its failing message, printed after
 * the report (the last thing a reader sees is where to look next). With --trace the trace is the one written there; otherwise it is written now to
 * --trace-on-failure's folder. Untraced runs are not recorded (passing runs pay nothing), so the
 * failed file runs again with recording on: the world is deterministic (fixed clock, seeded ids),
 * so it fails the same way.
 */
async function traceFailures(options: RunCommandOptions, results: ScenarioResult[]): Promise<string[]> {
  const failed = results.filter((r) => r.status === 'failed');
  if (!failed.length) return [];
  const traced = options.traceDir;
  const dir = options.failureTraceDir ?? FAILURE_TRACE_DIR;
  const { failureNote, tracePath, writeTrace } = await traceFiles();
  // On threads this thread has not loaded the runner: only a rerun needs it.
  const rerun = traced === undefined ? (await import('../scenario/runner.js')).runScenario : undefined;
  if (rerun) prepareDir('--trace-on-failure', dir);
  const notes: string[] = [];
  for (const r of failed) {
    const result = rerun ? await rerun(r.file, { trace: true }) : r;
    if (!result.trace) continue;
    const path =
      traced === undefined
        ? writeTrace('--trace-on-failure', dir, result, options.traceRaw === true)
        : tracePath(traced, result);
    notes.push(failureNote(path, result.trace));
  }
  return notes;
}

/** `fedsim run`: exit 0 when every scenario met its expectations, 1 otherwise. */
export async function runCommand(options: RunCommandOptions, io: CliIo): Promise<number> {
  const found = selectScenarioFiles(options.paths);
  const files = options.shard ? shardFiles(found, options.shard) : found;
  if (options.traceDir !== undefined) prepareDir('--trace', options.traceDir);
  if (options.junit !== undefined) prepareFile('--junit', options.junit);
  const shard = options.shard && { ...options.shard, total: found.length };
  if (shard && !options.json) {
    io.stdout(`shard ${shard.index}/${shard.count}: ${files.length} of ${shard.total} scenario files\n`);
  }
  const started = performance.now();
  const live = !options.json && io.isTTY;
  const results = await runScenarios(files, {
    trace: options.traceDir !== undefined,
    concurrency: options.concurrency,
    onResult: (result, done, total) => {
      if (options.json) return;
      if (live) io.stdout(`\r\x1b[K[${done}/${total}] ${scenarioLine(result)}`);
      else io.stdout(`[${done}/${total}] ${scenarioLine(result)}\n`);
    },
  });
  if (live) io.stdout('\r\x1b[K');
  const elapsed = performance.now() - started;
  const notes = await traceFailures(options, results);
  const out = options.json
    ? JSON.stringify({ ...jsonReport(results), ...(shard ? { shard } : {}) })
    : humanReport(results, elapsed);
  io.stdout(`${out}\n`);
  // With --json, stdout stays one JSON document: the pointers go to stderr.
  for (const note of notes) (options.json ? io.stderr : io.stdout)(note);
  await writeReports(options, results);
  return results.every((r) => r.status === 'passed') ? 0 : 1;
}
