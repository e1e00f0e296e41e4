import type { ErrorCode } from '../../core/errors.js';
import type { InboundMessage } from '../message.js';
import type { SpProfile, SpState } from '../profile.js';

/** One row of the check table: what was compared, and how to fix it when it failed. */
export interface CheckResult {
  check: string;
  code: ErrorCode;
  ok: boolean;
  expected: unknown;
  actual: unknown;
  hint: string;
}

export interface CheckContext {
  message: InboundMessage;
  profile: SpProfile;
  state: SpState;
  now: Date;
}

export interface Check {
  name: string;
  code: ErrorCode;
  run(ctx: CheckContext): Omit<CheckResult, 'check' | 'code'> & { code?: ErrorCode };
}

/** Shorthand for checks whose outcome is a plain comparison. */
export function outcome(ok: boolean, expected: unknown, actual: unknown, hint: string) {
  return { ok, expected, actual, hint };
}

export const NO_ASSERTION = 'no assertion to read';
