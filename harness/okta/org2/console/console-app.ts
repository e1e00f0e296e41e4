import type { SigningCredential } from '../../../crypto/credential.js';
import type { ProvisioningTask } from '../../../provisioning/task-log.js';
import type { AppUser } from '../../api/app-users.js';
import type { AppUserNameSettings } from '../../app-username.js';
import type { Directory } from '../../directory.js';
import type { Groups } from '../../groups.js';
import type { SystemLog } from '../../syslog/log-store.js';

/**
 * One SAML app instance as the Admin Console's Applications pages see it, whatever the app: its
 * identity, its Sign On settings (changed in place, as the world's `configure` does), To-App
 * provisioning and tasks, and the org functions the Apps API calls to assign and unassign.
 */
export interface ConsoleApp {
  id: string;
  label: string;
  /** The app instance key in its URLs (`/app/{name}/{key}/sso/saml`). */
  key: string;
  /** Okta's app name, e.g. `dropbox_for_business`. */
  name: string;
  signOn: AppUserNameSettings & { credential: SigningCredential; silentProvisioning?: boolean };
  issuer: string;
  /** The app's IdP-side URLs: where the SP sends users and where its IdP metadata is. */
  ssoUrl: string;
  metadataUrl: string;
  provisioning: { enabled: boolean; create: boolean; update: boolean; deactivate: boolean };
  /** The SP's SCIM endpoint and the token Okta's To-App sends. */
  scim: () => { url: string; token: string } | undefined;
  tasks: () => readonly ProvisioningTask[];
  appUsers: () => readonly AppUser[];
  /** What `POST /api/v1/apps/{id}/users` calls: records the app user and pushes it. */
  assign(userId: string, userName?: string): Promise<void>;
  /** What `DELETE /api/v1/apps/{id}/users/{userId}` calls: removes it and pushes the deactivation. */
  unassign(userId: string): Promise<void>;
}

/** The org around its apps: who can be assigned, and where console changes are logged. */
export interface AppsOrg {
  directory: Directory;
  groups: Groups;
  log: SystemLog;
  apps: () => readonly ConsoleApp[];
}
