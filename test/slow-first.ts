import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take seconds (spawned CLIs and servers, chromium, every bundled scenario), longest
 * first as measured: started first, none of them begins while the other worker has nothing left.
 * Vitest's own order needs durations cached by an earlier run; on a fresh checkout (CI) it goes by
 * file size, which starts the 4-line every-scenario files last.
 */
const SLOW_FIRST = [
  'test/cli/cli.test.ts',
  'test/trace/every-scenario-',
  'test/e2e/console-',
  'test/interop/xmlsec1.test.ts',
  'test/saml/attacks.test.ts',
  'test/e2e/',
  'test/attack/attack-cli.test.ts',
  'test/serve/',
  'test/api/exports.test.ts',
  'test/explain/cli.test.ts',
  'test/scenario/scenarios.test.ts',
  'test/provisioning/races.test.ts',
  'test/api/scenario-pool.test.ts',
];

function rank(spec: TestSpecification): number {
  const index = SLOW_FIRST.findIndex((prefix) => spec.moduleId.includes(`/${prefix}`));
  return index === -1 ? SLOW_FIRST.length : index;
}

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // Array sort is stable: within a rank, vitest's order (cached durations, else size) stays.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
