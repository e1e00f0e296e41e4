// @ts-check
import { defineConfig } from 'rolldown';

/**
 * What starts a process or a thread, bundled from tsc's output with everything it imports
 * (fedsim's modules and its dependencies) into dist/harness/bundle/: the `fedsim` command and its
 * scenario threads. A new process or thread then loads a few files instead of ~390 of fedsim's
 * modules and ~280 of its dependencies' (~0.75 → ~0.25 s of CPU each, measured in
 * docs/decisions/start-bundles.md). The library entries (index, vitest) and serve's world thread
 * (core/worker-entry.ts says why) stay tsc's modules.
 */
export default defineConfig({
  input: {
    fedsim: 'dist/harness/cli/main.js',
    'scenario-worker': 'dist/harness/scenario/worker.js',
  },
  platform: 'node',
  logLevel: 'warn',
  output: {
    dir: 'dist/harness/bundle',
    format: 'esm',
    chunkFileNames: '[name]-[hash].js',
    cleanDir: true,
  },
});
