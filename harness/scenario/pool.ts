import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../core/worker-entry.js';

/** What a worker passes to runScenario with the file (ScenarioOptions; kept opaque: runner imports this module). */
type RunOptions = object;

interface Job<Result> {
  id: number;
  file: string;
  options: RunOptions;
  /** The file already parsed (a Scenario, plain data): the worker runs it instead of parsing it again. */
  scenario?: object;
  resolve: (result: Result) => void;
  reject: (err: unknown) => void;
}

interface Thread<Result> {
  worker: Worker;
  running: Map<number, Job<Result>>;
}

export interface PoolOptions {
  /** Worker threads, started on the first run (default: one per core). */
  threads?: number;
  /** Scenarios in flight on each thread. */
  perWorker?: number;
}

/**
 * Runs scenario files on worker threads, one per core, each running `perWorker` scenarios at a
 * time: the crypto and XML work is CPU-bound, so one thread leaves the other cores idle. A thread
 * loads the harness once and runs every scenario it is sent, so its compiled schemas, parsed
 * certificates and optimised code serve them all. Needs the compiled worker (dist/, worker.ts).
 * Idle threads do not keep the process alive, so a pool can outlive the test file that made it.
 */
export class ScenarioPool<Result> {
  readonly #threads: Thread<Result>[] = [];
  readonly #queue: Job<Result>[] = [];
  readonly #size: number;
  readonly #perWorker: number;
  #nextId = 0;

  constructor(options: PoolOptions = {}) {
    this.#size = Math.max(1, options.threads ?? availableParallelism());
    this.#perWorker = Math.max(1, options.perWorker ?? 2);
  }

  /** Runs one scenario file (or `scenario`, parsed from it) on the least busy thread; resolves with the worker's result. */
  run(file: string, options: RunOptions = {}, scenario?: object): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, file, options, scenario, resolve, reject });
      this.#feed();
    });
  }

  /** Starts every thread now, so their module loading overlaps what the caller does next (vitest collecting). */
  warm(): void {
    while (this.#threads.length < this.#size) this.#start();
  }

  /** Stops every thread; runs still queued or in flight are refused. */
  async close(): Promise<void> {
    const threads = this.#threads.splice(0);
    const refused = [...this.#queue.splice(0), ...threads.flatMap((t) => [...t.running.values()])];
    for (const job of refused) job.reject(new Error('scenario pool closed'));
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  #feed(): void {
    while (this.#queue.length > 0) {
      const thread = this.#freeThread();
      if (!thread) return;
      const job = this.#queue.shift() as Job<Result>;
      thread.running.set(job.id, job);
      if (thread.running.size === 1) thread.worker.ref();
      const { file, options, scenario } = job;
      thread.worker.postMessage({ index: job.id, file, options, scenario });
    }
  }

  /** The thread with the fewest runs in flight below `perWorker`, starting a new one while under size. */
  #freeThread(): Thread<Result> | undefined {
    const idle = this.#threads.find((t) => t.running.size === 0);
    if (idle) return idle;
    if (this.#threads.length < this.#size) return this.#start();
    const free = this.#threads.filter((t) => t.running.size < this.#perWorker);
    return free.sort((a, b) => a.running.size - b.running.size)[0];
  }

  #start(): Thread<Result> {
    const worker = new Worker(workerEntry('scenario-worker'));
    const thread: Thread<Result> = { worker, running: new Map() };
    worker.unref(); // until it has a run (#feed)
    worker.on('message', ({ index, result }: { index: number; result: Result }) => {
      const job = thread.running.get(index);
      thread.running.delete(index);
      if (thread.running.size === 0) worker.unref();
      job?.resolve(result);
      this.#feed();
    });
    worker.on('error', (err) => {
      // A thread that crashed takes its runs with it; the others carry on.
      this.#threads.splice(this.#threads.indexOf(thread), 1);
      for (const job of thread.running.values()) job.reject(err);
      thread.running.clear();
      this.#feed();
    });
    this.#threads.push(thread);
    return thread;
  }
}

/** Runs `files` on a pool of its own and stops it; results keep the order of `files`. */
export async function runOnWorkers<Result>(
  files: string[],
  options: PoolOptions & { trace?: boolean; onResult?: (r: Result, done: number, total: number) => void },
): Promise<Result[]> {
  const pool = new ScenarioPool<Result>(options);
  let done = 0;
  try {
    return await Promise.all(
      files.map(async (file) => {
        const result = await pool.run(file, { trace: options.trace });
        options.onResult?.(result, ++done, files.length);
        return result;
      }),
    );
  } finally {
    await pool.close();
  }
}
