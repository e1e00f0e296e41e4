import type { Express } from 'express';
import { type FrontHandlers, partyApp } from '../../core/app.js';
import { formBody } from '../../core/body.js';
import { pageErrorHandler } from '../../core/html.js';
import { lazyRoutes } from '../../core/lazy-routes.js';
import { notFoundPage } from '../../core/not-found.js';
import { idpMetadataXml } from '../../saml/metadata.js';
import type { AdminRoles } from '../admins.js';
import { oktaApiFallback } from '../api/errors.js';
import { adminConsole } from '../console/console.js';
import { dashboardPage, signInPage } from '../pages.js';
import { type SignInOrg, signInRoutes } from '../sign-in-routes.js';
import { type Org1ApiOrg, org1ApiRouter } from './api-routes.js';
import { type Org1ConsoleOrg, org1Sections } from './console/sections.js';
import type { Org1Options } from './options.js';
import { issuerOf, ssoPathOf } from './org2org-app.js';
import { type Org2OrgSsoOrg, org2orgSso } from './org2org-sso.js';
import { type TasksApiOrg, tasksRouter } from './tasks-api.js';

/** What org1's routes use of org1 (org1.ts passes itself). */
export type Org1Site = Org1ApiOrg &
  Org1ConsoleOrg &
  TasksApiOrg &
  SignInOrg &
  Org2OrgSsoOrg & { readonly options: Org1Options; readonly admins: AdminRoles };

/** org1's HTTP app: its API, Admin Console, sign-in, dashboard, Org2Org's SSO and IdP metadata. */
export function org1Routes(org: Org1Site, front?: FrontHandlers): Express {
  const { options } = org;
  const app = partyApp(() => org.url, front);
  app.use('/api/v1', org1ApiRouter(org));
  app.use(formBody('64kb'));
  app.use(
    adminConsole({
      org: options,
      sessions: org.sessions,
      admins: org.admins,
      sections: org1Sections(org),
    }),
  );
  app.get('/', (_req, res) => res.redirect('/app/UserHome'));
  app.get('/login', (req, res) => {
    res.type('html').send(signInPage(options, { fromUri: String(req.query.fromURI ?? '') || undefined }));
  });
  signInRoutes(app, org);
  app.get('/app/UserHome', (req, res) => {
    const user = org.sessions.user(req);
    if (!user) return res.redirect('/login?fromURI=/app/UserHome');
    const tiles = org.isAssigned(user.id) ? [{ label: org.app.label, href: ssoPathOf(org.app) }] : [];
    return res.type('html').send(dashboardPage(options, user.profile.login, tiles));
  });
  app.get(ssoPathOf(org.app), (req, res) => org2orgSso(org, req, res));
  app.use(lazyRoutes('/api/v1/apps', () => tasksRouter(org)));
  app.get(`/app/${org.app.key}/sso/saml/metadata`, (_req, res) => {
    res.type('application/xml').send(
      idpMetadataXml({
        entityId: issuerOf(org.app),
        ssoUrl: `${org.url}${ssoPathOf(org.app)}`,
        signingCerts: [org.app.credential.cert],
      }),
    );
  });
  app.use('/api/v1', ...oktaApiFallback(options.ids));
  app.use(notFoundPage(options.name, options.color));
  app.use(pageErrorHandler(options.name, options.color));
  return app;
}
