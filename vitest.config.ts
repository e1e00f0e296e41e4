import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Test files share each worker's module cache: importing the harness once per worker instead of
    // once per file halves the suite's wall time. Tests build their own worlds and state.
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
