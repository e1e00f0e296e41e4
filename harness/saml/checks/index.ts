import { bearerCheck, destinationCheck, recipientCheck } from './endpoints.js';
import { audienceCheck, issuerCheck, nameIdCheck, statusCheck, versionCheck } from './identity.js';
import { inResponseToCheck, replayCheck } from './session.js';
import {
  assertionCountCheck,
  encryptionCheck,
  schemaCheck,
  signatureAlgorithmCheck,
  signatureCheck,
  signedElementCheck,
} from './signature.js';
import { issueInstantCheck, notBeforeCheck, notOnOrAfterCheck, subjectNotOnOrAfterCheck } from './time.js';
import type { Check, CheckContext, CheckResult } from './types.js';

export type { Check, CheckContext, CheckResult } from './types.js';

/** The SP check table, in the order a failure is reported: integrity first, then meaning. */
export const CHECKS: readonly Check[] = [
  // A message of another SAML version cannot be read for anything else.
  versionCheck,
  // What the IdP meant: an error response is reported as such, not as a wrapping attempt.
  statusCheck,
  // Integrity: one assertion, signed by a trusted key, read only from signed bytes.
  assertionCountCheck,
  signatureCheck,
  signatureAlgorithmCheck,
  signedElementCheck,
  encryptionCheck,
  schemaCheck,
  // Meaning: who, for whom, where, when.
  issuerCheck,
  destinationCheck,
  bearerCheck,
  recipientCheck,
  audienceCheck,
  issueInstantCheck,
  notBeforeCheck,
  notOnOrAfterCheck,
  subjectNotOnOrAfterCheck,
  nameIdCheck,
  inResponseToCheck,
  replayCheck,
];

export function runChecks(ctx: CheckContext, checks: readonly Check[] = CHECKS): CheckResult[] {
  return checks.map((check) => {
    const { code, ...rest } = check.run(ctx);
    return { check: check.name, code: code ?? check.code, ...rest };
  });
}
