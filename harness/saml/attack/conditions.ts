import type { AttackContext } from './context.js';
import { type AttackVariant, REF } from './variant.js';

const MINUTE = 60_000;
const EVIL_URL = 'https://evil.test/acs';
const at = (ctx: AttackContext, minutes: number) => new Date(ctx.now().getTime() + minutes * MINUTE);

/** A response the IdP signs with one field wrong: the SP must compare it, not just verify it. */
const signedWith = (
  id: string,
  title: string,
  reference: string,
  fields: (ctx: AttackContext) => Parameters<AttackContext['issue']>[0],
): AttackVariant => ({ id, title, reference, build: (ctx) => ctx.issue(fields(ctx)) });

/** An Assertion-only signed response whose unsigned Response is edited after signing. */
const unsignedEdit = (
  id: string,
  title: string,
  reference: string,
  edit: (xml: string) => string,
): AttackVariant => ({
  id,
  title,
  reference,
  build: (ctx) => edit(ctx.issue({ signed: 'assertion' })),
});

/** Replay, validity window, addressing, request binding, version and status. */
export const CONDITIONS: AttackVariant[] = [
  {
    id: 'replay',
    title: 'the control, posted again',
    reference: REF.samlProfiles('4.1.4.5 (one-time use)'),
    build: (ctx) => ctx.control,
  },
  signedWith(
    'expired',
    'NotOnOrAfter 10 minutes ago (Conditions and SubjectConfirmationData)',
    REF.samlCore('2.5.1.2'),
    (ctx) => ({
      fields: {
        issueInstant: at(ctx, -20),
        authnInstant: at(ctx, -20),
        notBefore: at(ctx, -25),
        notOnOrAfter: at(ctx, -10),
        subjectNotOnOrAfter: at(ctx, -10),
      },
    }),
  ),
  signedWith('not-yet-valid', 'NotBefore 10 minutes from now', REF.samlCore('2.5.1.2'), (ctx) => ({
    fields: { notBefore: at(ctx, 10), notOnOrAfter: at(ctx, 15) },
  })),
  signedWith('wrong-audience', 'Audience of another SP', REF.samlCore('2.5.1.4'), () => ({
    fields: { audience: 'https://evil.test/sp' },
  })),
  signedWith(
    'wrong-recipient',
    "SubjectConfirmationData Recipient another SP's ACS",
    REF.samlProfiles('4.1.4.3'),
    () => ({
      fields: { recipient: EVIL_URL },
    }),
  ),
  signedWith(
    'wrong-destination',
    'Destination another URL, signed by the IdP',
    REF.samlCore('3.2.2'),
    () => ({
      fields: { destination: EVIL_URL },
    }),
  ),
  unsignedEdit(
    'destination-unsigned-edit',
    'Destination rewritten on an unsigned Response around a signed Assertion',
    `${REF.samlCore('3.2.2')}; ${REF.samlProfiles('4.1.4.3')}`,
    (xml) => xml.replace(/ Destination="[^"]*"/, ` Destination="${EVIL_URL}"`),
  ),
  signedWith(
    'wrong-issuer',
    'Issuer of another IdP, signed with the trusted key',
    REF.samlProfiles('4.1.4.2'),
    () => ({
      fields: { issuer: 'https://evil.test/idp' },
    }),
  ),
  signedWith(
    'foreign-in-response-to',
    'InResponseTo an AuthnRequest this SP never sent',
    REF.samlProfiles('4.1.4.3'),
    (ctx) => ({ fields: { inResponseTo: ctx.freshId() } }),
  ),
  unsignedEdit('version-1.1', 'Response Version="1.1"', REF.samlCore('3.2.2 (VersionMismatch)'), (xml) =>
    xml.replace(/(<saml2p:Response [^>]*?)Version="2.0"/, '$1Version="1.1"'),
  ),
  signedWith(
    'status-not-success',
    'Status Responder with an Assertion, signed by the IdP',
    REF.samlProfiles('4.1.4.2'),
    () => ({ fields: { statusCode: 'urn:oasis:names:tc:SAML:2.0:status:Responder' } }),
  ),
  unsignedEdit(
    'status-unsigned-edit',
    'Status rewritten to Requester on an unsigned Response around a signed Assertion',
    REF.samlCore('3.2.2.2'),
    (xml) => xml.replace(':status:Success"', ':status:Requester"'),
  ),
];
