import { Router } from 'express';
import { z } from 'zod';
import type { Directory } from '../directory.js';
import { GroupAdmin } from '../group-admin.js';
import type { Groups, OktaGroup } from '../groups.js';
import type { SystemLog } from '../syslog/log-store.js';
import { apiAuth, apiFront, type OktaApiOptions, parseBody } from './common.js';
import { oktaErrorHandler } from './errors.js';
import { afterCursor, cursorPage, type PageRules, queryParam } from './query.js';
import { serializeUser } from './serialize.js';

export interface GroupsApiOptions extends OktaApiOptions {
  directory: Directory;
  /** The org's group store, shared with whatever else acts on groups (JIT, group push). */
  groups: Groups;
  /** The org's System Log: each change is an admin event. */
  log?: SystemLog;
  /** How the org changes its groups (org1 pushes its pushed groups after); default: groups and log. */
  groupAdmin?: GroupAdmin;
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

/**
 * listGroupUsers (management OpenAPI spec): 1,000 members a page unless `limit` says, the `after`
 * cursor in a `Link: rel="next"` while more remain. The spec gives no maximum; 10,000, listGroups'
 * own, is inferred (docs/decisions/api-list-paging.md).
 */
const GROUP_MEMBER_PAGES: PageRules = { defaultLimit: 1000, maxLimit: 10_000, next: true, kept: [] };

/** org2's `/api/v1/groups`: create, find, list, replace, delete, and membership; the caller mounts it at `/api/v1`. */
export function createGroupsRouter(options: GroupsApiOptions): Router {
  const { directory, groups, ids } = options;
  const admin = options.groupAdmin ?? new GroupAdmin(groups, options.log);
  const typeId = options.userTypeId ?? ids.okta('oty');
  const router = Router();
  router.use('/groups', apiFront('groups', options), apiAuth(options));

  router.post('/groups', async (req, res) => {
    const { profile } = parseBody(createGroupSchema, req.body);
    const { group } = await admin.create(profile);
    res.json(serializeGroup(group, options.baseUrl()));
  });

  router.get('/groups', (req, res) => {
    const all = afterCursor(groups.all(), queryParam(req, 'after'), 'group');
    const origin = options.baseUrl();
    const { page, links } = cursorPage(req, all.filter(nameStartsWith(queryParam(req, 'q'))), origin);
    res.setHeader('Link', links);
    res.json(page.map((g) => serializeGroup(g, origin)));
  });

  router.get('/groups/:groupId', (req, res) => {
    res.json(serializeGroup(groups.get(req.params.groupId), options.baseUrl()));
  });

  // replaceGroup: the whole profile (a description left out is cleared).
  router.put('/groups/:groupId', async (req, res) => {
    const { profile } = parseBody(createGroupSchema, req.body);
    const { group } = await admin.rename(req.params.groupId, profile);
    res.json(serializeGroup(group, options.baseUrl()));
  });

  router.delete('/groups/:groupId', async (req, res) => {
    await admin.delete(req.params.groupId);
    res.status(204).end();
  });

  router.get('/groups/:groupId/users', (req, res) => {
    const group = groups.get(req.params.groupId);
    const ids = afterCursor([...group.members], queryParam(req, 'after'), 'group member', (id) => id);
    const origin = options.baseUrl();
    const { page, links } = cursorPage(req, ids, origin, GROUP_MEMBER_PAGES, (id) => id);
    res.setHeader('Link', links);
    // A member deleted from the directory since is no longer listed, as in Okta.
    const members = page.flatMap((id) => directory.find(id) ?? []);
    res.json(members.map((u) => serializeUser(u, { baseUrl: origin, typeId })));
  });

  router.put('/groups/:groupId/users/:userId', async (req, res) => {
    const group = groups.get(req.params.groupId);
    await admin.addMember(group.id, directory.get(req.params.userId));
    res.status(204).end();
  });

  router.delete('/groups/:groupId/users/:userId', async (req, res) => {
    const group = groups.get(req.params.groupId);
    await admin.removeMember(group.id, directory.get(req.params.userId));
    res.status(204).end();
  });

  router.use('/groups', oktaErrorHandler(ids));
  return router;
}
