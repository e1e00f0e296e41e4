import { availableParallelism } from 'node:os';
import { runOnWorkers } from './pool.js';
import type { ScenarioOptions, ScenarioResult } from './result.js';

export interface RunOptions extends ScenarioOptions {
  concurrency?: number;
  /** Worker threads (default: one per core when running compiled; 0 = this thread only). */
  threads?: number;
  onResult?: (result: ScenarioResult, done: number, total: number) => void;
}

/** Runs files with bounded concurrency; results keep the order of `files`. */
export async function runScenarios(files: string[], options: RunOptions = {}): Promise<ScenarioResult[]> {
  // Worker threads load the compiled worker: from TypeScript sources (vitest) run in this thread.
  const compiled = import.meta.url.endsWith('.js');
  const threads = options.threads ?? (compiled ? availableParallelism() : 0);
  if (threads > 1 && files.length > 1) {
    return runOnWorkers(files, {
      trace: options.trace,
      threads,
      perWorker: Math.max(1, Math.ceil((options.concurrency ?? 4) / threads)),
      onResult: options.onResult,
    });
  }
  // Loaded here, not with the module: on threads this one never builds a world (the parties' modules).
  const { runScenario } = await import('./runner.js');
  const results: ScenarioResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const result = await runScenario(files[i] as string, options);
      results[i] = result;
      options.onResult?.(result, ++done, files.length);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, files.length)) }, worker),
  );
  return results;
}
