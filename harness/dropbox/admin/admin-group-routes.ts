import type { Router } from 'express';
import { toFedsimError } from '../../core/errors.js';
import type { TeamGroups } from '../groups.js';
import type { Team } from '../team.js';
import { groupBody, groupsBody } from './admin-groups.js';
import type { AdminSend } from './admin-pages.js';

const DONE: Readonly<Record<string, string>> = {
  create: 'The group was created.',
  add: 'The member was added to the group.',
  remove: 'The member was removed from the group.',
};

const noticeOf = (done: unknown) =>
  typeof done === 'string' && Object.hasOwn(DONE, done) ? DONE[done] : undefined;

/**
 * Groups in Dropbox's admin console: create a group, add team members to it, remove them. A
 * refused form is shown again with what was chosen and the refusal (its code) next to the field.
 */
export function groupRoutes(
  router: Router,
  org: { readonly groups: TeamGroups; readonly team: Team },
  send: AdminSend,
): void {
  const list = '/admin/groups';
  router.get(list, (req, res) =>
    send(req, res, {
      path: list,
      title: 'Groups',
      body: groupsBody(org.groups.all()),
      notice: noticeOf(req.query.done),
    }),
  );
  router.post(list, (req, res) => {
    const name = String(req.body?.name ?? '');
    try {
      const group = org.groups.create(name);
      res.redirect(303, `${list}/${encodeURIComponent(group.id)}?done=create`);
    } catch (raw) {
      const error = toFedsimError(raw);
      send(req, res, {
        path: list,
        title: 'Groups',
        body: groupsBody(org.groups.all(), { error, name }),
        error,
      });
    }
  });
  router.get(`${list}/:id`, (req, res) => {
    const group = org.groups.get(req.params.id);
    const body = groupBody(group, org.team, req.query.page);
    send(req, res, { path: list, title: group.name, body, notice: noticeOf(req.query.done) });
  });
  router.post(`${list}/:id/members`, (req, res) => {
    const group = org.groups.get(req.params.id);
    const member = String(req.body?.member ?? '');
    try {
      org.groups.addMember(group.id, member);
      res.redirect(303, `${list}/${encodeURIComponent(group.id)}?done=add`);
    } catch (raw) {
      const error = toFedsimError(raw);
      const body = groupBody(group, org.team, undefined, { error, member });
      send(req, res, { path: list, title: group.name, body, error });
    }
  });
  router.post(`${list}/:id/members/:memberId/remove`, (req, res) => {
    const group = org.groups.get(req.params.id);
    org.groups.removeMember(group.id, req.params.memberId);
    res.redirect(303, `${list}/${encodeURIComponent(group.id)}?done=remove`);
  });
}
