import type { SpArrival } from '../../saml/sp.js';
import { buildTrace, type RecordedArrival, type RecordedEntry, type TraceInput } from '../build.js';
import type { SpLookup } from '../decode.js';
import { TRACE_VERSION, type TraceDocument, type TracedExchange } from '../document.js';
import type { PartySinks } from '../record.js';
import { Causes } from './causes.js';

/** Exchanges a served world keeps: the latest, so a long `serve` stays bounded (~3 MB at most). */
export const LIVE_TRACE_MAX_HOPS = 300;

/** What the recorder reads of the world it records, bound once the world is built. */
export interface LiveWorld {
  /** Party name → origin. */
  parties(): Record<string, string>;
  spFor: SpLookup;
  /** Values no hop may show: tokens, passwords. */
  secrets(): string[];
}

/** A recorded exchange as it completes, with the answering party's request id (browser hops). */
export type LiveEntry = RecordedEntry & { requestId?: string };

/** ACS arrivals wait here for their request to finish; only a handful are ever in flight. */
const ARRIVALS_MAX = 32;

/** An exchange as it completed, with what building it needs as of then; built when first read. */
interface Kept {
  n: number;
  requestId?: string;
  input?: TraceInput;
  built?: TracedExchange;
}

/**
 * The trace of a served world: every exchange a real browser makes with the parties (recorded by
 * `capture.ts` as each party answers) and every call between parties (their recorded fetch), in
 * one document of the trace format, newest kept. An exchange is built (decoded, redacted) when it
 * is first read, or at once while the live page subscribes: a busy `serve` that nobody watches
 * only keeps what it saw (building is most of what recording costs), and what falls off the end
 * unread is never built.
 */
export class LiveTrace {
  #next = 1;
  readonly #kept: Kept[] = [];
  readonly #arrivals: RecordedArrival[] = [];
  readonly #listeners = new Set<(hop: TracedExchange) => void>();
  /** Calls between parties in flight (`METHOD url` → count): the receiving party does not record them again. */
  readonly #apiInFlight = new Map<string, number>();
  #world: LiveWorld | undefined;
  /** What caused each browser request: one browser goes from party to party, so one for all three. */
  readonly causes = new Causes();

  constructor(readonly max = LIVE_TRACE_MAX_HOPS) {}

  bind(world: LiveWorld): void {
    this.#world = world;
  }

  /** The number of the next exchange, taken when it starts so the trace keeps start order. */
  take(): number {
    return this.#next++;
  }

  /** The world's `record` option: each party's calls to the others. */
  readonly sinks: PartySinks = (from) => (request) => {
    const n = this.take();
    const key = `${request.method} ${request.url}`;
    this.#apiInFlight.set(key, (this.#apiInFlight.get(key) ?? 0) + 1);
    return (call) => {
      const left = (this.#apiInFlight.get(key) ?? 1) - 1;
      if (left) this.#apiInFlight.set(key, left);
      else this.#apiInFlight.delete(key);
      this.add(n, { channel: 'api', from, call });
    };
  };

  /** True while a party's own call to this URL is in flight: the recorder has it already. */
  isPartyCall(method: string, url: string): boolean {
    return this.#apiInFlight.has(`${method} ${url}`);
  }

  /** An SP's ACS arrival (its `onArrival`), joined to the browser's POST when that completes. */
  arrived(party: string, arrival: SpArrival): void {
    this.#arrivals.push({ party, arrival });
    if (this.#arrivals.length > ARRIVALS_MAX) this.#arrivals.shift();
  }

  /**
   * Keeps a completed exchange with the world's parties, secrets and SP profile as they are now
   * (what it is built with later), and builds it at once for subscribers.
   */
  add(n: number, entry: LiveEntry): void {
    const world = this.#world;
    if (!world) return;
    const posted = entry.channel === 'browser' ? entry.hop.formFields?.SAMLResponse : undefined;
    const i = posted === undefined ? -1 : this.#arrivals.findIndex((a) => a.arrival.samlResponse === posted);
    const sp = entry.channel === 'browser' ? world.spFor(entry.hop.url.split('?')[0] ?? '') : undefined;
    const input: TraceInput = {
      scenario: { name: '', file: '' },
      parties: world.parties(),
      steps: [],
      entries: [entry],
      arrivals: i < 0 ? [] : this.#arrivals.splice(i, 1),
      spFor: () => sp,
      secrets: world.secrets(),
    };
    const kept: Kept = { n, input, ...(entry.requestId ? { requestId: entry.requestId } : {}) };
    this.#insert(kept);
    if (!this.#listeners.size) return;
    const hop = this.#built(kept);
    if (hop) for (const listener of this.#listeners) listener(hop);
  }

  #built(kept: Kept): TracedExchange | undefined {
    const { input, n, requestId } = kept;
    if (!input) return kept.built;
    kept.input = undefined;
    const [built] = buildTrace(input, 'passed').hops;
    if (built) kept.built = { ...built, n, ...(requestId ? { requestId } : {}) };
    return kept.built;
  }

  /** Kept in number order: a hop that started earlier may complete later. */
  #insert(kept: Kept): void {
    let at = this.#kept.length;
    while (at > 0 && (this.#kept[at - 1] as Kept).n > kept.n) at -= 1;
    this.#kept.splice(at, 0, kept);
    if (this.#kept.length > this.max) this.#kept.shift();
  }

  /** The kept exchanges, oldest first. */
  get hops(): readonly TracedExchange[] {
    return this.#kept.flatMap((k) => this.#built(k) ?? []);
  }

  /** The exchange a party answered with this request id (a System Log event's transaction id). */
  hopOf(requestId: string): TracedExchange | undefined {
    const kept = this.#kept.find((k) => k.requestId === requestId);
    return kept && this.#built(kept);
  }

  /** Calls `listener` with each exchange as it completes, until the returned function is called. */
  subscribe(listener: (hop: TracedExchange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The kept exchanges as a trace document (`fedsim explain` and `fedsim diff` read it). */
  document(): TraceDocument {
    return {
      fedsimTrace: TRACE_VERSION,
      scenario: { name: 'fedsim serve', file: '', status: 'passed' },
      parties: this.#world?.parties() ?? {},
      normalized: false,
      steps: [],
      hops: [...this.hops],
    };
  }
}
