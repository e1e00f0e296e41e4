import { FedsimError } from '../core/errors.js';
import { type CheckResult, runChecks } from './checks/index.js';
import { type InboundMessage, readInboundBase64 } from './message.js';
import type { SpProfile, SpState } from './profile.js';

export interface ConsumeResult {
  message: InboundMessage;
  checks: CheckResult[];
  ok: boolean;
}

/** Reads a posted SAMLResponse and runs the whole check table against it. */
export function consumeResponse(
  base64: string,
  profile: SpProfile,
  state: SpState,
  now: Date,
): ConsumeResult {
  const message = readInboundBase64(base64, profile);
  const checks = runChecks({ message, profile, state, now });
  return { message, checks, ok: checks.every((c) => c.ok) };
}

/** The first failing check as an error, for an ACS that must refuse the sign-in. */
export function firstFailure(result: ConsumeResult): FedsimError | undefined {
  const failed = result.checks.find((c) => !c.ok);
  if (!failed) return undefined;
  return new FedsimError(
    failed.code,
    `SAML ${failed.check} check failed: expected ${String(failed.expected)}, got ${String(failed.actual)}`,
    {
      expected: failed.expected,
      actual: failed.actual,
      hint: failed.hint,
    },
  );
}
