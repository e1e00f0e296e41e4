import type { Express } from 'express';
import { expressApp } from '../core/app.js';
import { SeededIds } from '../core/ids.js';
import { requestIds } from '../core/request-context.js';
import { captureBrowser } from '../trace/live/capture.js';
import type { LiveTrace } from '../trace/live/recorder.js';
import { liveTraceApp } from '../trace/live/routes.js';

/**
 * A party's app as the world serves it: each request gets its request id first (the System Log's
 * transaction id); with a live trace, `/_fedsim/trace` is mounted and every browser exchange is
 * recorded. Request ids come from a sequence of the party's own, so the world's ids stay as they were.
 */
export function servedApp(
  party: string,
  app: Express,
  world: { seed: string; origin: () => string; trace: LiveTrace | undefined },
): Express {
  const outer = expressApp();
  outer.use(requestIds(new SeededIds(`${world.seed}:requests:${party}`)));
  if (world.trace) {
    outer.use('/_fedsim', liveTraceApp(world.trace, world.origin));
    outer.use(captureBrowser(world.trace, party, world.origin));
  }
  outer.use(app);
  return outer;
}
