import { escapeHtml } from '../../../core/html.js';
import { USERNAME_FORMATS, type UserNameFormat } from '../../app-username.js';
import type { ConsoleSection } from '../../console/console.js';
import { facts, field, postButton, select, statusBadge, when } from '../../console/html.js';
import { issuerOf, type Org2OrgApp, ssoPathOf } from '../org2org-app.js';
import { APP_BASE, type Org2OrgConsoleOrg, sendTab } from './app-tab.js';
import { assignmentRoutes } from './assignments.js';
import { provisioningRoutes } from './provisioning.js';

/** Okta's names of the username formats (a custom expression is set in the scenario's world). */
const FORMAT_LABELS: Readonly<Record<UserNameFormat, string>> = {
  OKTA_USERNAME: 'Okta username',
  OKTA_USERNAME_PREFIX: 'Okta username prefix',
  EMAIL: 'Email',
  EMAIL_PREFIX: 'Email prefix',
  CUSTOM: 'Custom',
};
const FORMATS = USERNAME_FORMATS.filter((f) => f !== 'CUSTOM').map((f): [string, string] => [
  f,
  FORMAT_LABELS[f],
]);

function general(app: Org2OrgApp): string {
  return (
    `<section class="panel"><h2>App settings</h2>` +
    facts([
      ['Application', 'Okta Org2Org'],
      ['App instance id', `<code>${escapeHtml(app.id)}</code>`],
      ['Status', statusBadge('ACTIVE')],
    ]) +
    `<form method="POST" action="${APP_BASE}/general">${field('Application label', 'label', app.label)}<p><button type="submit">Save</button></p></form></section>`
  );
}

function signOn(org: Org2OrgConsoleOrg): string {
  const { app } = org;
  const metadata = `${org.url}/app/${app.key}/sso/saml/metadata`;
  const certs = org.certificates.all().map(({ credential: { cert }, active }) => {
    const download = `<a href="${APP_BASE}/certificates/${cert.sha256.replace(/:/g, '')}.cert" download>Download .cert</a>`;
    const activate = active
      ? ''
      : ` ${postButton(`${APP_BASE}/certificates/activate`, 'Activate', { sha256: cert.sha256 }, 'secondary')}`;
    return `<tr><td>${statusBadge(active ? 'ACTIVE' : 'INACTIVE')}</td><td>${escapeHtml(cert.subject)}</td><td>${when(cert.notAfter)}</td><td><code class="fp">${escapeHtml(cert.sha256)}</code></td><td>${download}${activate}</td></tr>`;
  });
  return (
    `<section class="panel"><h2>SAML 2.0</h2>` +
    facts([
      ['Application username format', escapeHtml(FORMAT_LABELS[app.userNameFormat])],
      ['Issuer', `<code>${escapeHtml(issuerOf(app))}</code>`],
      ['Sign-on URL (IdP-initiated)', `<code>${escapeHtml(`${org.url}${ssoPathOf(app)}`)}</code>`],
      ['Identity Provider metadata', `<a href="${escapeHtml(metadata)}">${escapeHtml(metadata)}</a>`],
    ]) +
    `<form class="filters" method="POST" action="${APP_BASE}/sign-on/username-format"><div>` +
    select('Application username format', 'userNameFormat', FORMATS, app.userNameFormat) +
    `</div><div><button type="submit">Save</button></div></form>` +
    `</section><section class="panel"><h2>SAML signing certificates</h2>` +
    `<table><caption class="skip">Signing certificates</caption><thead><tr><th scope="col">Status</th><th scope="col">Subject</th><th scope="col">Expires</th><th scope="col">SHA-256 fingerprint</th><th scope="col">Actions</th></tr></thead><tbody>${certs.join('')}</tbody></table>` +
    `<p>${postButton(`${APP_BASE}/certificates/generate`, 'Generate new certificate', {}, 'secondary')}</p>` +
    `<p class="muted">Activate a new certificate only after org2's IdP trusts it (in org2's console: Security › Identity Providers), or sign-ins fail.</p></section>`
  );
}

export type { Org2OrgConsoleOrg } from './app-tab.js';

/** Applications → Org2Org: the app's tabs General, Sign On, Provisioning and Assignments. */
export function org2orgSection(org: Org2OrgConsoleOrg): ConsoleSection {
  return {
    path: '/apps/org2org',
    label: 'Org2Org',
    group: 'Applications',
    routes(router, view) {
      router.get('/', (_req, res) => res.redirect(`${APP_BASE}/general`));
      router.get('/general', (req, res) => sendTab(view, req, res, org.app, 'general', general(org.app)));
      router.post('/general', (req, res) => {
        const label = String(req.body?.label ?? '').trim();
        if (label) org.app.label = label;
        res.redirect(303, `${APP_BASE}/general?done=label`);
      });
      router.get('/sign-on', (req, res) => sendTab(view, req, res, org.app, 'sign-on', signOn(org)));
      router.post('/sign-on/username-format', (req, res) => {
        const format = String(req.body?.userNameFormat ?? '');
        const chosen = FORMATS.find(([f]) => f === format);
        if (chosen) org.app.userNameFormat = chosen[0] as UserNameFormat;
        res.redirect(303, `${APP_BASE}/sign-on?done=format`);
      });
      router.post('/certificates/generate', (_req, res) => {
        org.certificates.generate();
        res.redirect(303, `${APP_BASE}/sign-on?done=generate`);
      });
      router.post('/certificates/activate', (req, res) => {
        org.certificates.activate(String(req.body?.sha256 ?? ''));
        res.redirect(303, `${APP_BASE}/sign-on?done=activate`);
      });
      router.get('/certificates/:file', (req, res, next) => {
        const hex = req.params.file.replace(/\.cert$/, '');
        const found = org.certificates.all().find((c) => c.credential.cert.sha256.replace(/:/g, '') === hex);
        if (!found) return next();
        res
          .type('application/x-pem-file')
          .attachment(`${org.app.label}.cert`)
          .send(found.credential.cert.pem);
      });
      provisioningRoutes(router, view, org);
      assignmentRoutes(router, view, org);
    },
  };
}
