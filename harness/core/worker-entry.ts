/**
 * The module each worker thread fedsim starts runs, relative to dist/harness/. Scenario threads
 * start from their bundle (rolldown.config.mjs, docs/decisions/start-bundles.md): a quarter of
 * the loading. serve's world thread starts from tsc's modules: bundled, it loaded in half the
 * time but grew 22.5–23.4 MB of RSS over 1,000 sign-ins (from a start 7–10 MB lower), past the
 * < 20 MB the memory bench holds serve to.
 */
const ENTRIES = {
  'scenario-worker': 'bundle/scenario-worker.js',
  'serve-world': 'cli/serve-world.js',
} as const;
export type WorkerEntry = keyof typeof ENTRIES;
export const WORKER_ENTRIES = Object.keys(ENTRIES) as WorkerEntry[];

/**
 * Where a worker thread's module is in a build, from tsc's modules and from the bundle alike (both
 * sit one folder below dist/harness/). Only compiled code starts threads; from the TypeScript
 * sources scenarios run in the caller's thread.
 */
export function workerEntry(name: WorkerEntry): URL {
  return new URL(`../${ENTRIES[name]}`, import.meta.url);
}
