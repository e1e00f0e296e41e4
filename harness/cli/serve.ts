import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { FedsimError, isErrorCode } from '../core/errors.js';
import { whenParentExits } from './parent-watch.js';
import type { ServeMessage, ServeOptions } from './serve-world.js';

/**
 * A long-running server favours footprint over peak speed. The flag is process-wide, and a heap
 * takes its shape when its isolate is created, so the world runs on a worker started after it:
 * over 1,000 sign-ins RSS grows ~15–19 MB instead of ~115 MB (test/bench/serve-memory.ts). Its price
 * is CPU: every mark-compact reduces memory and the young generation stays at 1 MB (semi-space
 * flags do not change that): ~1.5× the serve CPU per journey at 32 browsers of a 16 MB young
 * generation, which lets RSS grow 23–29 MB (docs/decisions/serve-concurrency.md has every setting).
 */
const SERVE_V8_FLAGS = '--optimize-for-size';

/**
 * `fedsim serve`: the three parties on real time until SIGINT/SIGTERM (or, started by npx / npm
 * exec, until that parent exits: see parent-watch.ts). Resolves with the exit code once they have
 * stopped; rejects when the world cannot start (a broken scenario).
 */
export function serveCommand(options: ServeOptions): Promise<number> {
  setFlagsFromString(SERVE_V8_FLAGS);
  const worker = new Worker(new URL('./serve-world.js', import.meta.url), { workerData: options });
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
