import type { FrontHandlers } from '../core/app.js';
import { SeededIds } from '../core/ids.js';
import { requestIds } from '../core/request-context.js';
import { captureBrowser } from '../trace/live/capture.js';
import type { LiveTrace } from '../trace/live/recorder.js';
import { liveTraceApp } from '../trace/live/routes.js';

/**
 * What `serve` puts in front of a party with its live trace: each request gets its request id
 * first (the System Log's transaction id), `/_fedsim` is mounted, and every browser exchange is
 * recorded. Without a trace nothing is added: the request scope (AsyncLocalStorage) slows every
 * promise of the process on Node 20, ~1.3x on the journey bench. Request ids come from a sequence
 * of the party's own, so the world's ids stay as they were.
 */
export function servedFront(
  party: string,
  world: { seed: string; origin: () => string; trace: LiveTrace | undefined },
): FrontHandlers {
  const { trace } = world;
  return (app) => {
    if (!trace) return;
    app.use(requestIds(new SeededIds(`${world.seed}:requests:${party}`)));
    app.use('/_fedsim', liveTraceApp(trace, world.origin));
    app.use(captureBrowser(trace, party, world.origin));
  };
}
