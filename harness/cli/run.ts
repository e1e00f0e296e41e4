import { join } from 'node:path';
import { junitReport } from '../scenario/junit.js';
import { scenarioStem } from '../scenario/load.js';
import { humanReport, jsonReport, scenarioLine } from '../scenario/report.js';
import { runScenarios, type ScenarioResult } from '../scenario/runner.js';
import { type Shard, selectScenarioFiles, shardFiles } from '../scenario/select.js';
import { traceHtml } from '../trace/html.js';
import type { CliIo } from './io.js';
import { prepareDir, prepareFile, writeOutput } from './output.js';
import { traceDocumentOf } from './trace-adapter.js';

export interface RunCommandOptions {
  paths: string[];
  json: boolean;
  traceDir?: string;
  junit?: string;
  concurrency: number;
  shard?: Shard;
}

function writeReports(options: RunCommandOptions, results: ScenarioResult[]): void {
  if (options.traceDir !== undefined) {
    for (const r of results) {
      const stem = join(options.traceDir, scenarioStem(r.file));
      const doc = traceDocumentOf(r);
      writeOutput('--trace', `${stem}.json`, `${JSON.stringify(doc, null, 2)}\n`);
      writeOutput('--trace', `${stem}.html`, traceHtml(doc, `${stem}.json`));
    }
  }
  if (options.junit !== undefined) writeOutput('--junit', options.junit, junitReport(results));
}

/** `fedsim run`: exit 0 when every scenario met its expectations, 1 otherwise. */
export async function runCommand(options: RunCommandOptions, io: CliIo): Promise<number> {
  const found = selectScenarioFiles(options.paths);
  const files = options.shard ? shardFiles(found, options.shard) : found;
  if (options.traceDir !== undefined) prepareDir('--trace', options.traceDir);
  if (options.junit !== undefined) prepareFile('--junit', options.junit);
  const shard = options.shard && { ...options.shard, total: found.length };
  if (shard && !options.json) {
    io.stdout(`shard ${shard.index}/${shard.count}: ${files.length} of ${shard.total} scenario files\n`);
  }
  const started = performance.now();
  const live = !options.json && io.isTTY;
  const results = await runScenarios(files, {
    trace: options.traceDir !== undefined,
    concurrency: options.concurrency,
    onResult: (result, done, total) => {
      if (options.json) return;
      if (live) io.stdout(`\r\x1b[K[${done}/${total}] ${scenarioLine(result)}`);
      else io.stdout(`[${done}/${total}] ${scenarioLine(result)}\n`);
    },
  });
  if (live) io.stdout('\r\x1b[K');
  const out = options.json
    ? JSON.stringify({ ...jsonReport(results), ...(shard ? { shard } : {}) })
    : humanReport(results, performance.now() - started);
  io.stdout(`${out}\n`);
  writeReports(options, results);
  return results.every((r) => r.status === 'passed') ? 0 : 1;
}
