import type { Request, Response } from 'express';
import { OffsetClock } from '../../core/clock.js';
import type { OktaUser } from '../directory.js';
import type { Groups } from '../groups.js';
import type { OktaSessions } from '../sessions.js';
import { appSso } from '../sso.js';
import type { SystemLog } from '../syslog/log-store.js';
import type { Org1Options } from './options.js';
import { issuerOf, type Org2OrgApp } from './org2org-app.js';

/** What Org2Org's sign-on uses of org1 (org1.ts passes itself). */
export interface Org2OrgSsoOrg {
  readonly options: Org1Options;
  readonly app: Org2OrgApp;
  readonly sessions: OktaSessions;
  readonly groups: Groups;
  readonly log: SystemLog;
  isAssigned(userId: string): boolean;
  appUserName(user: OktaUser): string;
}

/** Org2Org's IdP-initiated SSO: a SAML response for the signed-in user, posted to org2's ACS. */
export function org2orgSso(org: Org2OrgSsoOrg, req: Request, res: Response): void {
  const { app, options } = org;
  const target = options.target();
  appSso(req, res, {
    org: options,
    appLabel: app.label,
    user: org.sessions.user(req),
    authTime: org.sessions.authTime(req),
    assigned: (user) => org.isAssigned(user.id),
    settings: { ...app, issuer: issuerOf(app) },
    acsUrl: app.acsUrl ?? target.acsUrl,
    audience: app.audience ?? target.audience,
    sp: { entityId: target.audience, requestCert: target.requestCert, encryptionCert: target.requestCert },
    subject: (user) => ({
      nameId: org.appUserName(user),
      attributes: {
        firstName: user.profile.firstName,
        lastName: user.profile.lastName,
        email: user.profile.email,
        ...(app.groupsAttribute
          ? { [app.groupsAttribute]: org.groups.groupsOf(user.id).map((g) => g.profile.name) }
          : {}),
      },
    }),
    deps: { clock: new OffsetClock(options.clock, app.clockOffsetMs), ids: options.ids },
    log: { to: org.log, appId: app.id },
  });
}
