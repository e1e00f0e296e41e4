import type { Request, Response } from 'express';
import type { ConsoleView } from '../../console/console.js';
import { doneNotice, statusBadge, tabs } from '../../console/html.js';
import type { AppCertificates } from '../app-certificates.js';
import type { GroupAssignmentOrg } from '../group-assignment.js';
import type { Org2OrgApp } from '../org2org-app.js';

/** What the Org2Org app's console pages use of org1 (org1.ts passes itself). */
export interface Org2OrgConsoleOrg extends GroupAssignmentOrg {
  readonly url: string;
  readonly certificates: AppCertificates;
  /** The same assignment as `POST /api/v1/apps/{id}/users`: the app user, then the push to org2. */
  assign(login: string, userName?: string): Promise<unknown>;
  unassign(login: string): Promise<unknown>;
  /** Calls org2's API with the app's token; rejects with org2's answer. */
  testApiCredentials(): Promise<void>;
}

export const APP_BASE = '/admin/apps/org2org';
export const APP_TABS = [
  [`${APP_BASE}/general`, 'General'],
  [`${APP_BASE}/sign-on`, 'Sign On'],
  [`${APP_BASE}/provisioning`, 'Provisioning'],
  [`${APP_BASE}/assignments`, 'Assignments'],
] as const;

/** Sentences after each change (`?done=`), shared by the tabs. */
export const APP_DONE: Readonly<Record<string, string>> = {
  label: 'The label was saved.',
  format: 'The username format was saved; it applies to new assignments and profile changes.',
  generate: 'A new certificate was generated; it signs nothing until you activate it.',
  activate: 'The certificate is now active: responses are signed with it and the metadata publishes it.',
  token: 'The API token was saved.',
  tested: 'Org2Org was verified successfully: org2 accepted the API token.',
  toggles: 'The To App settings were saved.',
  pushed: 'The group push ran; see Provisioning tasks for its result.',
  assign: 'The assignment was saved and pushed to org2.',
  unassign: 'The user was unassigned; Org2Org deactivates them in org2.',
  convert: "The assignment was converted to the group's: the person keeps the app while the group gives it.",
  group: "The group's members were assigned; their pushes to org2 are under Workflow › Provisioning tasks.",
  ungroup: 'The group was unassigned; members without another assignment are deactivated in org2.',
};

/** Sends one tab of the app's page: the app's header, the tabs, the tab's body. */
export function sendTab(
  view: ConsoleView,
  req: Request,
  res: Response,
  app: Org2OrgApp,
  tab: string,
  body: string,
): void {
  view.send(req, res, {
    title: app.label,
    notice: doneNotice(req, APP_DONE),
    body: `<p class="muted">Okta Org2Org · SAML 2.0 · ${statusBadge('ACTIVE')}</p>${tabs(APP_TABS, `${APP_BASE}/${tab}`)}${body}`,
  });
}
