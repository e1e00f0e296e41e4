import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { findScenarioFiles } from '../../../harness/scenario/files.js';
import { run } from '../processes.js';

/**
 * 1,000 scenario runs (the bundled scenarios repeated, each copy in a folder of its own next to a
 * link to fixtures/, so relative paths hold) through `fedsim run` and through `fedsim/vitest`, one
 * test file per copy, as README recommends (`isolate: false`: the files share one process and its
 * scenario threads). Wall and CPU seconds of each (the process and its children), spawn to exit.
 */
export async function suiteScale(root: string, runs = 1000, concurrency = 8) {
  const dir = mkdtempSync(join(tmpdir(), 'fedsim-suite-'));
  try {
    symlinkSync(join(root, 'fixtures'), join(dir, 'fixtures'));
    const bundled = findScenarioFiles([join(root, 'scenarios')]);
    const copies = Array.from({ length: Math.ceil(runs / bundled.length) }, (_, k) => join(dir, `copy${k}`));
    for (const [k, copy] of copies.entries()) {
      mkdirSync(copy);
      for (const file of bundled.slice(0, Math.min(bundled.length, runs - k * bundled.length)))
        copyFileSync(file, join(copy, basename(file)));
      const helper = join(root, 'dist/harness/vitest.js');
      writeFileSync(
        join(dir, `copy${k}.test.mjs`),
        `import { scenarioTests } from ${JSON.stringify(helper)};\nscenarioTests(${JSON.stringify(copy)});\n`,
      );
    }
    writeFileSync(
      join(dir, 'vitest.config.mjs'),
      "export default { test: { include: ['*.test.mjs'], testTimeout: 60000, isolate: false } };\n",
    );
    const cli = join(root, 'dist/harness/bundle/fedsim.js');
    const fedsim = await run([cli, 'run', ...copies, '--concurrency', String(concurrency)], root);
    const vitest = await run([join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir], dir);
    const passed = (out: string) => /(\d+) passed/.exec(out)?.[1];
    const seconds = (ms: number) => Math.round(ms / 10) / 100;
    return {
      runs,
      fedsim_run_s: seconds(fedsim.ms),
      fedsim_run_cpu_s: fedsim.cpuS,
      fedsim_run_concurrency: concurrency,
      fedsim_run_exit: fedsim.code,
      fedsim_run_passed: Number(passed(fedsim.stdout)),
      vitest_s: seconds(vitest.ms),
      vitest_cpu_s: vitest.cpuS,
      vitest_exit: vitest.code,
      vitest_passed: Number(passed(stripVTControlCharacters(vitest.stdout).split('Tests').at(-1) ?? '')),
      // Its own: `--suite-only` measures it apart from the rest of `scale`.
      load_average: loadavg().map((l) => Math.round(l * 100) / 100),
      date: new Date().toISOString(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
