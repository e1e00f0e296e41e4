import { z } from 'zod';
import { FedsimError } from '../../core/errors.js';
import { defined } from '../../core/objects.js';
import { NO_GROUP_POLICY } from './group-actions.js';
import type { InboundIdp } from './inbound-idp.js';
import { readLeniently } from './lenient.js';

/**
 * Okta's IdP object (`GET /api/v1/idps/{id}`, SAML2) → the inbound IdP settings it implies, so a
 * configuration exported from a real org can be simulated as it is, and `fedsim explain` checks
 * a response against the same settings. Unknown fields are ignored, as Okta adds fields over
 * time; known fields with wrong values are errors (or, when lenient, dropped with a note).
 */
const action = <T extends string>(...values: [T, ...T[]]) => z.object({ action: z.enum(values) }).partial();

const AUDIENCE = /^https:\/\/www\.okta\.com\/saml2\/service-provider\/(\w+)$/;

const oktaIdpSchema = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  type: z.literal('SAML2'),
  issuerMode: z.enum(['ORG_URL', 'CUSTOM_URL', 'DYNAMIC']).optional(),
  created: z.iso.datetime().optional(),
  lastUpdated: z.iso.datetime().optional(),
  protocol: z.object({
    type: z.literal('SAML2'),
    endpoints: z
      .object({
        sso: z.object({ url: z.string() }).partial(),
        acs: z.object({ type: z.enum(['INSTANCE', 'ORG']) }).partial(),
      })
      .partial()
      .optional(),
    algorithms: z
      .object({
        response: z.object({
          signature: z
            .object({ algorithm: z.enum(['SHA-256', 'SHA-1']), scope: z.enum(['RESPONSE', 'TOKEN', 'ANY']) })
            .partial(),
        }),
      })
      .partial()
      .optional(),
    settings: z.object({ honorPersistentNameId: z.boolean() }).partial().optional(),
    credentials: z
      .object({
        trust: z
          .object({
            issuer: z.string(),
            audience: z
              .string()
              .regex(AUDIENCE, 'not an Okta SP audience (https://www.okta.com/saml2/service-provider/sp…)'),
            kid: z.string(),
            additionalKids: z.array(z.string()),
          })
          .partial(),
      })
      .partial()
      .optional(),
  }),
  policy: z
    .object({
      provisioning: z
        .object({
          action: z.enum(['AUTO', 'DISABLED', 'CALLOUT']),
          profileMaster: z.boolean(),
          groups: z.object({
            action: z.enum(['NONE', 'ASSIGN', 'APPEND', 'SYNC']),
            assignments: z.array(z.string()).optional(),
            sourceAttributeName: z.string().optional(),
            filter: z.array(z.string()).optional(),
          }),
          conditions: z
            .object({ deprovisioned: action('NONE', 'REACTIVATE'), suspended: action('NONE', 'UNSUSPEND') })
            .partial(),
        })
        .partial(),
      accountLink: z
        .object({
          action: z.enum(['AUTO', 'DISABLED']),
          filter: z
            .object({
              groups: z.object({ include: z.array(z.string()) }).partial(),
              users: z.object({ exclude: z.array(z.string()), excludeAdmins: z.boolean() }).partial(),
            })
            .partial()
            .nullable(),
        })
        .partial(),
      subject: z
        .object({
          userNameTemplate: z.object({ template: z.string() }),
          filter: z.string().nullable(),
          matchType: z.enum(['USERNAME', 'EMAIL', 'USERNAME_OR_EMAIL', 'CUSTOM_ATTRIBUTE']),
          matchAttribute: z.string().nullable(),
        })
        .partial(),
      /** Milliseconds. */
      maxClockSkew: z.number().nonnegative(),
      trustClaims: z.boolean(),
    })
    .partial()
    .optional(),
  _links: z
    .object({ acs: z.object({ href: z.string() }).partial() })
    .partial()
    .optional(),
});

/** What an Okta IdP object says: the simulated settings, plus what only a reader of the object needs. */
export interface OktaIdpObject {
  settings: Partial<InboundIdp>;
  /** The trusted signing keys, by kid only: the object carries no certificate. */
  trustKids: string[];
  /** `_links.acs.href`: where the org receives responses for this IdP. */
  acsUrl?: string;
  /** `acs.type` ORG: one ACS shared by the org's IdPs. */
  sharedAcs: boolean;
  /** One line per value a lenient read changed or ignored; empty otherwise. */
  notes: string[];
}

export interface OktaIdpReadOptions {
  /** Read past wrong values (a numeric string becomes a number, others are dropped), noting each. */
  lenient?: boolean;
}

function parse(json: unknown, source: string, options: OktaIdpReadOptions) {
  const { result, notes } = options.lenient
    ? readLeniently(oktaIdpSchema, json)
    : { result: oktaIdpSchema.safeParse(json), notes: [] };
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new FedsimError(
      'CONFIG_INVALID',
      `${source}: not a SAML2 Okta IdP object: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
      { expected: 'the JSON of GET /api/v1/idps/{id} for a SAML2 IdP' },
    );
  }
  return { data: result.data, notes };
}

export function readOktaIdp(json: unknown, source: string, options: OktaIdpReadOptions = {}): OktaIdpObject {
  const { data, notes } = parse(json, source, options);
  const { id, name, protocol, policy = {} } = data;
  const date = (iso: string | undefined) => (iso === undefined ? undefined : new Date(iso));
  const trust = protocol.credentials?.trust ?? {};
  const trustKids = [trust.kid, ...(trust.additionalKids ?? [])].filter((k): k is string => k !== undefined);
  const signature = protocol.algorithms?.response?.signature ?? {};
  const { provisioning = {}, accountLink = {}, subject = {} } = policy;
  const groups = provisioning.groups && { ...NO_GROUP_POLICY, ...defined(provisioning.groups) };
  const settings: Partial<InboundIdp> = defined({
    id,
    name,
    issuerMode: data.issuerMode,
    created: date(data.created),
    lastUpdated: date(data.lastUpdated),
    trustKids: trustKids.length ? trustKids : undefined,
    issuer: trust.issuer,
    spId: trust.audience ? AUDIENCE.exec(trust.audience)?.[1] : undefined,
    ssoUrl: protocol.endpoints?.sso?.url,
    signatureScope: signature.scope,
    signatureAlgorithm: signature.algorithm,
    honorPersistentNameId: protocol.settings?.honorPersistentNameId,
    provisioning:
      provisioning.action === undefined ? undefined : provisioning.action === 'AUTO' ? 'AUTO' : 'DISABLED',
    profileMaster: provisioning.profileMaster,
    groups,
    deprovisionedAction: provisioning.conditions?.deprovisioned?.action,
    suspendedAction: provisioning.conditions?.suspended?.action,
    accountLink: accountLink.action,
    accountLinkGroups: accountLink.filter?.groups?.include,
    accountLinkExcludeUsers: accountLink.filter?.users?.exclude,
    accountLinkExcludeAdmins: accountLink.filter?.users?.excludeAdmins,
    trustClaims: policy.trustClaims,
    userNameTemplate: subject.userNameTemplate?.template,
    subjectFilter: subject.filter ?? undefined,
    matchType: subject.matchType,
    matchAttribute: subject.matchAttribute,
    maxClockSkewMs: policy.maxClockSkew,
  });
  return {
    settings,
    trustKids,
    acsUrl: data._links?.acs?.href,
    sharedAcs: protocol.endpoints?.acs?.type === 'ORG',
    notes,
  };
}
