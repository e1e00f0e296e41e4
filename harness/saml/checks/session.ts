import { type Check, outcome } from './types.js';

/**
 * InResponseTo: SP-initiated answers must name a request this session sent; unsolicited
 * (IdP-initiated) answers carry none and are allowed only when the SP accepts them. The value
 * read is the signed one in SubjectConfirmationData, else the Response's when it is signed.
 */
export const inResponseToCheck: Check = {
  name: 'in-response-to',
  code: 'SAML_IN_RESPONSE_TO_MISMATCH',
  run({ message, profile, state }) {
    const fromAssertion = message.assertion?.subjectConfirmations.find((c) => c.inResponseTo)?.inResponseTo;
    const fromResponse = message.signatures.response.valid ? message.response.inResponseTo : undefined;
    const irt = fromAssertion ?? fromResponse;
    const outstanding = [...state.outstandingRequestIds];
    if (irt === undefined) {
      return {
        ...outcome(
          profile.allowUnsolicited,
          profile.allowUnsolicited
            ? 'unsolicited response allowed'
            : `InResponseTo one of: ${outstanding.join(', ') || 'no outstanding request'}`,
          'no InResponseTo (IdP-initiated)',
          `${profile.labels.sp} does not accept IdP-initiated sign-in: start at ${profile.labels.sp} (SP-initiated) or allow unsolicited responses.`,
        ),
        code: 'SAML_UNSOLICITED_NOT_ALLOWED',
      };
    }
    return outcome(
      state.outstandingRequestIds.has(irt),
      outstanding.length ? `one of ${outstanding.join(', ')}` : 'no InResponseTo: no request is outstanding',
      irt,
      'The response answers a request this browser session did not send (or already used); start the sign-in again from the SP.',
    );
  },
};

/** An assertion id is accepted once until it expires. */
export const replayCheck: Check = {
  name: 'replay',
  code: 'SAML_REPLAY',
  run({ message, state }) {
    const id = message.assertion?.id;
    const replayed = id !== undefined && state.usedAssertionIds.has(id);
    return outcome(
      !replayed,
      'an assertion ID not seen before',
      id ?? 'no assertion ID',
      'This assertion was already used: every sign-in needs a fresh response from the IdP.',
    );
  },
};
