import type { ConsoleSection } from '../../console/console.js';
import { appsSection } from './app-section.js';
import type { AppsOrg } from './console-app.js';
import { type DropboxAppOrg, dropboxConsoleApp } from './dropbox-console-app.js';
import { type IdpConsoleOrg, idpsSection } from './idp-section.js';
import { tasksSection } from './tasks-section.js';

/** What org2's own console sections need of it (structural: org2.ts passes itself). */
export type Org2ConsoleOrg = IdpConsoleOrg & DropboxAppOrg & Omit<AppsOrg, 'apps'>;

/** org2's own Admin Console sections: Applications (Dropbox), Identity Providers, Provisioning tasks. */
export function org2ConsoleSections(org: Org2ConsoleOrg): ConsoleSection[] {
  const dropbox = dropboxConsoleApp(org);
  const apps: AppsOrg = { directory: org.directory, groups: org.groups, log: org.log, apps: () => [dropbox] };
  return [appsSection(apps), idpsSection(org), tasksSection(apps)];
}
