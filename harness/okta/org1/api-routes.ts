import type { RequestHandler } from 'express';
import type { Clock } from '../../core/clock.js';
import type { IdGenerator } from '../../core/ids.js';
import { lazyRoutes } from '../../core/lazy-routes.js';
import type { AppUsers } from '../api/app-users.js';
import type { TokenRoles } from '../api/auth.js';
import { serializeGroup } from '../api/groups.js';
import { createOrgApi } from '../api/org-api.js';
import type { Directory } from '../directory.js';
import type { GroupAdmin } from '../group-admin.js';
import type { Groups } from '../groups.js';
import type { OktaSessions } from '../sessions.js';
import type { SystemLog } from '../syslog/log-store.js';
import { createLogsRouter } from '../syslog/logs-api.js';
import type { UserAdmin } from '../user-admin.js';
import { unassignGroup } from './assignment-follows.js';
import type { Org2OrgConnector } from './connector.js';
import { assignGroup } from './group-assignment.js';
import type { GroupPush } from './group-push.js';
import type { Org2OrgApp } from './org2org-app.js';

/** What org1's `/api/v1` uses of org1 (org1.ts passes itself). */
export interface Org1ApiOrg {
  readonly options: { ids: IdGenerator; clock: Clock };
  readonly apiTokens: TokenRoles;
  readonly url: string;
  readonly app: Org2OrgApp;
  readonly log: SystemLog;
  readonly directory: Directory;
  readonly sessions: OktaSessions;
  readonly users: UserAdmin;
  readonly appUsers: AppUsers;
  readonly groups: Groups;
  readonly groupAdmin: GroupAdmin;
  readonly connector: Org2OrgConnector;
  readonly groupPush: GroupPush;
  assign(login: string, userName?: string): Promise<unknown>;
  unassign(login: string): Promise<unknown>;
}

/**
 * org1's `/api/v1`: System Log, Users, Apps and Groups. An admin unlocks a locked-out user or
 * assigns Org2Org (a user, or a group whose members are pushed after the answer) here, through the same org1 methods as the console and the scenario steps;
 * /users/me answers for the session.
 */
export function org1ApiRouter(org: Org1ApiOrg): RequestHandler[] {
  const { ids, clock } = org.options;
  const api = { tokens: org.apiTokens, ids, clock, baseUrl: () => org.url, log: org.log };
  return [
    lazyRoutes('/logs', () => createLogsRouter(api)),
    ...createOrgApi({
      ...api,
      directory: org.directory,
      sessionUser: (req) => org.sessions.user(req),
      users: org.users,
      appUsers: org.appUsers,
      groups: org.groups,
      groupAdmin: org.groupAdmin,
      apps: () => [
        {
          id: org.app.id,
          name: 'okta_org2org',
          label: org.app.label,
          status: 'ACTIVE',
          signOnMode: 'SAML_2_0',
        },
      ],
      assign: async (_appId, userId, userName) => {
        await org.assign(userId, userName);
      },
      unassign: async (_appId, userId) => {
        await org.unassign(userId);
      },
      externalId: (_appId, userId) => org.connector.links.get(userId),
      appGroups: {
        assign: (_appId, groupId, changes) => assignGroup(org, groupId, changes).assignment,
        unassign: (_appId, groupId) => void unassignGroup(org, groupId),
        store: org.appUsers.groups,
        groupJson: (groupId) => serializeGroup(org.groups.get(groupId), org.url),
      },
    }),
  ];
}
