import { schedulerFor } from '../../provisioning/scheduler.js';
import type { Directory, OktaUser } from '../directory.js';
import type { Groups } from '../groups.js';
import { logGroupPushes } from '../syslog/group-push-events.js';
import type { SystemLog } from '../syslog/log-store.js';
import { logUserPushes } from '../syslog/push-events.js';
import { Org2OrgConnector } from './connector.js';
import { GroupPush } from './group-push.js';
import type { Org1Options } from './options.js';
import type { Org2OrgApp } from './org2org-app.js';

/** What Org2Org's provisioning uses of org1 (org1.ts passes itself while it is being built). */
export interface ProvisioningOrg {
  readonly app: Org2OrgApp;
  readonly directory: Directory;
  readonly log: SystemLog;
  readonly groups: Groups;
  appUserName(user: OktaUser): string;
  isAssigned(userId: string): boolean;
}

/** Org2Org's user provisioning and its Push Groups, each logging what it pushed. */
export function org2orgProvisioning(
  org: ProvisioningOrg,
  options: Org1Options,
): { connector: Org2OrgConnector; groupPush: GroupPush } {
  // A getter, not the object: `configure` replaces the app's provisioning settings.
  const connector = new Org2OrgConnector(() => org.app.provisioning, {
    fetch: options.fetch,
    scheduler: options.scheduler ?? schedulerFor(options.clock),
    org2Url: () => options.target().url,
    userNameOf: (user) => org.appUserName(user),
    onFinish: logUserPushes(org.log, () => org.app, {
      directory: org.directory,
      userNameOf: (user) => org.appUserName(user),
    }),
  });
  const groupPush = new GroupPush(() => org.app.provisioning, {
    scheduler: options.scheduler ?? schedulerFor(options.clock),
    groups: org.groups,
    api: (call) => connector.api(call),
    remoteUserOf: (userId) => {
      const active = org.directory.find(userId)?.status === 'ACTIVE';
      return active && org.isAssigned(userId) ? connector.links.get(userId) : undefined;
    },
    onFinish: logGroupPushes(org.log, () => org.app, org.groups),
  });
  return { connector, groupPush };
}
