import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findScenarioFiles, scenarioStem } from '../scenario/load.js';
import { humanReport, jsonReport, scenarioLine } from '../scenario/report.js';
import { runScenarios } from '../scenario/runner.js';
import { traceHops } from '../trace/decode.js';

export interface RunCommandOptions {
  paths: string[];
  json: boolean;
  traceDir?: string;
  concurrency: number;
}

/** `fedsim run`: exit 0 when every scenario met its expectations, 1 otherwise. */
export async function runCommand(options: RunCommandOptions): Promise<number> {
  const files = findScenarioFiles(options.paths.length ? options.paths : ['scenarios']);
  const started = performance.now();
  const live = !options.json && process.stdout.isTTY;
  const results = await runScenarios(files, {
    concurrency: options.concurrency,
    onResult: (result, done, total) => {
      if (options.json) return;
      if (live) process.stdout.write(`\r\x1b[K[${done}/${total}] ${scenarioLine(result)}`);
      else process.stdout.write(`[${done}/${total}] ${scenarioLine(result)}\n`);
    },
  });
  if (live) process.stdout.write('\r\x1b[K');
  if (options.traceDir) {
    mkdirSync(options.traceDir, { recursive: true });
    for (const r of results) {
      writeFileSync(
        join(options.traceDir, `${scenarioStem(r.file)}.json`),
        `${JSON.stringify(traceHops(r.hops), null, 2)}\n`,
      );
    }
  }
  const out = options.json
    ? JSON.stringify(jsonReport(results))
    : humanReport(results, performance.now() - started);
  process.stdout.write(`${out}\n`);
  return results.every((r) => r.status === 'passed') ? 0 : 1;
}
