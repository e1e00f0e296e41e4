import { apiTokensSection, type TokensOrg } from '../../console/api-tokens.js';
import type { ConsoleSection } from '../../console/console.js';
import { groupsSection } from '../../console/groups.js';
import { peopleSection } from '../../console/people.js';
import { systemLogSection } from '../../console/system-log.js';
import type { GroupAdmin } from '../../group-admin.js';
import type { UserAdmin } from '../../user-admin.js';
import { appsSection } from './app-section.js';
import type { AppsOrg } from './console-app.js';
import { type IdpConsoleOrg, idpsSection } from './idp-section.js';
import { type SamlAppsOrg, samlConsoleApps } from './saml-console-app.js';
import { tasksSection } from './tasks-section.js';

/** What org2's console sections need of it (structural: org2.ts passes itself). */
export type Org2ConsoleOrg = IdpConsoleOrg &
  TokensOrg &
  SamlAppsOrg &
  Omit<AppsOrg, 'apps'> & {
    readonly users: UserAdmin;
    readonly groupAdmin: GroupAdmin;
  };

/**
 * org2's Admin Console: the shared People, Groups, API tokens and System Log pages, and its own
 * Applications (Dropbox Business and any AIW app), Identity Providers and Provisioning tasks.
 * People and Groups change org2 through the org's own UserAdmin / GroupAdmin, the ones its Users
 * and Groups APIs use (org2 has no follow-up of its own: the directory's change listener pushes
 * to Dropbox either way).
 */
export function org2ConsoleSections(org: Org2ConsoleOrg): ConsoleSection[] {
  const apps: AppsOrg = {
    directory: org.directory,
    groups: org.groups,
    log: org.log,
    apps: () => samlConsoleApps(org),
  };
  const appsOf = (userId: string) =>
    apps.apps().flatMap((app) => {
      const appUser = app.appUsers().find((au) => au.userId === userId);
      return appUser ? [{ label: app.label, status: appUser.status }] : [];
    });
  return [
    peopleSection({ users: org.users, groups: org.groups, appsOf }),
    groupsSection({ directory: org.directory, groupAdmin: org.groupAdmin }),
    appsSection(apps),
    idpsSection(org),
    apiTokensSection(org),
    systemLogSection(org),
    tasksSection(apps),
  ];
}
