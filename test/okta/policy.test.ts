import { beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../harness/core/clock.js';
import { SeededIds } from '../../harness/core/ids.js';
import { Directory, type OktaProfile } from '../../harness/okta/directory.js';
import { Groups } from '../../harness/okta/groups.js';
import type { InboundIdp } from '../../harness/okta/org2/inbound-idp.js';
import { IdpLinks } from '../../harness/okta/org2/links.js';
import { InboundPolicy } from '../../harness/okta/org2/policy.js';
import { NAMEID_FORMAT } from '../../harness/saml/constants.js';
import type { ParsedAssertion } from '../../harness/saml/parse.js';
import { WORLD_DEFAULTS } from '../../harness/world/defaults.js';
import { codeOf } from '../codes.js';

let directory: Directory;
let links: IdpLinks;
let groups: Groups;
const admins = new Set<string>();

// The world's defaults, so a new IdP setting needs no change here.
const IDP: InboundIdp = {
  ...WORLD_DEFAULTS.idp,
  id: '0oaIdpUnderTest00000',
  spId: 'spaUnderTest00000000',
  issuer: 'http://www.okta.com/exkUnderTest0000000',
  ssoUrl: 'http://127.0.0.1:9/app/okta_org2org/exkUnderTest0000000/sso/saml',
  trustedCerts: [],
  created: new Date(0),
  lastUpdated: new Date(0),
};

function policy(idp: Partial<InboundIdp> = {}, jitEnabled = true): InboundPolicy {
  return new InboundPolicy(
    { ...IDP, ...idp },
    { directory, links, groups, jitEnabled, isAdmin: (id) => admins.has(id) },
  );
}

function assertion(
  nameId: string,
  attrs: Record<string, string> = {},
  format = 'unspecified',
): ParsedAssertion {
  return {
    id: 'id1',
    nameId,
    nameIdFormat: NAMEID_FORMAT[format as keyof typeof NAMEID_FORMAT],
    subjectConfirmations: [],
    audiences: [],
    audienceRestrictions: [],
    attributes: Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, [v]])),
  };
}

const SARAH = assertion('sarah@org1.example', {
  email: 'sarah@org1.example',
  firstName: 'Sarah',
  lastName: 'Miller',
});

const user = (login: string, extra: Partial<OktaProfile> = {}) => ({
  login,
  email: login,
  firstName: 'Org2',
  lastName: 'User',
  ...extra,
});

/** An ACTIVE org2 user (created with a password). */
const active = (login: string, extra: Partial<OktaProfile> = {}) =>
  directory.create(user(login, extra), { password: 'pw' });

beforeEach(() => {
  const clock = new FixedClock('2026-01-15T09:00:00Z');
  directory = new Directory(clock, new SeededIds('policy'));
  links = new IdpLinks(clock);
  groups = new Groups(clock, new SeededIds('groups'));
  admins.clear();
});

describe('matching', () => {
  it('USERNAME matches the login (case-insensitive) and AUTO-links with externalId = NameID', () => {
    const existing = active('Sarah@Org1.example');
    const out = policy().resolve(SARAH);
    expect(out.action).toBe('linked-existing');
    expect(out.user.id).toBe(existing.id);
    expect(out.username).toBe('sarah@org1.example');
    expect(links.get(existing.id)?.externalId).toBe('sarah@org1.example');
    expect(links.get(existing.id)?.profile.firstName).toBe('Sarah');
    expect(policy().resolve(SARAH).action).toBe('already-linked');
    expect(directory.all()).toHaveLength(1);
  });

  it('EMAIL matches the email attribute; USERNAME does not', () => {
    const u = active('sarah.m@org2.example', { email: 'sarah@org1.example' });
    expect(codeOf(() => policy({}, false).resolve(SARAH))).toBe('IDP_USER_NOT_FOUND');
    const out = policy({ matchType: 'EMAIL' }).resolve(SARAH);
    expect(out.user.id).toBe(u.id);
    expect(out.action).toBe('linked-existing');
  });

  it('USERNAME_OR_EMAIL prefers the login, then falls back to email', () => {
    const byEmail = active('other@org2.example', { email: 'sarah@org1.example' });
    expect(policy({ matchType: 'USERNAME_OR_EMAIL' }).resolve(SARAH).user.id).toBe(byEmail.id);
    links.unlink(byEmail.id);
    const byLogin = active('sarah@org1.example', { email: 'x@org2.example' });
    expect(policy({ matchType: 'USERNAME_OR_EMAIL' }).resolve(SARAH).user.id).toBe(byLogin.id);
  });

  it('CUSTOM_ATTRIBUTE matches the named profile attribute', () => {
    const u = active('sarah.m@org2.example', { employeeNumber: 'E-1001' });
    const p = policy({ matchType: 'CUSTOM_ATTRIBUTE', matchAttribute: 'employeeNumber' });
    expect(p.resolve(assertion('e-1001')).user.id).toBe(u.id);
  });

  it('two users with the same email are IDP_MATCH_AMBIGUOUS, nothing linked', () => {
    active('a@org2.example', { email: 'sarah@org1.example' });
    active('b@org2.example', { email: 'SARAH@org1.example' });
    expect(codeOf(() => policy({ matchType: 'EMAIL' }).resolve(SARAH))).toBe('IDP_MATCH_AMBIGUOUS');
    expect(links.all()).toHaveLength(0);
  });

  it('applies the username template before matching', () => {
    const u = active('sarah@org2.example');
    const p = policy({ userNameTemplate: 'String.substringBefore(idpuser.email, "@") + "@org2.example"' });
    const out = p.resolve(SARAH);
    expect(out.username).toBe('sarah@org2.example');
    expect(out.user.id).toBe(u.id);
  });
});

describe('account link and JIT', () => {
  it('link DISABLED + JIT on + a match → IDP_USERNAME_NOT_UNIQUE', () => {
    active('sarah@org1.example');
    expect(codeOf(() => policy({ accountLink: 'DISABLED' }).resolve(SARAH))).toBe('IDP_USERNAME_NOT_UNIQUE');
    expect(links.all()).toHaveLength(0);
    expect(directory.all()).toHaveLength(1);
  });

  it('link DISABLED + JIT off + a match → IDP_USER_NOT_FOUND', () => {
    active('sarah@org1.example');
    const p = policy({ accountLink: 'DISABLED', provisioning: 'DISABLED' });
    expect(codeOf(() => p.resolve(SARAH))).toBe('IDP_USER_NOT_FOUND');
    expect(links.all()).toHaveLength(0);
  });

  // Management spec PolicyAccountLinkFilterUsers: `exclude` (user ids) and `excludeAdmins`.
  it('auto-link skips a user on the exclude list, as if linking were disabled for them', () => {
    const u = active('sarah@org1.example');
    expect(codeOf(() => policy({ accountLinkExcludeUsers: [u.id] }).resolve(SARAH))).toBe(
      'IDP_USERNAME_NOT_UNIQUE',
    );
    expect(links.all()).toHaveLength(0);
    expect(policy({ accountLinkExcludeUsers: ['00uSomeoneElse000001'] }).resolve(SARAH).action).toBe(
      'linked-existing',
    );
  });

  it('excludeAdmins skips users holding an admin role, and only them', () => {
    const u = active('sarah@org1.example');
    admins.add(u.id);
    const p = policy({ accountLinkExcludeAdmins: true, provisioning: 'DISABLED' });
    expect(codeOf(() => p.resolve(SARAH))).toBe('IDP_USER_NOT_FOUND');
    admins.delete(u.id);
    expect(p.resolve(SARAH).action).toBe('linked-existing');
  });

  it('link DISABLED still lets an already-linked user in', () => {
    const u = active('sarah@org1.example');
    links.link(u.id, 'sarah@org1.example', {});
    expect(policy({ accountLink: 'DISABLED' }).resolve(SARAH).action).toBe('already-linked');
  });

  it('no match + JIT on → created ACTIVE with provider FEDERATION, profile from the assertion, linked', () => {
    const out = policy().resolve(SARAH);
    expect(out.action).toBe('jit-created');
    expect(out.user.status).toBe('ACTIVE');
    expect(out.user.provider).toBe('FEDERATION');
    expect(out.user.profile).toMatchObject({
      login: 'sarah@org1.example',
      email: 'sarah@org1.example',
      firstName: 'Sarah',
      lastName: 'Miller',
    });
    expect(out.user.profileMasteredBy).toBeUndefined();
    expect(directory.all()).toHaveLength(1);
    expect(links.get(out.user.id)?.externalId).toBe('sarah@org1.example');
  });

  it.each([
    ['IdP provisioning DISABLED', { provisioning: 'DISABLED' as const }, true],
    ['org-wide JIT switch off', {}, false],
  ])('no match + %s → IDP_USER_NOT_FOUND, nothing created', (_why, idp, jit) => {
    active('david@org1.example');
    expect(codeOf(() => policy(idp, jit).resolve(SARAH))).toBe('IDP_USER_NOT_FOUND');
    expect(directory.all()).toHaveLength(1);
    expect(links.all()).toHaveLength(0);
  });

  it('the jitEnabled switch can be flipped on a live policy', () => {
    const p = policy({}, false);
    expect(codeOf(() => p.resolve(SARAH))).toBe('IDP_USER_NOT_FOUND');
    p.jitEnabled = true;
    expect(p.resolve(SARAH).action).toBe('jit-created');
  });
});

describe('subject filter and persistent NameID', () => {
  it('a username outside the subject filter is IDP_SUBJECT_FILTER, before any create', () => {
    const p = policy({ subjectFilter: '.*@org1\\.example' });
    expect(codeOf(() => p.resolve(assertion('mallory@evil.example')))).toBe('IDP_SUBJECT_FILTER');
    expect(directory.all()).toHaveLength(0);
    expect(p.resolve(SARAH).action).toBe('jit-created');
  });

  it('a bad filter or template is a config error when the policy is built', () => {
    expect(codeOf(() => policy({ subjectFilter: '([' }))).toBe('CONFIG_INVALID');
    expect(codeOf(() => policy({ userNameTemplate: 'idpuser.nope' }))).toBe('IDP_TEMPLATE_INVALID');
  });

  it('a persistent NameID matches the linked externalId before the username', () => {
    const linked = active('x@org2.example');
    const byName = active('sarah@org1.example');
    links.link(linked.id, 'p-7f3a', {});
    const persistent = assertion('p-7f3a', { email: 'sarah@org1.example' }, 'persistent');
    const p = policy({ userNameTemplate: 'idpuser.email' });
    expect(p.resolve(persistent)).toMatchObject({ action: 'already-linked', user: { id: linked.id } });
    // Not persistent: the same value is only a username, so the template's result decides.
    const unspecified = assertion('p-7f3a', { email: 'sarah@org1.example' });
    expect(p.resolve(unspecified).user.id).toBe(byName.id);
    // honorPersistentNameId false: the linked externalId is ignored.
    links.unlink(byName.id);
    const ignoring = policy({ userNameTemplate: 'idpuser.email', honorPersistentNameId: false });
    const out = ignoring.resolve(assertion('p-7f3a', { email: 'sarah@org1.example' }, 'persistent'));
    expect(out).toMatchObject({ action: 'linked-existing', user: { id: byName.id } });
  });
});

describe('status and profile', () => {
  it('a DEPROVISIONED match is IDP_USER_INACTIVE and is not linked', () => {
    const u = active('sarah@org1.example');
    directory.deactivate(u.id);
    expect(codeOf(() => policy().resolve(SARAH))).toBe('IDP_USER_INACTIVE');
    expect(links.all()).toHaveLength(0);
    expect(u.status).toBe('DEPROVISIONED');
  });

  it('deprovisioned REACTIVATE and suspended UNSUSPEND let the user back in', () => {
    const gone = directory.create(user('sarah@org1.example'));
    directory.deactivate(gone.id);
    expect(policy({ deprovisionedAction: 'REACTIVATE' }).resolve(SARAH).user.status).toBe('ACTIVE');
    const susp = active('david@org1.example');
    directory.suspend(susp.id);
    const david = assertion('david@org1.example');
    expect(codeOf(() => policy().resolve(david))).toBe('IDP_USER_INACTIVE');
    expect(policy({ suspendedAction: 'UNSUSPEND' }).resolve(david).user.status).toBe('ACTIVE');
  });

  it('a PROVISIONED user becomes ACTIVE on sign-in', () => {
    const u = directory.create(user('sarah@org1.example'));
    expect(u.status).toBe('PROVISIONED');
    expect(policy().resolve(SARAH).user.status).toBe('ACTIVE');
  });

  it('profileMaster updates the existing profile and marks it mastered by the IdP', () => {
    const u = active('sarah@org1.example', { email: 'old@org2.example' });
    policy().resolve(SARAH);
    expect(u.profile).toMatchObject({ email: 'old@org2.example', firstName: 'Org2', lastName: 'User' });
    expect(u.profileMasteredBy).toBeUndefined();
    policy({ profileMaster: true }).resolve(SARAH);
    expect(u.profile).toMatchObject({ email: 'sarah@org1.example', firstName: 'Sarah', lastName: 'Miller' });
    expect(u.profileMasteredBy).toBe(IDP.id);
  });
});
