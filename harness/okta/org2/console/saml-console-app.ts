import type { AppUsers } from '../../api/app-users.js';
import type { OrgApps } from '../apps.js';
import { appIssuerOf, appMetadataPathOf, appSsoPathOf, type SamlApp } from '../saml-app.js';
import type { ConsoleApp } from './console-app.js';

/** What of org2 the Applications pages need (structural: no import of org2.ts). */
export interface SamlAppsOrg {
  url: string;
  readonly apps: OrgApps;
  readonly appUsers: AppUsers;
}

/**
 * One of org2's SAML apps (Dropbox Business or an AIW app) as a ConsoleApp. Its settings objects
 * are the app's own, so a console change is the change the world's `configure` would make.
 */
export function samlConsoleApp(org: SamlAppsOrg, app: SamlApp): ConsoleApp {
  return {
    id: app.id,
    get label() {
      return app.label;
    },
    set label(label: string) {
      app.label = label;
    },
    key: app.key,
    name: app.name,
    signOn: app,
    issuer: appIssuerOf(app),
    // The org's URL is known once it listens, after the console is mounted.
    get ssoUrl() {
      return `${org.url}${appSsoPathOf(app)}`;
    },
    get metadataUrl() {
      return `${org.url}${appMetadataPathOf(app)}`;
    },
    provisioning: app.provisioning,
    scim: () => {
      const scim = app.provisioning.scim();
      return scim && { url: scim.url, token: scim.token };
    },
    tasks: () => org.apps.provisionerOf(app).tasks,
    appUsers: () => org.appUsers.list(app.id),
    // The Apps API's own callbacks: same state, same pushes, same System Log events.
    assign: (userId, userName) => org.apps.assign(app, userId, userName),
    unassign: (userId) => org.apps.unassign(app, userId),
  };
}

/** Every SAML app of org2, as the console lists them (Dropbox Business first). */
export function samlConsoleApps(org: SamlAppsOrg): ConsoleApp[] {
  return org.apps.list.map((app) => samlConsoleApp(org, app));
}
