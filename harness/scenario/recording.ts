import type { Hop } from '../agent/index.js';
import type { HttpFetch } from '../core/http.js';
import { buildTrace, type RecordedArrival, type RecordedEntry, type StepStamp } from '../trace/build.js';
import type { TraceDocument, TracedStep } from '../trace/document.js';
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

  /** The run's trace document, raw; `world` is absent when it could not be built. */
  document(
    world: World | undefined,
    scenario: { name: string; file: string },
    steps: readonly Omit<TracedStep, 'index'>[],
    status: 'passed' | 'failed',
  ): TraceDocument {
    const parties: Record<string, string> = world
      ? { org1: world.org1.url, org2: world.org2.url, dropbox: world.dropbox.url }
      : {};
    const input = {
      scenario,
      parties,
      steps: steps.map(({ name, status, error }, i) => ({
        index: i + 1,
        name,
        status,
        ...(error ? { error } : {}),
      })),
      entries: this.#entries.filter((e): e is RecordedEntry => e !== undefined),
      arrivals: this.arrivals,
      spFor: (url: string) => world?.spFor(url),
      secrets: world?.secretValues() ?? [],
    };
    return buildTrace(input, status);
  }

  #reserve(): number {
    this.#entries.push(undefined);
    return this.#entries.length - 1;
  }
}
