import type { OktaUser } from '../directory.js';
import {
  type LogActor,
  type LogInput,
  type LogTarget,
  SYSTEM_ACTOR,
  userActor,
} from '../syslog/log-store.js';
import type { SignInEvent } from './idp-routes.js';
import type { InboundIdp } from './inbound-idp.js';

// What org2's System Log says about an inbound sign-in. The reasons are Okta's, from its
// help-center articles "Troubleshooting Inbound Federation Login Failures" (support.okta.com,
// Inbound-federation-not-matching-on-custom-attribute: no match or no unique match logs
// "User Not Found" and "Unable to match the transformed username") and "Explanation of
// Suspicious Activity Events (Single Sign On)" (the username filter and SAML validation
// reasons). fedsim's own code is in debugData.fedsimCode. See docs/decisions/system-log.md.

export const LOOKALIKE_EVENT = 'fedsim.user.login.confusable';

const NO_MATCH = ['User Not Found', 'Unable to match the transformed username'];
const REASONS: Record<string, string[]> = {
  IDP_USER_NOT_FOUND: NO_MATCH,
  IDP_MATCH_AMBIGUOUS: NO_MATCH,
  IDP_USERNAME_NOT_UNIQUE: NO_MATCH,
  IDP_SUBJECT_FILTER: ['The transformed username was rejected by the username filter'],
};
const SAML_REASON = 'Unable to validate incoming SAML Assertion';
/**
 * A success's reason says whether JIT or an account link made it (Okta developer release notes
 * 2024.10.0, "Two System Log event types now provide event outcome reasons"); the wording is
 * inferred. A user already linked has none.
 */
const SUCCESS_REASONS: Partial<Record<NonNullable<SignInEvent['outcome']>, string>> = {
  'jit-created': 'User created by JIT provisioning',
  'linked-existing': 'User linked to an existing Okta account',
};
/** Inferred: the reason of a refusal Okta's articles do not name. */
const OTHER_REASON = 'Authentication failed';

function idpTarget(idp: InboundIdp): LogTarget {
  return { id: idp.id, type: 'IdentityProvider', alternateId: idp.name, displayName: idp.name };
}

/** The sign-in's failure reasons as Okta words them, one event each. */
function reasonsOf(code: string): string[] {
  return REASONS[code] ?? [code.startsWith('SAML_') ? SAML_REASON : OTHER_REASON];
}

/** An unidentified user: a refused sign-in never resolved to an org2 user. */
const UNKNOWN_ACTOR: LogActor = {
  id: 'unknown',
  type: 'User',
  alternateId: 'unknown',
  displayName: 'unknown',
};

/**
 * The System Log events of one inbound sign-in: `user.authentication.auth_via_IDP` (SUCCESS, its
 * reason naming a JIT creation or an account link, or FAILURE once per reason), preceded by
 * `user.lifecycle.create` when JIT created the user.
 */
export function signInLogInputs(
  event: SignInEvent,
  idp: InboundIdp,
  user: OktaUser | undefined,
  lookalike?: OktaUser,
): LogInput[] {
  const target = [idpTarget(idp)];
  const eventType = 'user.authentication.auth_via_IDP';
  const displayMessage = 'Authenticate user via IDP';
  if (!event.ok || !user) {
    const code = event.error?.code ?? 'UNKNOWN';
    return reasonsOf(code).map((reason) => ({
      eventType,
      displayMessage,
      actor: UNKNOWN_ACTOR,
      outcome: { result: 'FAILURE', reason },
      target,
      debugData: { fedsimCode: code, fedsimMessage: event.error?.message ?? '' },
    }));
  }
  const actor = userActor(user);
  const signIn: LogInput = {
    eventType,
    displayMessage,
    actor,
    outcome: { result: 'SUCCESS', reason: (event.outcome && SUCCESS_REASONS[event.outcome]) ?? null },
    target,
    debugData: { fedsimOutcome: event.outcome ?? '' },
  };
  if (event.outcome !== 'jit-created') return [signIn];
  const create: LogInput = {
    eventType: 'user.lifecycle.create',
    displayMessage: 'Create okta user',
    actor: SYSTEM_ACTOR,
    outcome: { result: 'SUCCESS', reason: null },
    target: [actor],
    debugData: { fedsimOutcome: 'jit-created', idpId: idp.id },
  };
  return lookalike ? [create, lookalikeWarning(actor, lookalike), signIn] : [create, signIn];
}

/**
 * fedsim's own warning, not an Okta event type (Okta documents no check of this): JIT created a
 * user whose login reads as an existing user's (a Cyrillic letter, a fullwidth form, a long s).
 */
function lookalikeWarning(created: LogActor, existing: OktaUser): LogInput {
  return {
    eventType: LOOKALIKE_EVENT,
    displayMessage: 'Created user login is confusable with an existing login',
    actor: SYSTEM_ACTOR,
    severity: 'WARN',
    outcome: { result: 'SUCCESS', reason: `Confusable with ${existing.profile.login}` },
    target: [created, userActor(existing)],
    debugData: { confusableWith: existing.profile.login },
  };
}
