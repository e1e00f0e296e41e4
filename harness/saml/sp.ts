import type { Clock } from '../core/clock.js';
import { FedsimError } from '../core/errors.js';
import { type ConsumeResult, consumeResponse, firstFailure } from './consume.js';
import type { ParsedAssertion } from './parse.js';
import type { SpProfile } from './profile.js';
import { ReplayCache } from './replay-cache.js';

/** A consumed response the SP accepted: the assertion it may act on, and the full check report. */
export interface Accepted {
  assertion: ParsedAssertion;
  result: ConsumeResult;
}

/**
 * The SP half of an ACS endpoint, shared by org2's inbound IdP and dropbox: run the check table,
 * refuse on the first failure, remember accepted assertion ids against replay.
 */
export class ServiceProvider {
  readonly replay = new ReplayCache();
  /** The last consume report, for traces and for explaining a refusal. */
  lastResult?: ConsumeResult;

  constructor(
    private readonly profile: () => SpProfile,
    private readonly clock: Clock,
  ) {}

  accept(samlResponse: unknown, outstandingRequestIds: ReadonlySet<string> = new Set()): Accepted {
    if (typeof samlResponse !== 'string' || samlResponse === '') {
      throw new FedsimError('SAML_INPUT_MISSING', 'The POST carried no SAMLResponse form field', {
        status: 400,
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
    this.lastResult = result;
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
