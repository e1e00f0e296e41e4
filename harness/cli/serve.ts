import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { FedsimError, isErrorCode } from '../core/errors.js';
import { workerEntry } from '../core/worker-entry.js';
import { whenParentExits } from './parent-watch.js';
import { SERVE_V8_FLAGS } from './serve-heap.js';
import type { ServeMessage, ServeOptions } from './serve-world.js';

/**
 * `fedsim serve`: the three parties on real time until SIGINT/SIGTERM (or, started by npx / npm
 * exec, until that parent exits: see parent-watch.ts). Resolves with the exit code once they have
 * stopped; rejects when the world cannot start (a broken scenario).
 */
export function serveCommand(options: ServeOptions): Promise<number> {
  // Process-wide, and read when an isolate is created: the world's worker is started after it.
  setFlagsFromString(SERVE_V8_FLAGS[options.heap]);
  const worker = new Worker(workerEntry('serve-world'), { workerData: options });
  const stop = () => worker.postMessage('stop');
  return new Promise((resolve, reject) => {
    let failure: FedsimError | undefined;
    let unwatch = () => {};
    worker.on('message', (message: ServeMessage) => {
      if ('started' in message) {
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        unwatch = whenParentExits(stop);
        return;
      }
      const code = isErrorCode(message.error.code) ? message.error.code : 'CONFIG_INVALID';
      failure = new FedsimError(code, message.error.message, { hint: message.error.hint });
    });
    worker.once('error', reject);
    worker.once('exit', () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      unwatch();
      if (failure) reject(failure);
      else resolve(0);
    });
  });
}
