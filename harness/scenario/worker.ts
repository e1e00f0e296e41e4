import { parentPort } from 'node:worker_threads';
import { runScenario, type ScenarioOptions } from './runner.js';

/** A scenario worker thread: runs the files it is sent, one at a time, and posts each result back. */
interface Job {
  index: number;
  file: string;
  options: ScenarioOptions;
}

parentPort?.on('message', async (job: Job) => {
  const result = await runScenario(job.file, job.options);
  parentPort?.postMessage({ index: job.index, result });
});
