import type { Clock } from '../../core/clock.js';
import type { IdGenerator } from '../../core/ids.js';
import type { SigningCredential } from '../../crypto/credential.js';
import type { NameIdFormatName, SignatureAlgorithmName } from '../constants.js';
import { ISSUER_DEFAULTS, issueResponse } from '../issue.js';
import type { ResponseFields } from '../response-xml.js';
import type { SignatureShape } from '../sign.js';

/** The IdP an SP under attack trusts: its entity id and signing key. */
export interface AttackIdp {
  issuer: string;
  credential: SigningCredential;
  nameIdFormat?: NameIdFormatName;
}

/** Where responses go and whom they name: what a valid response for this SP carries. */
export interface AttackAddress {
  acsUrl: string;
  audience: string;
  /** SubjectConfirmationData Recipient (default: the ACS URL). */
  recipient?: string;
  /** Response Destination (default: the ACS URL). */
  destination?: string;
  /** The user the control signs in: the victim every variant tries to impersonate or alter. */
  nameId: string;
}

/** How one fresh response deviates from the control: which parts are signed, by what, with what. */
export interface ForgeOptions {
  /** Which elements carry a signature (default: both, as Okta's default app). */
  signed?: 'both' | 'response' | 'assertion' | 'none';
  credential?: SigningCredential;
  algorithm?: SignatureAlgorithmName;
  shape?: SignatureShape;
  /** Fields changed before signing (so the IdP's signature covers them). */
  fields?: Partial<ResponseFields>;
}

/** What every variant builds from: fresh responses (new IDs each call), the parties, the control. */
export interface AttackContext {
  /** A fresh response as the trusted IdP would sign it (new IDs: never a replay). */
  issue(options?: ForgeOptions): string;
  idp: AttackIdp;
  address: Required<AttackAddress>;
  /** The user an attacker wants to become: the victim's NameID with another local part. */
  evil: string;
  /** A key and certificate the SP has no reason to trust. */
  attacker: SigningCredential;
  /** The control as posted first (the replay variant posts it again). */
  control: string;
  /** A fresh XML ID for an element the attacker adds. */
  freshId(): string;
  /** The instant responses are issued at. */
  now(): Date;
}

/** The NameID an attacker aims for: `admin` at the victim's domain (or `admin` alone). */
export function evilNameOf(victim: string): string {
  const at = victim.lastIndexOf('@');
  return at < 0 ? `admin-${victim}` : `admin${victim.slice(at)}`;
}

export function attackContext(
  idp: AttackIdp,
  address: AttackAddress,
  deps: { clock: Clock; ids: IdGenerator; attacker: SigningCredential },
): AttackContext {
  const full = {
    ...address,
    recipient: address.recipient ?? address.acsUrl,
    destination: address.destination ?? address.acsUrl,
  };
  const issue = (o: ForgeOptions = {}) => {
    const signed = o.signed ?? 'both';
    return issueResponse(
      {
        ...ISSUER_DEFAULTS,
        issuer: idp.issuer,
        nameIdFormat: idp.nameIdFormat ?? 'unspecified',
        credential: o.credential ?? idp.credential,
        signatureAlgorithm: o.algorithm ?? 'SHA-256',
        signResponse: signed === 'both' || signed === 'response',
        signAssertion: signed === 'both' || signed === 'assertion',
        signatureShape: o.shape,
      },
      {
        acsUrl: full.acsUrl,
        audience: full.audience,
        nameId: full.nameId,
        attributes: { email: full.nameId },
        overrides: { recipient: full.recipient, destination: full.destination, ...o.fields },
      },
      deps,
    ).xml;
  };
  return {
    issue,
    idp,
    address: full,
    evil: evilNameOf(full.nameId),
    attacker: deps.attacker,
    control: '',
    freshId: () => deps.ids.saml(),
    now: () => deps.clock.now(),
  };
}
