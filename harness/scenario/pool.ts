import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Runs scenario files on worker threads, one per core, each running `perWorker` scenarios at a
 * time: the crypto and XML work is CPU-bound, so one thread leaves the other cores idle.
 * Needs the compiled worker (dist/, worker.ts); results (the worker's ScenarioResults) keep the
 * order of `files`.
 */
export async function runOnWorkers<Result>(
  files: string[],
  options: {
    trace?: boolean;
    threads?: number;
    perWorker?: number;
    onResult?: (r: Result, done: number, total: number) => void;
  },
): Promise<Result[]> {
  const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));
  const results: Result[] = new Array(files.length);
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), files.length));
  const perWorker = options.perWorker ?? 2;
  let next = 0;
  let done = 0;
  const job = { trace: options.trace };
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(workerFile);
          let running = 0;
          const feed = () => {
            while (running < perWorker && next < files.length) {
              const index = next++;
              running++;
              worker.postMessage({ index, file: files[index], options: job });
            }
            if (running === 0) void worker.terminate().then(() => resolve());
          };
          worker.on('message', ({ index, result }: { index: number; result: Result }) => {
            running--;
            results[index] = result;
            options.onResult?.(result, ++done, files.length);
            feed();
          });
          worker.on('error', reject);
          feed();
        }),
    ),
  );
  return results;
}
