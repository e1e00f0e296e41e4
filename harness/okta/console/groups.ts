import type { Request } from 'express';
import { escapeHtml } from '../../core/html.js';
import { pageOf, pagerNav } from '../../core/paging.js';
import type { Directory } from '../directory.js';
import type { GroupAdmin } from '../group-admin.js';
import type { OktaGroup } from '../groups.js';
import type { ConsoleSection } from './console.js';
import { doneNotice, facts, field, peopleCount, postButton, statusBadge, table, when } from './html.js';

/** What Directory → Groups uses of an org. */
export interface GroupsOrg {
  readonly directory: Directory;
  /** The org's group changes: the same object its Groups API changes groups through. */
  readonly groupAdmin: GroupAdmin;
}

const DONE: Readonly<Record<string, string>> = {
  create: 'The group was created.',
  add: 'The person was added to the group.',
  remove: 'The person was removed from the group.',
};

function listPage(org: GroupsOrg, req: Request): string {
  const list = pageOf(org.groupAdmin.groups.all(), req.query.page);
  const rows = list.rows.map((g) => [
    `<a href="/admin/groups/${escapeHtml(g.id)}">${escapeHtml(g.profile.name)}</a>`,
    escapeHtml(g.profile.description),
    String(g.members.size),
  ]);
  const create =
    `<form class="panel" method="POST" action="/admin/groups"><h2>Add group</h2>` +
    `${field('Name', 'name')}${field('Description', 'description')}<p><button type="submit">Add group</button></p></form>`;
  return table('Groups', ['Group', 'Description', 'People'], rows) + pagerNav('/admin/groups', list) + create;
}

function groupPage(org: GroupsOrg, group: OktaGroup, req: Request): string {
  const base = `/admin/groups/${group.id}`;
  const members = pageOf([...group.members], req.query.page);
  const rows = members.rows.flatMap((id) => {
    const user = org.directory.find(id);
    if (!user) return [];
    const label = `Remove ${user.profile.login}`;
    return [
      [
        `<a href="/admin/people/${escapeHtml(user.id)}">${escapeHtml(user.profile.login)}</a>`,
        statusBadge(user.status),
        postButton(`${base}/members/${user.id}/remove`, 'Remove', {}, 'secondary').replace(
          '<button ',
          `<button aria-label="${escapeHtml(label)}" `,
        ),
      ],
    ];
  });
  const add =
    `<form class="filters" method="POST" action="${escapeHtml(base)}/members">` +
    `<div>${field('Username of the person to add', 'login')}</div><div><button type="submit">Add member</button></div></form>`;
  return (
    `<p><a href="/admin/groups">Back to Groups</a></p><section class="panel">` +
    facts([
      ['Description', escapeHtml(group.profile.description) || '—'],
      ['Group id', `<code>${escapeHtml(group.id)}</code>`],
      ['Created', when(group.created)],
      ['Membership changed', when(group.lastMembershipUpdated)],
    ]) +
    `</section><h2>Members</h2>${add}<p class="muted">${peopleCount(members.total)}</p>` +
    `${table('Members', ['Person', 'Status', ''], rows)}${pagerNav(base, members)}`
  );
}

const groupOf = (org: GroupsOrg, req: Request<{ id: string }>) => org.groupAdmin.groups.get(req.params.id);

/** Directory → Groups: the org's groups, each group's members, adding and removing them. */
export function groupsSection(org: GroupsOrg): ConsoleSection {
  return {
    path: '/groups',
    label: 'Groups',
    group: 'Directory',
    routes(router, view) {
      router.get('/', (req, res) => view.send(req, res, { title: 'Groups', body: listPage(org, req) }));
      router.post('/', async (req, res) => {
        const body: Record<string, string> = req.body ?? {};
        const { group } = await org.groupAdmin.create({
          name: String(body.name ?? ''),
          description: String(body.description ?? ''),
        });
        res.redirect(303, `/admin/groups/${group.id}?done=create`);
      });
      router.get('/:id', (req, res) => {
        const group = groupOf(org, req);
        view.send(req, res, {
          title: group.profile.name,
          body: groupPage(org, group, req),
          notice: doneNotice(req, DONE),
        });
      });
      router.post('/:id/members', async (req, res) => {
        const group = groupOf(org, req);
        await org.groupAdmin.addMember(group.id, org.directory.get(String(req.body?.login ?? '')));
        res.redirect(303, `/admin/groups/${group.id}?done=add`);
      });
      router.post('/:id/members/:userId/remove', async (req, res) => {
        const group = groupOf(org, req);
        await org.groupAdmin.removeMember(group.id, org.directory.get(req.params.userId));
        res.redirect(303, `/admin/groups/${group.id}?done=remove`);
      });
    },
  };
}
