import type { Router } from 'express';
import { escapeHtml } from '../../../core/html.js';
import { CHOICES_MAX, pageOf, pagerNav } from '../../../core/paging.js';
import type { AppUser } from '../../api/app-users.js';
import type { ConsoleView } from '../../console/console.js';
import { field, peopleCount, postButton, select, statusBadge, table, when } from '../../console/html.js';
import type { OktaUser } from '../../directory.js';
import type { OktaGroup } from '../../groups.js';
import { convertToGroup } from '../app-user-unassign.js';
import { unassignGroup } from '../assignment-follows.js';
import { assignGroup, grantingGroup } from '../group-assignment.js';
import { APP_BASE, type Org2OrgConsoleOrg, sendTab } from './app-tab.js';

/**
 * The people who can be assigned (not assigned, not deactivated): counted from the assignments and
 * the index's statuses, and listed only when few enough to choose from, newest first until all are
 * found (those not yet assigned are mostly the newest: the admin, people just added). Listing
 * them all for the count took ~45 ms a page at 100,000 users.
 */
function unassignedPeople(
  org: Org2OrgConsoleOrg,
  assigned: readonly AppUser[],
): { count: number; choices?: [string, string][] } {
  const { directory, appUsers, app } = org;
  const { index } = directory;
  const held = assigned.filter((au) => {
    const user = index.user(au.userId);
    return user !== undefined && user.status !== 'DEPROVISIONED';
  }).length;
  const count = index.size - index.countWithStatus('DEPROVISIONED') - held;
  if (count > CHOICES_MAX) return { count };
  const free = (u: OktaUser) => !appUsers.find(app.id, u.id) && u.status !== 'DEPROVISIONED';
  const choices = index
    .pick(free, { wanted: count, newestFirst: true })
    .reverse()
    .map((u): [string, string] => [
      u.profile.login,
      `${u.profile.firstName} ${u.profile.lastName} (${u.profile.login})`,
    ]);
  return { count, choices };
}

/** The person to assign: a list to choose from, or (too many to list) their username typed. */
function personInput({ count, choices }: { count: number; choices?: [string, string][] }): string {
  if (!choices) return field(`Person (username; ${count} not assigned)`, 'login');
  return select('Person', 'login', [['', 'Choose a person…'], ...choices], '');
}

/** The groups assigned, each with an Unassign button: their members who have the app only through it lose it. */
function assignedGroups(org: Org2OrgConsoleOrg): string {
  const rows = org.appUsers.groups.of(org.app.id).flatMap((ag) => {
    const group = org.groups.find(ag.groupId);
    if (!group) return [];
    const name = escapeHtml(group.profile.name);
    const unassign = postButton(
      `${APP_BASE}/assignments/unassign-group`,
      'Unassign',
      { groupId: group.id },
      'secondary',
    ).replace('<button ', `<button aria-label="Unassign group ${name}" `);
    return [[name, String(group.members.size), String(ag.priority), unassign]];
  });
  if (!rows.length) return '';
  return table('Assigned groups', ['Group', 'Members', 'Priority', ''], rows);
}

/** A button of one person's row, named for screen readers by what it does to whom. */
function personButton(action: 'unassign' | 'convert', label: string, user: OktaUser): string {
  return postButton(`${APP_BASE}/assignments/${action}`, label, { userId: user.id }, 'secondary').replace(
    '<button ',
    `<button aria-label="${label} ${escapeHtml(user.profile.login)}" `,
  );
}

/** How the person has the app: individually, through a group, or both (the group named). */
function assignedVia(au: AppUser, group: OktaGroup | undefined): string {
  if (!group) return au.scope === 'GROUP' ? 'Group' : 'Individual';
  const name = escapeHtml(group.profile.name);
  return au.scope === 'GROUP' ? `Group: ${name}` : `Individual, also ${name}`;
}

/**
 * What an admin may do with one assignment. Okta refuses to unassign a person an assigned group
 * holds (E0000046), so no Unassign is offered then: a group-scoped person leaves with the group;
 * an individually assigned one may be converted to the group's assignment (Okta's "Convert Assignments").
 */
function personAction(au: AppUser, user: OktaUser, group: OktaGroup | undefined): string {
  if (!group) return personButton('unassign', 'Unassign', user);
  return au.scope === 'GROUP' ? '' : personButton('convert', 'Convert to group', user);
}

const GROUP_HELD_NOTE =
  '<p class="muted">A person an assigned group holds cannot be unassigned alone (Okta refuses it): remove them from the group, or unassign the group. <em>Convert to group</em> makes an individual assignment the group’s, so it ends when they leave the group.</p>';

function page(org: Org2OrgConsoleOrg, requestedPage: unknown): string {
  const { app, directory, appUsers } = org;
  const everyone = appUsers.list(app.id);
  const assigned = pageOf(everyone, requestedPage);
  let groupHeld = false;
  const rows = assigned.rows.flatMap((au) => {
    const user = directory.find(au.userId);
    if (!user) return [];
    const group = grantingGroup(org, user.id);
    groupHeld ||= group !== undefined;
    return [
      [
        `<a href="/admin/people/${escapeHtml(user.id)}">${escapeHtml(user.profile.login)}</a>`,
        escapeHtml(au.userName),
        assignedVia(au, group),
        statusBadge(au.status),
        escapeHtml(au.syncState),
        when(au.lastSync),
        personAction(au, user, group),
      ],
    ];
  });
  const unassigned = unassignedPeople(org, everyone);
  const assignPeople = unassigned.count
    ? `<form class="filters" method="POST" action="${APP_BASE}/assignments/assign"><div>${personInput(unassigned)}</div>` +
      `<div>${field('Application username (empty: the username format)', 'userName')}</div><div><button type="submit">Assign</button></div></form>`
    : '<p class="muted">Everyone is assigned.</p>';
  const groups = org.groups
    .all()
    .map((g): [string, string] => [g.id, `${g.profile.name} (${g.members.size})`]);
  const assignGroup = groups.length
    ? `<form class="filters" method="POST" action="${APP_BASE}/assignments/assign-group"><div>${select('Group', 'groupId', groups, '')}</div>` +
      `<div><button type="submit">Assign members</button></div></form>`
    : '<p class="muted">org1 has no groups yet: add one under Directory › Groups.</p>';
  return (
    `<section class="panel"><h2>Assign to people</h2>${assignPeople}</section>` +
    `<section class="panel"><h2>Assign to groups</h2><p class="muted">Assigns each member of the group, now and as people join; those who leave lose the app unless assigned to it directly. Pushes to org2 run after, within org2's rate limit (Workflow › Provisioning tasks shows them).</p>${assignGroup}${assignedGroups(org)}</section>` +
    `<h2>Assigned people</h2><p class="muted">${peopleCount(assigned.total)} assigned</p>` +
    `${groupHeld ? GROUP_HELD_NOTE : ''}${table('Assigned people', ['Person', 'Application username', 'Assigned', 'Status', 'Sync state', 'Last sync', ''], rows)}` +
    pagerNav(`${APP_BASE}/assignments`, assigned)
  );
}

/**
 * The Assignments tab: each assignment is org1's own `assign` (the Apps API's `POST
 * /api/v1/apps/{id}/users`): the app user, then Org2Org's push to org2; unassigning deactivates.
 */
export function assignmentRoutes(router: Router, view: ConsoleView, org: Org2OrgConsoleOrg): void {
  const done = (key: string) => `${APP_BASE}/assignments?done=${key}`;
  router.get('/assignments', (req, res) =>
    sendTab(view, req, res, org.app, 'assignments', page(org, req.query.page)),
  );
  router.post('/assignments/assign', async (req, res) => {
    const user = org.directory.get(String(req.body?.login ?? ''));
    const userName = String(req.body?.userName ?? '').trim();
    await org.assign(user.id, userName || undefined);
    res.redirect(303, done('assign'));
  });
  router.post('/assignments/unassign', async (req, res) => {
    await org.unassign(org.directory.get(String(req.body?.userId ?? '')).id);
    res.redirect(303, done('unassign'));
  });
  router.post('/assignments/convert', (req, res) => {
    convertToGroup(org, String(req.body?.userId ?? ''));
    res.redirect(303, done('convert'));
  });
  // Okta answers a group assignment at once and provisions after: a group of 10,000 would
  // otherwise hold the page for as long as org2's rate limit makes the pushes take.
  router.post('/assignments/assign-group', (req, res) => {
    assignGroup(org, String(req.body?.groupId ?? ''));
    res.redirect(303, done('group'));
  });
  router.post('/assignments/unassign-group', (req, res) => {
    unassignGroup(org, String(req.body?.groupId ?? ''));
    res.redirect(303, done('ungroup'));
  });
}
