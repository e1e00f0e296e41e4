/** The worker threads fedsim starts, by the name rolldown.config.mjs gives each bundled entry. */
export const WORKER_ENTRIES = ['scenario-worker', 'serve-world'] as const;
export type WorkerEntry = (typeof WORKER_ENTRIES)[number];

/**
 * A worker thread's entry in a build: its module and everything it imports bundled into
 * dist/harness/workers/ (rolldown.config.mjs, docs/decisions/worker-bundles.md), so a new thread
 * loads two files instead of ~670. Only compiled code starts threads; from the TypeScript sources
 * scenarios run in the caller's thread.
 */
export function workerEntry(name: WorkerEntry): URL {
  return new URL(`../bundle/${name}.js`, import.meta.url);
}
