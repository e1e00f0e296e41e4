import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './test/slow-first.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Test files share each worker's module cache: importing the harness once per worker instead of
    // once per file halves the suite's wall time. Tests build their own worlds and state.
    isolate: false,
    // vitest's default (cores - 1) is one worker on a 2-core machine; many files wait on child
    // processes and chromium, so two workers there cut the suite from ~75 s to ~56 s (measured).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: SlowFirstSequencer },
    // Bounds for a wait, not timing tests: on a 2-core machine shared with other work, a file that
    // spawns the CLI or drives chromium was measured past 20 s (load average 13).
    testTimeout: 60_000,
    // expect.poll waits up to this long (default 1 s): a browser on a loaded 2-core CI machine can
    // take longer to settle a clipboard write or a <details> toggle. A wait bound, not a timing test.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
  },
});
