import type { Clock } from '../core/clock.js';
import { FedsimError } from '../core/errors.js';
import type { CheckResult } from './checks/types.js';
import { type ConsumeResult, consumeResponse, firstFailure } from './consume.js';
import type { InboundMessage } from './message.js';
import type { ParsedAssertion } from './parse.js';
import type { SpProfile } from './profile.js';
import { ReplayCache } from './replay-cache.js';

/** Messages remembered for traces: a scenario's few; bounded so `serve` cannot grow. */
const RECENT_MAX = 8;

/** A consumed response the SP accepted: the assertion it may act on, and the full check report. */
export interface Accepted {
  assertion: ParsedAssertion;
  result: ConsumeResult;
}

/** What the receiving party decided once the table passed, or why it refused. */
export interface SpDecision {
  outcome: 'matched' | 'linked' | 'jit-created' | 'signed-in' | 'refused';
  code?: string;
  message?: string;
  userId?: string;
  login?: string;
}

/** One message at the ACS as the SP saw it: its profile, state and time then, the table it ran. */
export interface SpArrival {
  samlResponse: string;
  profile: SpProfile;
  outstandingRequestIds: string[];
  now: Date;
  /** Empty when the message could not even be read. */
  checks: CheckResult[];
  decision: SpDecision;
}

type Pending = Omit<SpArrival, 'samlResponse' | 'decision'>;

/**
 * The SP half of an ACS endpoint, shared by org2's inbound IdP and dropbox: run the check table,
 * refuse on the first failure, remember accepted assertion ids against replay.
 */
export class ServiceProvider {
  readonly replay = new ReplayCache();
  /** The last messages read, by their base64: traces reuse them instead of verifying again. */
  readonly #recent = new Map<string, InboundMessage>();

  /** Set only while a trace records (nothing is kept otherwise): each ACS arrival, as it happened. */
  onArrival: ((arrival: SpArrival) => void) | undefined;
  #pending: Pending | undefined;

  constructor(
    private readonly profile: () => SpProfile,
    private readonly clock: Clock,
  ) {}

  /** The message this SP read from exactly this SAMLResponse value, if it is still remembered. */
  seen(samlResponse: string): InboundMessage | undefined {
    return this.#recent.get(samlResponse);
  }

  #remember(samlResponse: string, message: InboundMessage): void {
    if (this.#recent.size >= RECENT_MAX) this.#recent.delete(this.#recent.keys().next().value as string);
    this.#recent.set(samlResponse, message);
  }

  /** The ACS's last word on a message (accepted or refused): reported to a recording trace. */
  arrived(samlResponse: unknown, decision: SpDecision): void {
    const pending = this.#pending;
    this.#pending = undefined;
    if (!this.onArrival || typeof samlResponse !== 'string') return;
    this.onArrival({
      samlResponse,
      ...(pending ?? {
        profile: this.profile(),
        now: this.clock.now(),
        outstandingRequestIds: [],
        checks: [],
      }),
      decision,
    });
  }

  accept(samlResponse: unknown, outstandingRequestIds: ReadonlySet<string> = new Set()): Accepted {
    if (typeof samlResponse !== 'string' || samlResponse === '') {
      throw new FedsimError('SAML_INPUT_MISSING', 'The POST carried no SAMLResponse form field', {
        hint: 'Post the IdP form (field SAMLResponse) to this ACS URL.',
      });
    }
    const now = this.clock.now();
    const profile = this.profile();
    const result = consumeResponse(
      samlResponse,
      profile,
      { outstandingRequestIds, usedAssertionIds: this.replay },
      now,
    );
    this.#remember(samlResponse, result.message);
    if (this.onArrival) {
      this.#pending = {
        profile,
        now,
        outstandingRequestIds: [...outstandingRequestIds],
        checks: result.checks,
      };
    }
    const failure = firstFailure(result);
    if (failure) throw failure;
    const assertion = result.message.assertion as ParsedAssertion;
    // Remember the id as long as any window (Conditions or a SubjectConfirmationData) accepts it.
    const ends = [assertion.notOnOrAfter, ...assertion.subjectConfirmations.map((c) => c.notOnOrAfter)]
      .map((v) => Date.parse(v ?? ''))
      .filter(Number.isFinite);
    const expires = ends.length ? Math.max(...ends) : Number.POSITIVE_INFINITY;
    this.replay.add(assertion.id ?? '', expires + profile.maxClockSkewMs, now.getTime());
    return { assertion, result };
  }
}
