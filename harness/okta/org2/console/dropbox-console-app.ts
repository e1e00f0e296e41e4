import type { AppUsers } from '../../api/app-users.js';
import {
  type DropboxApp,
  type DropboxProvisioner,
  dropboxIssuerOf,
  dropboxSsoPathOf,
} from '../dropbox-app.js';
import type { ConsoleApp } from './console-app.js';

/** What of org2 the Dropbox app's console pages need (structural: no import of org2.ts). */
export interface DropboxAppOrg {
  url: string;
  readonly options: { dropbox: DropboxApp; target: () => { scimUrl: string; scimToken: string } };
  readonly appUsers: AppUsers;
  readonly provisioner: DropboxProvisioner;
  assignDropbox(login: string, userName?: string): Promise<void>;
  unassignDropbox(login: string): Promise<void>;
}

/**
 * org2's Dropbox Business app as a ConsoleApp. Its settings objects are the app's own, so a
 * console change is the change the world's `configure` would make; the label writes through.
 */
export function dropboxConsoleApp(org: DropboxAppOrg): ConsoleApp {
  const app = org.options.dropbox;
  return {
    id: app.id,
    get label() {
      return app.label;
    },
    set label(label: string) {
      app.label = label;
    },
    key: app.key,
    name: 'dropbox_for_business',
    signOn: app,
    issuer: dropboxIssuerOf(app),
    // The org's URL is known once it listens, after the console is mounted.
    get ssoUrl() {
      return `${org.url}${dropboxSsoPathOf(app)}`;
    },
    get metadataUrl() {
      return `${org.url}/app/${app.key}/sso/saml/metadata`;
    },
    provisioning: app.provisioning,
    scim: () => {
      const target = org.options.target();
      return { url: target.scimUrl, token: target.scimToken };
    },
    tasks: () => org.provisioner.tasks,
    appUsers: () => org.appUsers.list(app.id),
    // The Apps API's own callbacks (org2.ts): same state, same pushes, same System Log events.
    assign: (userId, userName) => org.assignDropbox(userId, userName),
    unassign: (userId) => org.unassignDropbox(userId),
  };
}
