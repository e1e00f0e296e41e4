/** Time is injected so scenario runs are reproducible and time checks testable. */
export interface Clock {
  now(): Date;
}

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that only moves when told to. */
export class FixedClock implements Clock {
  #ms: number;

  constructor(start: Date | string) {
    this.#ms = new Date(start).getTime();
    if (Number.isNaN(this.#ms)) throw new TypeError(`FixedClock: invalid start time ${String(start)}`);
  }

  now(): Date {
    return new Date(this.#ms);
  }

  advance(ms: number): void {
    this.#ms += ms;
  }
}

/** A view of another clock shifted by a fixed offset: an IdP whose clock runs ahead or behind. */
export class OffsetClock implements Clock {
  constructor(
    private readonly base: Clock,
    private readonly offsetMs: number,
  ) {}

  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }
}

export const DEFAULT_SCENARIO_START = '2026-01-15T09:00:00.000Z';

const lastInstant = new WeakMap<Clock, Date>();

/**
 * The clock's time for a stored record: the Date handed out last time while the clock has not
 * moved, so records made in one instant share one object (a generated world of 100,000 users
 * otherwise holds seven per user). Stored records' Dates are never mutated in place.
 */
export function recordTime(clock: Clock): Date {
  const now = clock.now();
  const last = lastInstant.get(clock);
  if (last?.getTime() === now.getTime()) return last;
  lastInstant.set(clock, now);
  return now;
}
