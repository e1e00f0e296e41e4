import type { Hop } from '../agent/index.js';
import type { HttpFetch } from '../core/http.js';
import type { RecordedArrival, RecordedEntry, StepStamp } from '../trace/build.js';
import { type CallSink, type RecordedCall, recordingFetch } from '../trace/record.js';
import type { World } from '../world/world.js';

/**
 * Collects one run's exchanges for its trace, each stamped with the step running when it started
 * and kept in the order exchanges started: browser hops, calls between parties, ACS arrivals.
 */
export class Recording {
  #stamp: StepStamp = {};
  readonly #entries: (RecordedEntry | undefined)[] = [];
  readonly arrivals: RecordedArrival[] = [];
  /** Per browser: the slot and call of its exchange in flight, completed by the agent's hop. */
  readonly #browserCalls = new Map<string, { slot: number; call?: RecordedCall }>();

  /** Called as each step starts. */
  step(index: number, name: string): void {
    this.#stamp = { step: index, stepName: name };
  }

  /** Calls a party makes (the world's `record` option). */
  readonly parties =
    (from: string): CallSink =>
    () => {
      const slot = this.#reserve();
      const stamp = this.#stamp;
      return (call) => {
        this.#entries[slot] = { ...stamp, channel: 'api', from, call };
      };
    };

  /** The fetch of one browser: its request and response headers, joined to its hop in `onHop`. */
  browserFetch(world: World, browser: string): HttpFetch {
    const sink = () => {
      const pending: { slot: number; call?: RecordedCall } = { slot: this.#reserve() };
      this.#browserCalls.set(browser, pending);
      return (call: RecordedCall) => {
        pending.call = call;
      };
    };
    return recordingFetch(world.fetch, sink, false);
  }

  onHop(hop: Hop, browser: string): void {
    const pending = this.#browserCalls.get(browser);
    this.#browserCalls.delete(browser);
    const slot = pending?.slot ?? this.#reserve();
    this.#entries[slot] = { ...this.#stamp, channel: 'browser', browser, hop, call: pending?.call };
  }

  /** Subscribes to both SPs' ACS arrivals. */
  watch(world: World): void {
    for (const party of ['org2', 'dropbox'] as const) {
      world[party].sp.onArrival = (arrival) => this.arrivals.push({ party, arrival });
    }
  }

  entries(): RecordedEntry[] {
    return this.#entries.filter((e): e is RecordedEntry => e !== undefined);
  }

  #reserve(): number {
    this.#entries.push(undefined);
    return this.#entries.length - 1;
  }
}
