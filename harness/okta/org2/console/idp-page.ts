import { escapeHtml as e } from '../../../core/html.js';
import { checkbox as box, field, select, statusBadge } from '../../console/html.js';
import type { Directory } from '../../directory.js';
import type { Groups } from '../../groups.js';
import type { IdpKeyStore } from '../idp-keys.js';
import { audienceOf, type InboundIdp } from '../inbound-idp.js';
import { certificatesPanel } from './idp-certificates.js';

/** What the IdP page shows besides the IdP: the org's groups, users, keys and JIT switch. */
export interface IdpPageInput {
  idp: InboundIdp;
  base: string;
  acsUrl: string;
  metadataUrl: string;
  jitEnabled: boolean;
  groups: Groups;
  directory: Directory;
  keys: IdpKeyStore;
}

const pairs = (values: readonly string[], labels: Record<string, string> = {}) =>
  values.map((v) => [v, labels[v] ?? v] as const);
const checkbox = (name: string, value: string, label: string, on: boolean) => box(label, name, on, value);
const fieldset = (legend: string, inner: string) =>
  `<fieldset><legend>${e(legend)}</legend>${inner}</fieldset>`;
const groupBoxes = (name: string, groups: Groups, chosen: readonly string[]) =>
  groups.all().length
    ? groups
        .all()
        .map((g) => checkbox(name, g.id, g.profile.name, chosen.includes(g.id)))
        .join('')
    : '<p class="muted">org2 has no groups.</p>';

function generalFields(idp: InboundIdp): string {
  return fieldset(
    'General settings',
    field('Name', 'name', idp.name) +
      field('IdP Issuer URI', 'issuer', idp.issuer) +
      field('IdP Single Sign-On URL', 'ssoUrl', idp.ssoUrl),
  );
}

function authenticationFields(input: IdpPageInput): string {
  const { idp, groups } = input;
  const matchLabels = {
    USERNAME: 'Okta Username',
    EMAIL: 'Email',
    USERNAME_OR_EMAIL: 'Okta Username or Email',
    CUSTOM_ATTRIBUTE: 'Custom attribute',
  };
  return fieldset(
    'Authentication settings',
    field('IdP username (expression)', 'userNameTemplate', idp.userNameTemplate) +
      field(
        'Filter (regular expression the username must match; empty: any)',
        'subjectFilter',
        idp.subjectFilter,
      ) +
      select('Match against', 'matchType', pairs(Object.keys(matchLabels), matchLabels), idp.matchType) +
      field('Custom attribute (when matching against one)', 'matchAttribute', idp.matchAttribute ?? '') +
      select(
        'Account link policy',
        'accountLink',
        pairs(['AUTO', 'DISABLED'], { AUTO: 'Automatic', DISABLED: 'Disabled' }),
        idp.accountLink,
      ) +
      '<p class="label">Auto-link only members of these groups (none: everyone)</p>' +
      groupBoxes('accountLinkGroups', groups, idp.accountLinkGroups) +
      exclusionFields(input),
  );
}

function exclusionFields(input: IdpPageInput): string {
  const logins = input.idp.accountLinkExcludeUsers.map((id) => input.directory.find(id)?.profile.login ?? id);
  return (
    field(
      'Never auto-link these users (usernames, comma separated)',
      'accountLinkExcludeUsers',
      logins.join(', '),
    ) +
    checkbox(
      'accountLinkExcludeAdmins',
      'on',
      'Never auto-link administrators',
      input.idp.accountLinkExcludeAdmins,
    )
  );
}

function provisioningFields(input: IdpPageInput): string {
  const { idp, jitEnabled } = input;
  const jitNote = jitEnabled
    ? '<p class="muted">The org-wide Just-In-Time provisioning switch is on: this IdP decides.</p>'
    : '<p class="error">The org-wide Just-In-Time provisioning switch is off: no user is created, whatever this says.</p>';
  const chosen = idp.groups.action === 'ASSIGN' ? idp.groups.assignments : idp.groups.filter;
  return fieldset(
    'Just-In-Time provisioning',
    jitNote +
      select(
        'If no match is found',
        'provisioning',
        pairs(['AUTO', 'DISABLED'], {
          AUTO: 'Create new user (JIT)',
          DISABLED: 'Redirect to Okta sign-in page',
        }),
        idp.provisioning,
      ) +
      checkbox(
        'profileMaster',
        'on',
        'Update attributes for existing users (profile master)',
        idp.profileMaster,
      ) +
      select(
        'Group assignments',
        'groupsAction',
        pairs(['NONE', 'ASSIGN', 'APPEND', 'SYNC'], {
          NONE: 'None',
          ASSIGN: 'Assign to specific groups',
          APPEND: 'Add user to missing groups',
          SYNC: 'Full sync of groups',
        }),
        idp.groups.action,
      ) +
      field(
        'Group attribute of the assertion (add / full sync)',
        'groupsAttribute',
        idp.groups.sourceAttributeName,
      ) +
      '<p class="label">Groups (assign: every new user joins; add / full sync: the groups the IdP may manage)</p>' +
      groupBoxes('groups', input.groups, chosen),
  );
}

function protocolFields(idp: InboundIdp): string {
  return fieldset(
    'SAML protocol settings',
    select(
      'Response signature algorithm (the weakest accepted)',
      'signatureAlgorithm',
      pairs(['SHA-256', 'SHA-1']),
      idp.signatureAlgorithm,
    ) +
      select(
        'Response signature verification',
        'signatureScope',
        pairs(['RESPONSE', 'TOKEN', 'ANY'], {
          RESPONSE: 'Response',
          TOKEN: 'Assertion',
          ANY: 'Response or Assertion',
        }),
        idp.signatureScope,
      ) +
      field('Max clock skew (milliseconds)', 'maxClockSkew', String(idp.maxClockSkewMs), 'number'),
  );
}

/** The "Org1 IDP" page: what org2 gives the IdP (ACS, audience, metadata), then every setting. */
export function idpPage(input: IdpPageInput): string {
  const { idp } = input;
  const facts = [
    ['Status', statusBadge('ACTIVE')],
    ['IdP id', `<code>${e(idp.id)}</code>`],
    ['Assertion Consumer Service URL', `<code>${e(input.acsUrl)}</code>`],
    ['Audience URI', `<code>${e(audienceOf(idp))}</code>`],
    ['SP metadata', `<a href="${e(input.metadataUrl)}">Download metadata</a>`],
  ]
    .map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`)
    .join('');
  const form =
    `<form method="POST" action="${e(input.base)}" class="settings">` +
    generalFields(idp) +
    authenticationFields(input) +
    provisioningFields(input) +
    protocolFields(idp) +
    '<p><button type="submit">Save</button></p></form>';
  return (
    `<section class="panel"><h2>For the identity provider</h2><dl class="facts">${facts}</dl></section>` +
    `<section class="panel"><h2>Settings</h2>${form}</section>${certificatesPanel(input)}`
  );
}
