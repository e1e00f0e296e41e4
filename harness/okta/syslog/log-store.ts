import type { Clock } from '../../core/clock.js';
import type { IdGenerator } from '../../core/ids.js';
import { currentRequestId } from '../../core/request-context.js';
import type { TracedExchange } from '../../trace/document.js';
import type { OktaUser } from '../directory.js';

/**
 * Okta's LogEvent as `GET /api/v1/logs` serves it (management OpenAPI spec, schema LogEvent):
 * the parts fedsim fills. `debugContext.debugData` carries fedsim's own detail (e.g. `fedsimCode`).
 */
export interface LogActor {
  id: string;
  type: string;
  alternateId: string;
  displayName: string;
}

export type LogTarget = LogActor;

/** An actor or target as served: Okta adds `detailEntry` (null when there is nothing more). */
type Served<T> = T & { detailEntry: null };

export interface LogEvent {
  uuid: string;
  published: string;
  eventType: string;
  version: '0';
  severity: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  legacyEventType: null;
  displayMessage: string;
  actor: Served<LogActor>;
  /** No browser details are simulated: every field is null. */
  client: { userAgent: null; zone: null; device: null; id: null; ipAddress: null; geographicalContext: null };
  outcome: {
    result: 'SUCCESS' | 'FAILURE' | 'SKIPPED' | 'ALLOW' | 'DENY' | 'CHALLENGE' | 'UNKNOWN';
    reason: string | null;
  };
  target: Served<LogTarget>[];
  transaction: { type: 'WEB' | 'JOB'; id: string; detail: null };
  debugContext: { debugData: Record<string, string> };
}

/**
 * What a caller says about an event; the store adds uuid, time, client and transaction (the id of
 * the request being answered, core/request-context.ts, or a fresh one outside a request).
 */
export interface LogInput {
  eventType: string;
  displayMessage: string;
  actor: LogActor;
  outcome: LogEvent['outcome'];
  target?: LogTarget[];
  severity?: LogEvent['severity'];
  transaction?: LogEvent['transaction']['type'];
  debugData?: Record<string, string>;
}

/** Events kept per org; the oldest go first, so a long `serve` stays bounded (as task logs do). */
export const SYSTEM_LOG_MAX = 1000;

/** The actor of events the org itself causes (a JIT creation, a provisioning push): Okta's system principal. */
export const SYSTEM_ACTOR: LogActor = {
  id: '0oa0000000000000system',
  type: 'SystemPrincipal',
  alternateId: 'system@okta.com',
  displayName: 'Okta System',
};

/** A user as an event's actor or target. */
export function userActor(user: OktaUser): LogActor {
  const { login, firstName, lastName } = user.profile;
  return { id: user.id, type: 'User', alternateId: login, displayName: `${firstName} ${lastName}` };
}

/** What the store keeps of an event: the caller's input and what the store drew; the rest is derived. */
interface StoredEvent {
  uuid: string;
  published: string;
  transactionId: string;
  input: LogInput;
}

/** Every LogEvent field that never varies: no browser details are simulated. */
const NO_CLIENT: LogEvent['client'] = Object.freeze({
  userAgent: null,
  zone: null,
  device: null,
  id: null,
  ipAddress: null,
  geographicalContext: null,
});

function served({ uuid, published, transactionId, input }: StoredEvent): LogEvent {
  return {
    uuid,
    published,
    eventType: input.eventType,
    version: '0',
    severity: input.severity ?? (input.outcome.result === 'FAILURE' ? 'WARN' : 'INFO'),
    legacyEventType: null,
    displayMessage: input.displayMessage,
    actor: { ...input.actor, detailEntry: null },
    client: NO_CLIENT,
    outcome: input.outcome,
    target: (input.target ?? []).map((t) => ({ ...t, detailEntry: null })),
    transaction: { type: input.transaction ?? 'WEB', id: transactionId, detail: null },
    debugContext: { debugData: input.debugData ?? {} },
  };
}

/**
 * An org's System Log: events in the order they happened, newest last. It keeps each event's
 * input and builds the served shape when read: a full LogEvent costs ~2.4 KB of heap, which made a
 * long `serve` grow past its memory budget.
 */
export class SystemLog {
  readonly #stored: StoredEvent[] = [];
  /**
   * Set while a served world records its live trace: the exchange of a transaction (the request
   * an event was written in), whose check table and SAML message the System Log report shows.
   */
  exchangeOf: ((transactionId: string) => TracedExchange | undefined) | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Every event kept, oldest first, as `GET /api/v1/logs` serves them. */
  get events(): LogEvent[] {
    return this.#stored.map(served);
  }

  record(input: LogInput): LogEvent {
    const stored: StoredEvent = {
      uuid: this.ids.uuid(),
      published: this.clock.now().toISOString(),
      // A web event is the request's: Okta's transaction id is its X-Okta-Request-Id.
      transactionId: (input.transaction !== 'JOB' && currentRequestId()) || this.ids.token(32),
      input,
    };
    this.#stored.push(stored);
    if (this.#stored.length > SYSTEM_LOG_MAX) this.#stored.shift();
    return served(stored);
  }
}
