import { parentPort } from 'node:worker_threads';
import { runParsedScenario, runScenario, type ScenarioOptions } from './runner.js';
import type { Scenario } from './schema.js';

/** A scenario worker thread: runs the files it is sent, one at a time, and posts each result back. */
interface Job {
  index: number;
  file: string;
  options: ScenarioOptions;
  scenario?: Scenario;
}

parentPort?.on('message', async (job: Job) => {
  const { file, options, scenario } = job;
  const result = await (scenario ? runParsedScenario(scenario, file, options) : runScenario(file, options));
  parentPort?.postMessage({ index: job.index, result });
});
