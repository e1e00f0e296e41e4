import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { junitReport } from '../scenario/junit.js';
import { findScenarioFiles, scenarioStem } from '../scenario/load.js';
import { humanReport, jsonReport, scenarioLine } from '../scenario/report.js';
import { runScenarios } from '../scenario/runner.js';
import { traceHtml } from '../trace/html.js';

export interface RunCommandOptions {
  paths: string[];
  json: boolean;
  traceDir?: string;
  junit?: string;
  concurrency: number;
}

/** `fedsim run`: exit 0 when every scenario met its expectations, 1 otherwise. */
export async function runCommand(options: RunCommandOptions): Promise<number> {
  const files = findScenarioFiles(options.paths.length ? options.paths : ['scenarios']);
  const started = performance.now();
  const live = !options.json && process.stdout.isTTY;
  const results = await runScenarios(files, {
    trace: options.traceDir !== undefined,
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
      const stem = join(options.traceDir, scenarioStem(r.file));
      writeFileSync(`${stem}.json`, `${JSON.stringify(r.trace ?? [], null, 2)}\n`);
      writeFileSync(`${stem}.html`, traceHtml(r));
    }
  }
  if (options.junit) writeFileSync(options.junit, junitReport(results));
  const out = options.json
    ? JSON.stringify(jsonReport(results))
    : humanReport(results, performance.now() - started);
  process.stdout.write(`${out}\n`);
  return results.every((r) => r.status === 'passed') ? 0 : 1;
}
