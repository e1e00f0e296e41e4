import { type Check, NO_ASSERTION, outcome } from './types.js';

/** Issuer of the Response (when present) and of the Assertion must be the trusted IdP. */
export const issuerCheck: Check = {
  name: 'issuer',
  code: 'SAML_ISSUER_MISMATCH',
  run({ message, profile }) {
    const seen = [message.response.issuer, message.assertion?.issuer];
    const ok =
      message.assertion?.issuer === profile.idpIssuer &&
      (message.response.issuer === undefined || message.response.issuer === profile.idpIssuer);
    return outcome(
      ok,
      profile.idpIssuer,
      seen.filter((s) => s !== undefined).join(' / ') || 'no Issuer',
      `Issuer is ${seen.find((s) => s !== undefined && s !== profile.idpIssuer) ?? 'missing'} but ${profile.labels.sp} trusts ${profile.idpIssuer}: set the IdP Issuer URI in ${profile.labels.sp} to ${profile.labels.idpApp}'s issuer, or fix the issuer there.`,
    );
  },
};

/** The SP's entity id must be among the Audience values. */
export const audienceCheck: Check = {
  name: 'audience',
  code: 'SAML_AUDIENCE_MISMATCH',
  run({ message, profile }) {
    const audiences = message.assertion?.audiences ?? [];
    // Every AudienceRestriction must name this SP: two restrictions [A] and [B] do not admit A.
    const restrictions = message.assertion?.audienceRestrictions ?? [];
    return outcome(
      restrictions.length > 0 && restrictions.every((r) => r.includes(profile.audience)),
      profile.audience,
      audiences.length ? audiences.join(', ') : 'no Audience',
      `Audience is ${audiences[0] ?? 'missing'} but ${profile.labels.sp} expects ${profile.audience}: in ${profile.labels.idpApp} set Audience URI to ${profile.audience}.`,
    );
  },
};

/** A NameID is needed to find the user. */
export const nameIdCheck: Check = {
  name: 'name-id',
  code: 'SAML_NAMEID_MISSING',
  run({ message, profile }) {
    const nameId = message.assertion?.nameId;
    return outcome(
      Boolean(nameId),
      'a non-empty Subject NameID',
      nameId ?? NO_ASSERTION,
      `${profile.labels.idpApp} must send the app username as the Subject NameID.`,
    );
  },
};

/** Status must be Success; the Response's own Status. */
export const statusCheck: Check = {
  name: 'status',
  code: 'SAML_STATUS_NOT_SUCCESS',
  run({ message }) {
    const code = message.response.statusCode;
    const ok = code === 'urn:oasis:names:tc:SAML:2.0:status:Success';
    return outcome(
      ok,
      'urn:oasis:names:tc:SAML:2.0:status:Success',
      `${code ?? 'no StatusCode'}${message.response.statusMessage ? ` (${message.response.statusMessage})` : ''}`,
      'The IdP reported a failure instead of signing the user in; see its StatusMessage and the IdP system log.',
    );
  },
};

/**
 * SAML 2.0 only: a Response and an Assertion carry Version="2.0" (SAML core §3.2.2 and §2.3.3);
 * a consumer cannot know what another version's elements mean, so it refuses them.
 */
export const versionCheck: Check = {
  name: 'version',
  code: 'SAML_VERSION_UNSUPPORTED',
  run({ message }) {
    const versions = [`Response ${message.response.version ?? 'without Version'}`];
    if (message.assertion) versions.push(`Assertion ${message.assertion.version ?? 'without Version'}`);
    const ok = message.response.version === '2.0' && (message.assertion?.version ?? '2.0') === '2.0';
    return outcome(
      ok,
      'Version="2.0" on the Response and the Assertion',
      versions.join(', '),
      'Only SAML 2.0 is understood here: configure the IdP to send SAML 2.0 responses.',
    );
  },
};
