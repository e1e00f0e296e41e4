import { CM_BEARER } from '../constants.js';
import type { CheckContext } from './types.js';
import { type Check, NO_ASSERTION, outcome } from './types.js';

function skewNote(ctx: CheckContext): string {
  return `now ${ctx.now.toISOString()}, allowed clock skew ${ctx.profile.maxClockSkewMs / 1000} s`;
}

function ms(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? Number.NaN : t;
}

/** Conditions NotBefore may be at most maxClockSkew in the future. */
export const notBeforeCheck: Check = {
  name: 'not-before',
  code: 'SAML_NOT_YET_VALID',
  run(ctx) {
    const notBefore = ms(ctx.message.assertion?.notBefore);
    const ok =
      notBefore === undefined
        ? ctx.message.assertion !== undefined
        : notBefore <= ctx.now.getTime() + ctx.profile.maxClockSkewMs;
    return outcome(
      ok,
      `NotBefore ≤ now + skew (${skewNote(ctx)})`,
      ctx.message.assertion?.notBefore ?? NO_ASSERTION,
      "The assertion is not valid yet: the IdP's clock runs ahead of the SP's. Sync both clocks (NTP) or raise the IdP's max clock skew.",
    );
  },
};

/** Conditions NotOnOrAfter must be later than now minus maxClockSkew. */
export const notOnOrAfterCheck: Check = {
  name: 'not-on-or-after',
  code: 'SAML_EXPIRED',
  run(ctx) {
    const end = ms(ctx.message.assertion?.notOnOrAfter);
    const ok =
      end === undefined
        ? ctx.message.assertion !== undefined
        : ctx.now.getTime() - ctx.profile.maxClockSkewMs < end;
    return outcome(
      ok,
      `NotOnOrAfter > now - skew (${skewNote(ctx)})`,
      ctx.message.assertion?.notOnOrAfter ?? NO_ASSERTION,
      'The assertion has expired: it was delivered too late or the SP clock runs ahead. Sign in again; check both clocks.',
    );
  },
};

/** Each bearer SubjectConfirmationData NotOnOrAfter, like the Conditions window. */
export const subjectNotOnOrAfterCheck: Check = {
  name: 'subject-not-on-or-after',
  code: 'SAML_SUBJECT_EXPIRED',
  run(ctx) {
    // The browser SSO profile requires NotOnOrAfter on every bearer confirmation.
    const ends = (ctx.message.assertion?.subjectConfirmations ?? [])
      .filter((c) => c.method === CM_BEARER)
      .map((c) => c.notOnOrAfter);
    const ok = ends.every((e) => {
      const t = ms(e);
      return t !== undefined && ctx.now.getTime() - ctx.profile.maxClockSkewMs < t;
    });
    return outcome(
      ok,
      `SubjectConfirmationData NotOnOrAfter > now - skew (${skewNote(ctx)})`,
      ends.map((e) => e ?? 'missing').join(', ') || 'none',
      'The bearer confirmation window has passed: the response was posted too late.',
    );
  },
};

/** IssueInstant of Response and Assertion may be at most maxClockSkew in the future: the IdP clock runs ahead. */
export const issueInstantCheck: Check = {
  name: 'issue-instant',
  code: 'SAML_ISSUED_IN_FUTURE',
  run(ctx) {
    const instants = [ctx.message.response.issueInstant, ctx.message.assertion?.issueInstant].filter(
      (v): v is string => v !== undefined,
    );
    const limit = ctx.now.getTime() + ctx.profile.maxClockSkewMs;
    const ok = instants.length > 0 && instants.every((v) => (ms(v) ?? Number.NaN) <= limit);
    return outcome(
      ok,
      `IssueInstant ≤ now + skew (${skewNote(ctx)})`,
      instants.join(', ') || 'no IssueInstant',
      "The message was issued in the future by the SP's clock: the IdP's clock runs ahead. Sync both clocks (NTP) or raise the IdP's max clock skew.",
    );
  },
};
