import type { CertInfo } from '../../crypto/credential.js';
import type { Scheduler } from '../../provisioning/scheduler.js';
import type { AdminRole } from '../api/auth.js';
import type { OrgBaseOptions } from '../org-options.js';
import type { Org2OrgApp } from './org2org-app.js';

export interface Org1Options extends OrgBaseOptions {
  app: Org2OrgApp;
  /** What org2 publishes for its inbound IdP: where to post and which audience to use. */
  target: () => { url: string; acsUrl: string; audience: string; requestCert?: CertInfo };
  /** How the connector waits between retries; default: the org's clock (moved, when it is fixed). */
  scheduler?: Scheduler;
  /** API tokens of org1 (its System Log API): token → the admin role of its owner. */
  tokens: ReadonlyMap<string, AdminRole>;
}
