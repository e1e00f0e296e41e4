import { defined } from '../../core/objects.js';
import type { CertInfo } from '../../crypto/credential.js';
import type { SignatureAlgorithmName, SignatureScope } from '../../saml/constants.js';
import type { SpProfile } from '../../saml/profile.js';
import type { GroupPolicy } from './group-actions.js';

export type MatchType = 'USERNAME' | 'EMAIL' | 'USERNAME_OR_EMAIL' | 'CUSTOM_ATTRIBUTE';
export type IssuerMode = 'ORG_URL' | 'CUSTOM_URL' | 'DYNAMIC';

/** org2's inbound SAML IdP ("Org1 IDP"), the fields of Okta's IdP object that drive sign-in. */
export interface InboundIdp {
  id: string;
  /** The `sp…` id in the audience URI; differs from the IdP id. */
  spId: string;
  name: string;
  issuer: string;
  ssoUrl: string;
  /** Primary trusted cert first; a second one allows rollover (`additionalKids`). */
  trustedCerts: CertInfo[];
  /** The key ids an exported IdP object gave `trustedCerts` (`trust.kid`, `additionalKids`), in order. */
  trustKids?: readonly string[];
  /** When the IdP was created and last changed: an exported object's, else the world's start. */
  created: Date;
  lastUpdated: Date;
  issuerMode: IssuerMode;
  signatureScope: SignatureScope;
  signatureAlgorithm: SignatureAlgorithmName;
  userNameTemplate: string;
  subjectFilter: string;
  matchType: MatchType;
  matchAttribute: string | null;
  accountLink: 'AUTO' | 'DISABLED';
  /** Auto-link only users in one of these groups, by id (Okta's account link filter); empty = everyone. */
  accountLinkGroups: readonly string[];
  /** Never auto-link these users (ids): `accountLink.filter.users.exclude`. */
  accountLinkExcludeUsers: readonly string[];
  /** Never auto-link a user holding an admin role: `accountLink.filter.users.excludeAdmins`. */
  accountLinkExcludeAdmins: boolean;
  /** `policy.trustClaims`: read and served; see docs/decisions/account-link-exclusions-and-trust-claims.md. */
  trustClaims: boolean;
  groups: GroupPolicy;
  provisioning: 'AUTO' | 'DISABLED';
  profileMaster: boolean;
  honorPersistentNameId: boolean;
  maxClockSkewMs: number;
  /** IdP-initiated sign-in (no InResponseTo); Okta accepts it for SAML IdPs. */
  allowUnsolicited: boolean;
  /** Refuse assertions that are not encrypted for org2's SP certificate. */
  requireEncryptedAssertion: boolean;
  /** What sign-in does for a matched user who is deactivated / suspended in org2. */
  deprovisionedAction: 'NONE' | 'REACTIVATE';
  suspendedAction: 'NONE' | 'UNSUSPEND';
}

export const audienceOf = (idp: Pick<InboundIdp, 'spId'>) =>
  `https://www.okta.com/saml2/service-provider/${idp.spId}`;
export const acsPathOf = (idp: Pick<InboundIdp, 'id'>) => `/sso/saml2/${idp.id}`;

/** The SP-profile fields an inbound IdP sets (org2's ACS adds its URL, key and labels). */
export type IdpExpectations = Pick<
  SpProfile,
  | 'idpIssuer'
  | 'trustedCerts'
  | 'audience'
  | 'signatureScope'
  | 'minSignatureAlgorithm'
  | 'maxClockSkewMs'
  | 'allowUnsolicited'
  | 'requireEncryption'
>;

/**
 * What org2's ACS requires of a response for this IdP. The one mapping from IdP settings to the
 * check table: org2 checks with it, and `fedsim explain --okta-idp` reads an exported IdP with it.
 */
export function expectationsOf(idp: InboundIdp): IdpExpectations;
export function expectationsOf(idp: Partial<InboundIdp>): Partial<IdpExpectations>;
export function expectationsOf(idp: Partial<InboundIdp>): Partial<IdpExpectations> {
  return defined({
    idpIssuer: idp.issuer,
    trustedCerts: idp.trustedCerts,
    audience: idp.spId === undefined ? undefined : audienceOf({ spId: idp.spId }),
    signatureScope: idp.signatureScope,
    // Okta's "Response Signature Algorithm" is the weakest it accepts.
    minSignatureAlgorithm: idp.signatureAlgorithm,
    maxClockSkewMs: idp.maxClockSkewMs,
    allowUnsolicited: idp.allowUnsolicited,
    requireEncryption: idp.requireEncryptedAssertion,
  });
}

/** `accountLink.filter` (PolicyAccountLinkFilter): only the parts set, null when none is. */
function accountLinkFilter(idp: InboundIdp) {
  const { accountLinkGroups: include, accountLinkExcludeUsers: exclude, accountLinkExcludeAdmins } = idp;
  const users =
    exclude.length || accountLinkExcludeAdmins
      ? { ...(exclude.length ? { exclude } : {}), excludeAdmins: accountLinkExcludeAdmins }
      : undefined;
  if (!include.length && !users) return null;
  return { ...(include.length ? { groups: { include } } : {}), ...(users ? { users } : {}) };
}

/** What serving the IdP object needs beyond the IdP: where it lives and its key ids. */
export interface IdpJsonContext {
  orgUrl: string;
  /** The key credential id (`/api/v1/idps/credentials/keys/{kid}`) of a trusted certificate. */
  kidOf: (cert: CertInfo) => string;
  /** The IdP's own signing key (`protocol.credentials.signing.kid`): it signs org2's AuthnRequests. */
  signingKid: string;
}

/** The IdP as `GET /api/v1/idps/{id}` returns it (Okta's management spec, IdentityProvider / ProtocolSaml). */
export function toOktaIdpJson(idp: InboundIdp, ctx: IdpJsonContext): Record<string, unknown> {
  const [primary, ...additional] = idp.trustedCerts.map(ctx.kidOf);
  const self = `${ctx.orgUrl}/api/v1/idps/${idp.id}`;
  return {
    id: idp.id,
    type: 'SAML2',
    issuerMode: idp.issuerMode,
    name: idp.name,
    status: 'ACTIVE',
    created: idp.created.toISOString(),
    lastUpdated: idp.lastUpdated.toISOString(),
    protocol: {
      type: 'SAML2',
      endpoints: {
        // org2 sends its AuthnRequest over the Redirect binding (saml/sp-routes.ts).
        sso: { url: idp.ssoUrl, binding: 'HTTP-REDIRECT', destination: idp.ssoUrl },
        acs: { binding: 'HTTP-POST', type: 'INSTANCE' },
      },
      algorithms: {
        request: { signature: { algorithm: idp.signatureAlgorithm, scope: 'REQUEST' } },
        response: { signature: { algorithm: idp.signatureAlgorithm, scope: idp.signatureScope } },
      },
      settings: {
        nameFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
        honorPersistentNameId: idp.honorPersistentNameId,
      },
      credentials: {
        trust: {
          issuer: idp.issuer,
          audience: audienceOf(idp),
          kid: primary,
          ...(additional.length ? { additionalKids: additional } : {}),
        },
        signing: { kid: ctx.signingKid },
      },
    },
    policy: {
      provisioning: {
        action: idp.provisioning,
        profileMaster: idp.profileMaster,
        groups: {
          action: idp.groups.action,
          ...(idp.groups.action === 'ASSIGN' ? { assignments: idp.groups.assignments } : {}),
          ...(idp.groups.action === 'APPEND' || idp.groups.action === 'SYNC'
            ? { sourceAttributeName: idp.groups.sourceAttributeName, filter: idp.groups.filter }
            : {}),
        },
        conditions: {
          deprovisioned: { action: idp.deprovisionedAction },
          suspended: { action: idp.suspendedAction },
        },
      },
      accountLink: { action: idp.accountLink, filter: accountLinkFilter(idp) },
      subject: {
        userNameTemplate: { template: idp.userNameTemplate },
        filter: idp.subjectFilter || null,
        matchType: idp.matchType,
        matchAttribute: idp.matchAttribute,
      },
      maxClockSkew: idp.maxClockSkewMs,
      trustClaims: idp.trustClaims,
    },
    _links: {
      metadata: { href: `${self}/metadata.xml`, type: 'application/xml', hints: { allow: ['GET'] } },
      acs: { href: `${ctx.orgUrl}${acsPathOf(idp)}`, type: 'application/xml', hints: { allow: ['POST'] } },
      users: { href: `${self}/users`, hints: { allow: ['GET'] } },
      deactivate: { href: `${self}/lifecycle/deactivate`, hints: { allow: ['POST'] } },
    },
  };
}
