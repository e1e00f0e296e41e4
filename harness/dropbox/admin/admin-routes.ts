import express, { type ErrorRequestHandler, type Request, type Router } from 'express';
import { FedsimError, toFedsimError } from '../../core/errors.js';
import { errorMetas, escapeHtml } from '../../core/html.js';
import { sameOrigin } from '../../core/request-guard.js';
import type { SecretSource } from '../../core/secrets.js';
import { SessionStore } from '../../core/sessions.js';
import { type CertInfo, parseCertificate } from '../../crypto/credential.js';
import type { TeamGroups } from '../groups.js';
import type { Team } from '../team.js';
import { groupRoutes } from './admin-group-routes.js';
import {
  type AdminSend,
  adminPage,
  adminSignInPage,
  membersBody,
  provisioningBody,
  ssoBody,
} from './admin-pages.js';
import type { TeamAdmins } from './team-admins.js';

/** What the admin console shows of Dropbox (structural: no import of dropbox.ts). */
export interface DropboxAdminOrg {
  readonly team: Team;
  readonly admins: TeamAdmins;
  readonly acsUrl: string;
  readonly scimUrl: string;
  readonly options: {
    teamName: string;
    entityId: string;
    scimToken: string;
    secrets: SecretSource;
    idp: () => { issuer: string; certs: CertInfo[]; ssoUrl: string };
    /** Replaces the certificate the SSO settings trust (an admin's upload). */
    trustCertificate: (cert: CertInfo) => void;
  };
  readonly groups: TeamGroups;
}

const refused = (message: string) =>
  new FedsimError('DROPBOX_ADMIN_REQUIRED', message, {
    hint: 'Sign in at /admin/login as the team admin `fedsim serve --json` prints under admins.',
  });

/**
 * Dropbox's admin console at `/admin`: team admins sign in with email and password (a fresh
 * session id each time), then see members with their state, the SSO settings and the SCIM
 * connection. Forms post same-origin only, as every form here does.
 */
export function dropboxAdmin(org: DropboxAdminOrg): Router {
  const sessions = new SessionStore<{ admin: string }>('dbx_admin', org.options.secrets);
  const router = express.Router();
  const team = () => org.options.teamName;
  router.post('/admin/*path', sameOrigin);
  router.get('/admin/login', (_req, res) => res.type('html').send(adminSignInPage(team())));
  router.post('/admin/login', (req, res) => {
    const { email = '', password = '' } = req.body as Record<string, string>;
    if (!org.admins.verify(email, password)) {
      const err = refused(`No team admin ${email} with that password`);
      const shown = { code: err.code, message: err.message, head: errorMetas(err) };
      return res.status(err.status).type('html').send(adminSignInPage(team(), shown));
    }
    sessions.start(req, res, { admin: email.toLowerCase() });
    return res.redirect(303, '/admin/members');
  });
  router.post('/admin/logout', (req, res) => {
    sessions.end(req, res);
    res.redirect(303, '/admin/login');
  });
  router.use('/admin', (req, res, next) => {
    const session = sessions.get(req);
    if (session && org.admins.has(session.admin)) return next();
    if (req.method === 'GET') return res.redirect('/admin/login');
    return next(refused('No team admin is signed in'));
  });
  const send: AdminSend = (req, res, page) =>
    res
      .status(page.error?.status ?? 200)
      .type('html')
      .send(
        adminPage({
          ...page,
          admin: sessions.get(req)?.admin ?? '',
          team: team(),
          head: page.error && errorMetas(page.error),
        }),
      );
  router.get(['/admin', '/admin/'], (_req, res) => res.redirect('/admin/members'));
  router.get('/admin/members', (req, res) =>
    send(req, res, {
      path: '/admin/members',
      title: 'Members',
      body: membersBody(org.team, org.team.removed, req.query.page),
    }),
  );
  groupRoutes(router, org, send);
  const sso = (req: Request, res: express.Response, refused?: { error: FedsimError; pem: string }) => {
    const idp = org.options.idp();
    const settings = {
      signInUrl: idp.ssoUrl,
      issuer: idp.issuer,
      certs: idp.certs,
      entityId: org.options.entityId,
      acsUrl: org.acsUrl,
    };
    const notice =
      req.query.done === 'certificate' ? 'The certificate was uploaded: SSO trusts it now.' : undefined;
    const body = ssoBody(settings, refused);
    send(req, res, { path: '/admin/sso', title: 'Single sign-on', body, notice, error: refused?.error });
  };
  router.get('/admin/sso', (req, res) => sso(req, res));
  router.post('/admin/sso/certificate', (req, res) => {
    const pem = String(req.body?.certificate ?? '');
    try {
      org.options.trustCertificate(parseCertificate(pem));
    } catch (raw) {
      return sso(req, res, { error: toFedsimError(raw), pem });
    }
    return res.redirect(303, '/admin/sso?done=certificate');
  });
  router.get('/admin/provisioning', (req, res) => {
    const scim = {
      url: org.scimUrl,
      token: org.options.scimToken,
      deactivation: org.team.options.deactivation,
    };
    send(req, res, { path: '/admin/provisioning', title: 'Provisioning', body: provisioningBody(scim) });
  });
  router.use('/admin', ((raw, req, res, _next) => {
    const err = toFedsimError(raw);
    const shown = { code: err.code, message: err.message, head: errorMetas(err) };
    // A signed-in admin stays in the console and reads why; anyone else gets the sign-in page.
    if (!sessions.get(req)) return res.status(err.status).type('html').send(adminSignInPage(team(), shown));
    const body = `<p class="error" role="alert" data-error-code="${escapeHtml(err.code)}"><code>${escapeHtml(err.code)}</code> ${escapeHtml(err.message)}</p>`;
    return send(req, res, { path: req.originalUrl, title: 'Something went wrong', body, error: err });
  }) as ErrorRequestHandler);
  return router;
}
