import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../harness/core/clock.js';
import { schedulerFor } from '../../harness/provisioning/scheduler.js';

const T0 = '2026-01-15T09:00:00.000Z';

/** Keeps the event loop running (a loaded machine, another world's work) for `ms` of real time. */
async function busyFor(ms: number): Promise<void> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const chunk = performance.now() + 5;
    while (performance.now() < chunk) {
      // work, as a slow answer's handler would do it
    }
    await new Promise((next) => setImmediate(next));
  }
}

describe('schedulerFor a fixed clock, under load', () => {
  it('keeps time still while a slow call keeps the loop running, past the stuck valve', async () => {
    const clock = new FixedClock(T0);
    const s = schedulerFor(clock);
    const order: string[] = [];
    // Slower than the valve's 250 ms twice over, but never idle: not stuck, only slow.
    const slow = s.tracking(async () => {
      await busyFor(600);
      return new Response('late but answered');
    });
    const call = slow('http://127.0.0.1:1/').then(() =>
      order.push(`answered at ${clock.now().toISOString()}`),
    );
    const sleeper = s.sleep(60_000).then(() => order.push(`woke at ${clock.now().toISOString()}`));
    await Promise.all([call, sleeper]);
    expect(order).toEqual(['answered at 2026-01-15T09:00:00.000Z', 'woke at 2026-01-15T09:01:00.000Z']);
  });
});
