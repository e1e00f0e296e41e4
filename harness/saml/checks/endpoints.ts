import { CM_BEARER } from '../constants.js';
import { type Check, outcome } from './types.js';

/** Destination, when present (required on a signed Response), must be this ACS. */
export const destinationCheck: Check = {
  name: 'destination',
  code: 'SAML_DESTINATION_MISMATCH',
  run({ message, profile }) {
    const dest = message.response.destination;
    const required = message.signatures.response.present;
    const ok = dest === undefined ? !required : dest === profile.acsUrl;
    return outcome(
      ok,
      profile.acsUrl,
      dest ?? 'no Destination',
      `Destination is ${dest ?? 'missing'} but ${profile.labels.sp}'s ACS is ${profile.acsUrl}: in ${profile.labels.idpApp} set the Single sign-on (ACS) URL to ${profile.acsUrl}.`,
    );
  },
};

function bearers(ctx: Parameters<Check['run']>[0]) {
  return (ctx.message.assertion?.subjectConfirmations ?? []).filter((c) => c.method === CM_BEARER);
}

/** At least one bearer SubjectConfirmation: the only method a browser SSO profile accepts. */
export const bearerCheck: Check = {
  name: 'subject-confirmation',
  code: 'SAML_SUBJECT_CONFIRMATION_METHOD',
  run(ctx) {
    const methods = (ctx.message.assertion?.subjectConfirmations ?? []).map((c) => c.method ?? 'none');
    return outcome(
      bearers(ctx).length > 0,
      CM_BEARER,
      methods.length ? methods.join(', ') : 'no SubjectConfirmation',
      'Web browser SSO requires SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer".',
    );
  },
};

/** The bearer confirmation's Recipient must be this ACS. */
export const recipientCheck: Check = {
  name: 'recipient',
  code: 'SAML_RECIPIENT_MISMATCH',
  run(ctx) {
    const recipients = bearers(ctx).map((c) => c.recipient ?? 'no Recipient');
    const { acsUrl } = ctx.profile;
    return outcome(
      recipients.includes(acsUrl),
      acsUrl,
      recipients.length ? recipients.join(', ') : 'no bearer confirmation',
      `Recipient is ${bearers(ctx)[0]?.recipient ?? 'missing'} but ${ctx.profile.labels.sp}'s ACS is ${acsUrl}: in ${ctx.profile.labels.idpApp} set the Recipient / ACS URL to ${acsUrl}.`,
    );
  },
};
