import type { Express } from 'express';
import { expressApp } from '../core/app.js';
import { SeededIds } from '../core/ids.js';
import { requestIds } from '../core/request-context.js';
import { captureBrowser } from '../trace/live/capture.js';
import type { LiveTrace } from '../trace/live/recorder.js';
import { liveTraceApp } from '../trace/live/routes.js';

/**
 * A party's app as `serve` runs it, with its live trace: each request gets its request id first
 * (the System Log's transaction id), `/_fedsim/trace` is mounted, and every browser exchange is
 * recorded. Without a trace the app is left as it is: the request scope (AsyncLocalStorage) slows
 * every promise of the process on Node 20, ~1.3x on the journey bench. Request ids come from a
 * sequence of the party's own, so the world's ids stay as they were.
 */
export function servedApp(
  party: string,
  app: Express,
  world: { seed: string; origin: () => string; trace: LiveTrace | undefined },
): Express {
  if (!world.trace) return app;
  const outer = expressApp();
  outer.use(requestIds(new SeededIds(`${world.seed}:requests:${party}`)));
  outer.use('/_fedsim', liveTraceApp(world.trace, world.origin));
  outer.use(captureBrowser(world.trace, party, world.origin));
  outer.use(app);
  return outer;
}
