import type { FedsimError } from '../../core/errors.js';
import { escapeHtml as e } from '../../core/html.js';
import { CHOICES_MAX, pageOf, pagerNav } from '../../core/paging.js';
import type { TeamGroup } from '../groups.js';
import type { Member } from '../team.js';

/** A form's refusal next to its field, with the stable code (Dropbox's console shows it inline). */
export function fieldError(id: string, err: FedsimError | undefined): { attrs: string; html: string } {
  if (!err) return { attrs: '', html: '' };
  return {
    attrs: ` aria-invalid="true" aria-describedby="${id}-error"`,
    html:
      `<p class="field-error" id="${id}-error" role="alert" data-error-code="${e(err.code)}">` +
      `<code>${e(err.code)}</code> ${e(err.message)}</p>`,
  };
}

export function groupsBody(
  groups: readonly TeamGroup[],
  refused?: { error: FedsimError; name: string },
): string {
  const rows = groups
    .map(
      (g) =>
        `<tr><td><a href="/admin/groups/${e(encodeURIComponent(g.id))}">${e(g.name)}</a></td><td>${g.members.size}</td></tr>`,
    )
    .join('');
  const empty = '<tr><td colspan="2" class="muted">No groups yet: create one below.</td></tr>';
  const shown = fieldError('group-name', refused?.error);
  return (
    '<p>Groups let you share folders with many members at once. Add team members to a group here.</p>' +
    '<table><caption class="muted">Team groups</caption><thead><tr><th scope="col">Group</th><th scope="col">Members</th></tr></thead>' +
    `<tbody>${rows || empty}</tbody></table>` +
    '<div class="card" style="margin-top:16px"><h2>Create group</h2><form method="POST" action="/admin/groups">' +
    `<label for="group-name">Group name</label><input type="text" id="group-name" name="name" value="${e(refused?.name ?? '')}"${shown.attrs}>${shown.html}` +
    '<p><button type="submit">Create group</button></p></form></div>'
  );
}

/**
 * Who can be added: a select of the `outside` members not in the group, or a text field when
 * there are too many to choose from (then the team is not read member by member).
 */
function memberChoice(
  group: TeamGroup,
  team: GroupTeam,
  outside: number,
  refused?: { error: FedsimError; member: string },
): string {
  const shown = fieldError('member', refused?.error);
  if (outside > CHOICES_MAX) {
    return (
      `<label for="member">Team member (email; ${outside} not in this group)</label>` +
      `<input type="text" id="member" name="member" value="${e(refused?.member ?? '')}"${shown.attrs}>${shown.html}`
    );
  }
  const options = team
    .all()
    .filter((m) => !group.members.has(m.id))
    .map(
      (m) =>
        `<option value="${e(m.id)}"${refused?.member === m.id ? ' selected' : ''}>${e(`${m.displayName} (${m.email})`)}</option>`,
    )
    .join('');
  return `<label for="member">Team member</label><select id="member" name="member"${shown.attrs}>${options}</select>${shown.html}`;
}

/** What a group's page reads of the team. */
export interface GroupTeam {
  find(id: string): Member | undefined;
  count(): number;
  all(): Member[];
}

export function groupBody(
  group: TeamGroup,
  team: GroupTeam,
  requestedPage: unknown,
  refused?: { error: FedsimError; member: string },
): string {
  const base = `/admin/groups/${encodeURIComponent(group.id)}`;
  const inGroup = pageOf([...group.members], requestedPage);
  const rows = inGroup.rows
    .flatMap((id) => team.find(id) ?? [])
    .map(
      (m) =>
        `<tr><td>${e(m.displayName)}</td><td>${e(m.email)}</td><td><span class="state ${e(m.state)}">${e(m.state)}</span></td>` +
        `<td><form method="POST" action="${e(base)}/members/${e(encodeURIComponent(m.id))}/remove">` +
        `<button class="link" type="submit" aria-label="Remove ${e(m.email)} from ${e(group.name)}">Remove</button></form></td></tr>`,
    )
    .join('');
  const empty = '<tr><td colspan="4" class="muted">No members in this group yet.</td></tr>';
  const outside = team.count() - group.members.size;
  const add = outside
    ? `<form method="POST" action="${e(base)}/members">${memberChoice(group, team, outside, refused)}<p><button type="submit">Add to group</button></p></form>`
    : '<p class="muted">Every team member is in this group. Members come from your identity provider’s provisioning.</p>';
  return (
    '<p><a href="/admin/groups">Back to Groups</a></p>' +
    `<table><caption class="muted">Members of ${e(group.name)}</caption><thead><tr><th scope="col">Name</th><th scope="col">Email</th>` +
    `<th scope="col">State</th><th scope="col"></th></tr></thead><tbody>${rows || empty}</tbody></table>` +
    pagerNav(base, inGroup) +
    `<div class="card" style="margin-top:16px"><h2>Add members</h2>${add}</div>`
  );
}
