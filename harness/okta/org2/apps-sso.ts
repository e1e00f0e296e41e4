import { type NextFunction, type Request, type Response, Router } from 'express';
import type { Clock } from '../../core/clock.js';
import type { IdGenerator } from '../../core/ids.js';
import { idpMetadataXml } from '../../saml/metadata.js';
import type { OktaUser } from '../directory.js';
import type { OrgLook } from '../pages.js';
import type { OktaSessions } from '../sessions.js';
import { appSso } from '../sso.js';
import type { SystemLog } from '../syslog/log-store.js';
import { appIssuerOf, appMetadataPathOf, appSsoPathOf, type SamlApp } from './saml-app.js';

/** What the SSO routes use of org2's apps (OrgApps passes itself). */
export interface AppsSsoSource {
  readonly list: SamlApp[];
  isAssigned(app: SamlApp, userId: string): boolean;
  userNameOf(app: SamlApp, user: OktaUser): string;
  attributesOf(app: SamlApp): (user: OktaUser) => Record<string, string>;
}

/** What the SSO routes use of the org. */
export interface SsoDeps {
  /** The org: its name and colour on error pages. */
  org: OrgLook;
  clock: Clock;
  ids: IdGenerator;
  log: SystemLog;
  sessions: OktaSessions;
  url: () => string;
}

/** Each app's SSO URL (GET: IdP-initiated or a Redirect AuthnRequest; POST: a POST AuthnRequest) and metadata. */
export function appsSsoRouter(apps: AppsSsoSource, deps: SsoDeps): Router {
  const router = Router();
  const sso = (req: Request, res: Response, next: NextFunction) => {
    const app = apps.list.find((a) => a.key === req.params.key && a.name === req.params.name);
    if (app) appSignOn(apps, deps, app, req, res);
    else next();
  };
  router.get('/app/:name/:key/sso/saml', sso);
  router.post('/app/:name/:key/sso/saml', sso);
  router.get(appMetadataPathOf({ key: ':key' }), (req, res, next) => {
    const app = apps.list.find((a) => a.key === req.params.key);
    if (!app) return next();
    // The app's IdP metadata, as its Sign On tab links it.
    const ssoUrl = `${deps.url()}${appSsoPathOf(app)}`;
    const md = { entityId: appIssuerOf(app), ssoUrl, signingCerts: [app.credential.cert] };
    res.type('application/xml').send(idpMetadataXml(md));
  });
  return router;
}

function appSignOn(apps: AppsSsoSource, deps: SsoDeps, app: SamlApp, req: Request, res: Response): void {
  const sp = app.sp();
  const attributes = apps.attributesOf(app);
  const audience = app.audience ?? sp.audience;
  // Pointed at another SP (its audience set), the app takes that SP's requests unsigned: "Signed
  // requests" is an optional advanced setting (help.okta.com, "Application Integration Wizard SAML
  // field reference"); the SP the app was made for signs with its own key.
  const requestCert = audience === sp.audience ? sp.requestCert : undefined;
  appSso(req, res, {
    org: deps.org,
    appLabel: app.label,
    user: deps.sessions.user(req),
    authTime: deps.sessions.authTime(req),
    assigned: (user) => apps.isAssigned(app, user.id),
    settings: { ...app, issuer: appIssuerOf(app) },
    acsUrl: app.acsUrl ?? sp.acsUrl,
    audience: app.audience ?? sp.audience,
    sp: { entityId: audience, requestCert, encryptionCert: sp.encryptionCert },
    subject: (user) => ({ nameId: apps.userNameOf(app, user), attributes: attributes(user) }),
    deps: { clock: deps.clock, ids: deps.ids },
    log: { to: deps.log, appId: app.id },
  });
}
