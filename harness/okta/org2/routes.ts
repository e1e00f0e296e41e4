import type { Express } from 'express';
import { type FrontHandlers, partyApp } from '../../core/app.js';
import { formBody } from '../../core/body.js';
import { pageErrorHandler } from '../../core/html.js';
import { lazyRoutes } from '../../core/lazy-routes.js';
import { notFoundPage } from '../../core/not-found.js';
import { spMetadataXml } from '../../saml/metadata.js';
import type { AdminRoles } from '../admins.js';
import type { AppUsers } from '../api/app-users.js';
import type { OktaApiOptions } from '../api/common.js';
import { oktaApiFallback } from '../api/errors.js';
import { createOrgApi } from '../api/org-api.js';
import type { RateLimiter } from '../api/rate-limit.js';
import { adminConsole } from '../console/console.js';
import type { OktaUser } from '../directory.js';
import type { GroupAdmin } from '../group-admin.js';
import type { Groups } from '../groups.js';
import { dashboardPage } from '../pages.js';
import { type SignInOrg, signInRoutes } from '../sign-in-routes.js';
import type { SystemLog } from '../syslog/log-store.js';
import { createLogsRouter } from '../syslog/logs-api.js';
import type { UserAdmin } from '../user-admin.js';
import type { OrgApps } from './apps.js';
import { type Org2ConsoleOrg, org2ConsoleSections } from './console/sections.js';
import type { IdpKeyStore } from './idp-keys.js';
import { type EditableIdpOrg, replaceIdp } from './idp-replace.js';
import { type InboundSignIn, idpRoutes } from './idp-routes.js';
import { createIdpsRouter } from './idps-api.js';
import { audienceOf } from './inbound-idp.js';
import type { IdpLinks } from './links.js';
import type { Org2Options } from './options.js';

/** What org2's routes use of org2 (org2.ts passes itself). */
export type Org2Site = InboundSignIn &
  Org2ConsoleOrg &
  SignInOrg &
  EditableIdpOrg & {
    readonly options: Org2Options;
    readonly url: string;
    readonly rateLimit: RateLimiter;
    readonly idpKeys: IdpKeyStore;
    readonly links: IdpLinks;
    readonly log: SystemLog;
    readonly appUsers: AppUsers;
    readonly groups: Groups;
    readonly users: UserAdmin;
    readonly groupAdmin: GroupAdmin;
    readonly apps: OrgApps;
    readonly admins: AdminRoles;
    idpJson(): Record<string, unknown>;
  };

/** org2's HTTP app: its APIs, Admin Console, inbound IdP sign-in, dashboard and SAML apps. */
export function org2Routes(org: Org2Site, front?: FrontHandlers): Express {
  const app = partyApp(() => org.url, front);
  // What every /api/v1 router of the org shares: its tokens, ids, origin and one rate limiter.
  const api: OktaApiOptions = {
    tokens: org.apiTokens,
    ids: org.options.ids,
    baseUrl: () => org.url,
    rateLimit: org.rateLimit,
  };
  app.use(
    '/api/v1',
    lazyRoutes('/idps', () =>
      createIdpsRouter({
        ...api,
        idp: () => org.idp,
        idpJson: () => org.idpJson(),
        keys: org.idpKeys,
        directory: org.directory,
        links: org.links,
        metadataXml: () => spMetadata(org),
        replace: (json) => replaceIdp(org, json),
      }),
    ),
    lazyRoutes('/logs', () => createLogsRouter({ ...api, clock: org.options.clock, log: org.log })),
    createOrgApi({
      clock: org.options.clock,
      directory: org.directory,
      ...api,
      sessionUser: (req) => org.sessions.user(req),
      log: org.log,
      appUsers: org.appUsers,
      groups: org.groups,
      users: org.users,
      groupAdmin: org.groupAdmin,
      apps: () => org.apps.summaries(),
      assign: (appId, userId, userName) => org.apps.assign(org.apps.get(appId), userId, userName),
      unassign: (appId, userId) => org.apps.unassign(org.apps.get(appId), userId),
      externalId: (appId, userId) => org.apps.provisionerOf(org.apps.get(appId)).externalId(userId),
    }),
  );
  // After the API routers: they parse their own JSON bodies and answer malformed ones as Okta does.
  app.use(formBody('512kb'));
  const sections = org2ConsoleSections(org);
  app.use(adminConsole({ org: org.options, sessions: org.sessions, admins: org.admins, sections }));
  app.get('/', (_req, res) => res.redirect('/app/UserHome'));
  app.use(idpRoutes(org));
  signInRoutes(app, org);
  app.get('/app/UserHome', (req, res) => {
    const user = org.sessions.user(req) as OktaUser;
    return res.type('html').send(dashboardPage(org.options, user.profile.login, org.apps.tiles(user)));
  });
  app.use(org.apps.router());
  app.use('/api/v1', ...oktaApiFallback(org.options.ids));
  app.use(notFoundPage(org.options.name, org.options.color));
  app.use(pageErrorHandler(org.options.name, org.options.color));
  return app;
}

/** The inbound IdP's SP metadata (`GET /api/v1/idps/{id}/metadata.xml`). */
function spMetadata(org: Org2Site): string {
  return spMetadataXml({
    entityId: audienceOf(org.idp),
    acsUrl: org.acsUrl,
    signingCert: org.options.spCredential.cert,
    wantAssertionsSigned: org.idp.signatureScope === 'TOKEN',
    authnRequestsSigned: true,
  });
}
