import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SERVE_HEAPS } from '../../harness/cli/serve-heap.js';

/**
 * What each `fedsim serve --heap` gives the world's isolate: the flags are set as serve sets them
 * (process-wide, then a worker started), in a process of their own since V8 flags cannot be
 * unset. The young generation's capacity after a burst of short-lived garbage says which it got.
 */
function youngGenerationMb(heap: string): number {
  const script = `
    import { setFlagsFromString } from 'node:v8';
    import { Worker } from 'node:worker_threads';
    import { SERVE_V8_FLAGS } from './dist/harness/cli/serve-heap.js';
    setFlagsFromString(SERVE_V8_FLAGS[${JSON.stringify(heap)}]);
    const code = "let a = []; for (let i = 0; i < 2e6; i++) { a.push({ i }); if (a.length > 5e4) a = []; }" +
      "require('worker_threads').parentPort.postMessage(require('v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);";
    const worker = new Worker(code, { eval: true, execArgv: [] });
    worker.once('message', (bytes) => { console.log(bytes); process.exit(0); });`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return Number(out.trim()) / 2 ** 20;
}

describe('fedsim serve --heap', () => {
  it('offers footprint and throughput', () => {
    expect(SERVE_HEAPS).toEqual(['footprint', 'throughput']);
  });

  it("footprint keeps the world's young generation at V8's smallest; throughput gives it 32 MB semi-spaces", () => {
    expect(youngGenerationMb('footprint')).toBeLessThanOrEqual(2);
    // New space is its two semi-spaces: 64 MB for 32 MB each (the former 16 MB setting read 32).
    expect(youngGenerationMb('throughput')).toBeGreaterThanOrEqual(64);
  });
});
