import { type Clock, FixedClock } from '../core/clock.js';

/**
 * Time for code that waits (retry back-off, injected latency). On the fixed scenario clock a wait
 * moves the clock instead of sleeping, so scenarios stay fast and reproducible; on the system clock
 * (`fedsim serve`) it is a real timer.
 */
export interface Scheduler {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function schedulerFor(clock: Clock): Scheduler {
  if (clock instanceof FixedClock) {
    return {
      now: () => clock.now(),
      // Waiters that started together end at the same instant: the clock moves to the target,
      // not by the delay, so 50 concurrent back-offs of 1 s advance it by 1 s, not 50.
      sleep: async (ms) => {
        const target = clock.now().getTime() + Math.max(0, ms);
        await nextTurn();
        const behind = target - clock.now().getTime();
        if (behind > 0) clock.advance(behind);
      },
    };
  }
  return {
    now: () => clock.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
  };
}
