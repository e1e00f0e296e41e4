import { Router } from 'express';
import { z } from 'zod';
import type { Directory } from '../directory.js';
import type { Groups, OktaGroup } from '../groups.js';
import { logGroupChange } from '../syslog/admin-events.js';
import type { SystemLog } from '../syslog/log-store.js';
import { apiAuth, apiFront, type OktaApiOptions, parseBody } from './common.js';
import { oktaErrorHandler } from './errors.js';
import { afterCursor, pageOf, queryParam } from './query.js';
import { serializeUser } from './serialize.js';

export interface GroupsApiOptions extends OktaApiOptions {
  directory: Directory;
  /** The org's group store, shared with whatever else acts on groups (JIT, group push). */
  groups: Groups;
  /** The org's System Log: each change is an admin event. */
  log?: SystemLog;
}

/** A group as Okta's Groups API returns it. */
export interface OktaGroupJson {
  id: string;
  created: string;
  lastUpdated: string;
  lastMembershipUpdated: string;
  objectClass: string[];
  type: 'OKTA_GROUP';
  profile: { name: string; description: string };
  _links: { users: { href: string }; apps: { href: string } };
}

const createGroupSchema = z.object({
  profile: z.object({ name: z.string(), description: z.string().optional() }),
});

export function serializeGroup(group: OktaGroup, baseUrl: string): OktaGroupJson {
  const self = `${baseUrl}/api/v1/groups/${group.id}`;
  return {
    id: group.id,
    created: group.created.toISOString(),
    lastUpdated: group.lastUpdated.toISOString(),
    lastMembershipUpdated: group.lastMembershipUpdated.toISOString(),
    objectClass: ['okta:user_group'],
    type: 'OKTA_GROUP',
    profile: { ...group.profile },
    _links: { users: { href: `${self}/users` }, apps: { href: `${self}/apps` } },
  };
}

/** `q`: a case-insensitive prefix of the group's name, as Okta matches it. */
function nameStartsWith(q: string | undefined): (group: OktaGroup) => boolean {
  const prefix = q?.toLowerCase();
  return (group) => prefix === undefined || group.profile.name.toLowerCase().startsWith(prefix);
}

/** org2's `/api/v1/groups`: create, find, list, replace, delete, and membership; the caller mounts it at `/api/v1`. */
export function createGroupsRouter(options: GroupsApiOptions): Router {
  const { directory, groups, ids } = options;
  const typeId = options.userTypeId ?? ids.okta('oty');
  const router = Router();
  router.use('/groups', apiFront('groups', options), apiAuth(options));

  router.post('/groups', (req, res) => {
    const { profile } = parseBody(createGroupSchema, req.body);
    const group = groups.create(profile);
    logGroupChange(options.log, 'create', group);
    res.json(serializeGroup(group, options.baseUrl()));
  });

  router.get('/groups', (req, res) => {
    const all = afterCursor(groups.all(), queryParam(req, 'after'), 'group');
    const origin = options.baseUrl();
    const { page, links } = pageOf(req, all.filter(nameStartsWith(queryParam(req, 'q'))), origin);
    res.setHeader('Link', links);
    res.json(page.map((g) => serializeGroup(g, origin)));
  });

  router.get('/groups/:groupId', (req, res) => {
    res.json(serializeGroup(groups.get(req.params.groupId), options.baseUrl()));
  });

  // replaceGroup: the whole profile (a description left out is cleared).
  router.put('/groups/:groupId', (req, res) => {
    const { profile } = parseBody(createGroupSchema, req.body);
    const group = groups.rename(req.params.groupId, profile);
    logGroupChange(options.log, 'update', group);
    res.json(serializeGroup(group, options.baseUrl()));
  });

  router.delete('/groups/:groupId', (req, res) => {
    const group = groups.get(req.params.groupId);
    groups.delete(group.id);
    logGroupChange(options.log, 'delete', group);
    res.status(204).end();
  });

  router.get('/groups/:groupId/users', (req, res) => {
    const group = groups.get(req.params.groupId);
    // A member deleted from the directory since is no longer listed, as in Okta.
    const members = [...group.members].flatMap((id) => directory.find(id) ?? []);
    const origin = options.baseUrl();
    res.json(members.map((u) => serializeUser(u, { baseUrl: origin, typeId })));
  });

  router.put('/groups/:groupId/users/:userId', (req, res) => {
    const group = groups.get(req.params.groupId);
    const user = directory.get(req.params.userId);
    // Adding a member twice is a no-op, and logs nothing the second time (inferred).
    if (!group.members.has(user.id))
      logGroupChange(options.log, 'add', groups.addMember(group.id, user.id), user);
    res.status(204).end();
  });

  router.delete('/groups/:groupId/users/:userId', (req, res) => {
    const group = groups.get(req.params.groupId);
    const user = directory.get(req.params.userId);
    if (group.members.has(user.id))
      logGroupChange(options.log, 'remove', groups.removeMember(group.id, user.id), user);
    res.status(204).end();
  });

  router.use('/groups', oktaErrorHandler(ids));
  return router;
}
