import { performance } from 'node:perf_hooks';
import { type Clock, FixedClock } from '../core/clock.js';
import type { HttpFetch } from '../core/http.js';

/**
 * Time for code that waits (retry back-off, injected latency). On the fixed scenario clock a wait
 * moves the clock instead of sleeping, so scenarios stay fast and reproducible; on the system clock
 * (`fedsim serve`) it is a real timer.
 */
export interface Scheduler {
  now(): Date;
  /** A client waiting (a retry back-off). */
  sleep(ms: number): Promise<void>;
  /** A server holding a request it is answering (injected latency). */
  hold(ms: number): Promise<void>;
  /** The same fetch, with each call counted as work in flight while it lasts. */
  tracking(fetch: HttpFetch): HttpFetch;
}

/**
 * How long, in real time, sleepers wait for in-flight calls before time may move anyway: a safety
 * valve for a call that itself waits on a sleeper (it would otherwise never finish).
 */
const STUCK_MS = 250;
/**
 * A stuck call leaves the event loop idle; a slow one (a loaded machine) keeps it running. Time
 * moves early only after a period this idle, or after STUCK_CAP_MS without a call ending (a stuck
 * call beside another world's busy work in the same process), so load cannot change outcomes.
 */
const STUCK_MAX_UTILIZATION = 0.1;
const STUCK_CAP_MS = 2_000;

interface Sleeper {
  target: number;
  wake: () => void;
}

/**
 * Virtual time as a discrete-event simulation: a wait ends only when no tracked call is in
 * flight, and the earliest target goes first. Fifty tasks that each send a call and back off on
 * failure thus see what they would in real time: every first call is answered before any retry
 * goes out, however fast or slow loopback I/O is on the machine.
 */
class VirtualScheduler implements Scheduler {
  #busy = 0;
  #sleepers: Sleeper[] = [];
  #checkQueued = false;
  #valve: NodeJS.Timeout | undefined;
  /** Tracked calls ended so far: whether any ended during a valve period. */
  #ended = 0;

  constructor(private readonly clock: FixedClock) {}

  now(): Date {
    return this.clock.now();
  }

  sleep(ms: number): Promise<void> {
    // Waiters that start together end at the same instant: the clock moves to the target, not by
    // the delay, so 50 concurrent back-offs of 1 s advance it by 1 s, not 50.
    const target = this.clock.now().getTime() + Math.max(0, ms);
    return new Promise<void>((wake) => {
      this.#sleepers.push({ target, wake });
      this.#queueCheck();
    });
  }

  async hold(ms: number): Promise<void> {
    // The held request is in flight but must not hold time back: it is what is waiting.
    this.#busy -= 1;
    try {
      await this.sleep(ms);
    } finally {
      this.#busy += 1;
    }
  }

  tracking(fetch: HttpFetch): HttpFetch {
    return async (url, init) => {
      this.#busy += 1;
      try {
        return await fetch(url, init);
      } finally {
        this.#busy -= 1;
        this.#ended += 1;
        if (this.#busy <= 0) this.#queueCheck();
      }
    };
  }

  /** After the current turn, so code resumed by a finished call can start its next one first. */
  #queueCheck(): void {
    if (this.#checkQueued || this.#sleepers.length === 0) return;
    this.#checkQueued = true;
    setImmediate(() => {
      this.#checkQueued = false;
      if (this.#busy > 0) return this.#armValve();
      this.#wakeEarliest();
    });
  }

  #armValve(waitedMs = 0): void {
    if (this.#valve) return;
    const loop = performance.eventLoopUtilization();
    const ended = this.#ended;
    this.#valve = setTimeout(() => {
      this.#valve = undefined;
      if (this.#sleepers.length === 0) return;
      const idle = performance.eventLoopUtilization(loop).utilization <= STUCK_MAX_UTILIZATION;
      const waited = waitedMs + STUCK_MS;
      if (this.#busy <= 0 || (ended === this.#ended && (idle || waited >= STUCK_CAP_MS)))
        this.#wakeEarliest();
      else this.#armValve(ended === this.#ended ? waited : 0);
    }, STUCK_MS);
  }

  #wakeEarliest(): void {
    clearTimeout(this.#valve);
    this.#valve = undefined;
    const earliest = Math.min(...this.#sleepers.map((s) => s.target));
    const behind = earliest - this.clock.now().getTime();
    if (behind > 0) this.clock.advance(behind);
    const due = this.#sleepers.filter((s) => s.target <= earliest);
    this.#sleepers = this.#sleepers.filter((s) => s.target > earliest);
    for (const s of due) s.wake();
    this.#queueCheck();
  }
}

class RealScheduler implements Scheduler {
  constructor(private readonly clock: Clock) {}

  now(): Date {
    return this.clock.now();
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
  }

  hold(ms: number): Promise<void> {
    return this.sleep(ms);
  }

  tracking(fetch: HttpFetch): HttpFetch {
    return fetch;
  }
}

export function schedulerFor(clock: Clock): Scheduler {
  return clock instanceof FixedClock ? new VirtualScheduler(clock) : new RealScheduler(clock);
}
