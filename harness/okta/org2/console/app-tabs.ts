import { escapeHtml as e } from '../../../core/html.js';
import { pageOf, pagerNav } from '../../../core/paging.js';
import type { SigningCredential } from '../../../crypto/credential.js';
import { USERNAME_FORMATS } from '../../app-username.js';
import {
  checkbox as box,
  field,
  peopleCount,
  postButton,
  select,
  statusBadge,
  table,
} from '../../console/html.js';
import type { OktaUser } from '../../directory.js';
import type { ConsoleApp } from './console-app.js';

/** The Applications pages' tabs, Okta's order. */
export const APP_TABS = [
  ['general', 'General'],
  ['signon', 'Sign On'],
  ['provisioning', 'Provisioning'],
  ['assignments', 'Assignments'],
] as const;
export type AppTab = (typeof APP_TABS)[number][0];

const FORMAT_LABELS: Record<string, string> = {
  OKTA_USERNAME: 'Okta username',
  OKTA_USERNAME_PREFIX: 'Okta username prefix',
  EMAIL: 'Email',
  EMAIL_PREFIX: 'Email prefix',
  CUSTOM: 'Custom',
};

const checkbox = (name: string, label: string, on: boolean) => box(label, name, on, 'on');

const facts = (rows: readonly (readonly [string, string])[]) =>
  `<dl class="facts">${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;

const form = (action: string, inner: string, button = 'Save') =>
  `<form method="POST" action="${e(action)}">${inner}<p><button type="submit">${e(button)}</button></p></form>`;

export function generalTab(app: ConsoleApp, base: string): string {
  return (
    `<section class="panel"><h2>App settings</h2>${facts([
      ['Status', statusBadge('ACTIVE')],
      ['App', `<code>${e(app.name)}</code>`],
      ['App id', `<code>${e(app.id)}</code>`],
    ])}` + `${form(`${base}/general`, field('Application label', 'label', app.label))}</section>`
  );
}

function certRows(active: SigningCredential, next: SigningCredential | undefined, base: string): string[][] {
  const row = (cred: SigningCredential, status: string, actions: string) => [
    statusBadge(status),
    e(cred.cert.subject),
    `<code>${e(cred.cert.sha256.slice(0, 23))}…</code>`,
    e(cred.cert.notAfter.toISOString().slice(0, 10)),
    actions,
  ];
  return [
    row(active, 'ACTIVE', `<a href="${e(base)}/signon/cert.pem">Download</a>`),
    ...(next
      ? [
          row(
            next,
            'INACTIVE',
            `<a href="${e(base)}/signon/cert.pem?next=1">Download</a> ${postButton(`${base}/signon/cert/activate`, 'Activate', {}, 'secondary')}`,
          ),
        ]
      : []),
  ];
}

export function signOnTab(app: ConsoleApp, base: string, next: SigningCredential | undefined): string {
  const { signOn } = app;
  const settings =
    select(
      'Application username format',
      'userNameFormat',
      USERNAME_FORMATS.map((f) => [f, FORMAT_LABELS[f] ?? f] as const),
      signOn.userNameFormat,
    ) +
    field('Custom expression (when the format is Custom)', 'userNameExpression', signOn.userNameExpression) +
    (signOn.silentProvisioning === undefined
      ? ''
      : checkbox(
          'silentProvisioning',
          'Silent provisioning (the SP sends new members no invitation)',
          signOn.silentProvisioning,
        ));
  return (
    `<section class="panel"><h2>SAML 2.0</h2>${facts([
      ['Identity Provider Issuer', `<code>${e(app.issuer)}</code>`],
      ['Identity Provider Single Sign-On URL', `<code>${e(app.ssoUrl)}</code>`],
      ['Identity Provider metadata', `<a href="${e(app.metadataUrl)}">${e(app.metadataUrl)}</a>`],
    ])}</section>` +
    `<section class="panel"><h2>Credentials details</h2>${form(`${base}/signon`, settings)}</section>` +
    `<section class="panel"><h2>SAML signing certificates</h2>` +
    table(
      'Signing certificates',
      ['Status', 'Subject', 'SHA-256', 'Expires', 'Actions'],
      certRows(signOn.credential, next, base),
    ) +
    `<p>${postButton(`${base}/signon/cert/new`, 'Generate new certificate', {}, 'secondary')}</p>` +
    '<p class="muted">A new certificate signs nothing until you activate it: upload it to the service provider first.</p></section>'
  );
}

export function provisioningTab(app: ConsoleApp, base: string): string {
  const p = app.provisioning;
  const scim = app.scim();
  const integration = scim
    ? facts([
        ['SCIM connector base URL', `<code>${e(scim.url)}</code>`],
        ['API token', `<code>${e(`${scim.token.slice(0, 4)}${'•'.repeat(12)}`)}</code>`],
      ])
    : '<p class="muted">This app has no SCIM connection.</p>';
  const toggles =
    checkbox('enabled', 'Enable provisioning to the app', p.enabled) +
    '<fieldset><legend>To App</legend>' +
    checkbox('create', 'Create Users', p.create) +
    checkbox('update', 'Update User Attributes', p.update) +
    checkbox('deactivate', 'Deactivate Users', p.deactivate) +
    '</fieldset>';
  return (
    `<section class="panel"><h2>Integration</h2>${integration}</section>` +
    `<section class="panel"><h2>Provisioning to App</h2>${form(`${base}/provisioning`, toggles)}</section>`
  );
}

export function assignmentsTab(
  app: ConsoleApp,
  base: string,
  userOf: (id: string) => OktaUser | undefined,
  requestedPage: unknown,
): string {
  const assigned = pageOf(app.appUsers(), requestedPage);
  const rows = assigned.rows.map((au) => {
    const user = userOf(au.userId);
    return [
      user ? e(`${user.profile.firstName} ${user.profile.lastName}`) : '',
      e(user?.profile.login ?? au.userId),
      e(au.userName),
      statusBadge(au.status),
      statusBadge(au.syncState),
      postButton(`${base}/assignments/remove`, 'Unassign', { userId: au.userId }, 'danger'),
    ];
  });
  return (
    `<section class="panel"><h2>Assign to people</h2>${form(
      `${base}/assignments`,
      field('Person (username or id)', 'user') +
        field('App username (empty: the username format)', 'userName'),
      'Assign',
    )}</section>` +
    `<p class="muted">${peopleCount(assigned.total)} assigned</p>` +
    table('People assigned', ['Person', 'Username', 'App username', 'Status', 'Sync', ''], rows) +
    pagerNav(`${base}/assignments`, assigned)
  );
}
