import { apiTokensSection, type TokensOrg } from '../../console/api-tokens.js';
import type { ConsoleSection } from '../../console/console.js';
import { type GroupsOrg, groupsSection } from '../../console/groups.js';
import { type PeopleOrg, peopleSection } from '../../console/people.js';
import { systemLogSection } from '../../console/system-log.js';
import type { SystemLog } from '../../syslog/log-store.js';
import { type Org2OrgConsoleOrg, org2orgSection } from './org2org.js';
import { type TasksOrg, tasksSection } from './tasks.js';

/** Everything org1's console uses of org1 (org1.ts passes itself). */
export interface Org1ConsoleOrg extends PeopleOrg, GroupsOrg, Org2OrgConsoleOrg, TasksOrg, TokensOrg {
  readonly log: SystemLog;
}

/** org1's Admin Console: the shared Directory and Security sections, Org2Org, its tasks and the System Log. */
export function org1Sections(org: Org1ConsoleOrg): ConsoleSection[] {
  return [
    peopleSection(org),
    groupsSection(org),
    org2orgSection(org),
    apiTokensSection(org),
    systemLogSection(org),
    tasksSection(org),
  ];
}
