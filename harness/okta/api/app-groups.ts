import type { Router } from 'express';
import { z } from 'zod';
import { notFound } from '../errors.js';
import type { AppGroup, AppGroupAssignments, AppGroupChanges } from './app-group-assignments.js';
import { groupAssignmentFields, patchedGroup } from './app-group-patch.js';
import { parseBody } from './common.js';
import type { OktaGroupJson } from './groups.js';
import { afterCursor, cursorPage, queryParam } from './query.js';

/** How an org assigns groups to its apps; provisioning for the members runs after the answer. */
export interface AppGroupAssigner {
  /** The members become app users (scope GROUP). Returns what was recorded. */
  assign(appId: string, groupId: string, changes: AppGroupChanges): AppGroup;
  /** Members who had the app only through the group lose it. */
  unassign(appId: string, groupId: string): void;
  /** Where the assignments are kept: read, and updated (priority, profile: nothing to provision). */
  store: AppGroupAssignments;
  /** The group as the Groups API shows it, for `expand=group`. */
  groupJson(groupId: string): OktaGroupJson;
}

// okta-management OpenAPI spec, assignGroupToApplication: PUT /api/v1/apps/{appId}/groups/{groupId},
// an optional ApplicationGroupAssignment body (priority 0–100, profile), 200 with the assignment.
const groupAssignmentSchema = z.object({
  priority: groupAssignmentFields.priority.optional(),
  profile: groupAssignmentFields.profile.optional(),
});

/** An optional body: none (or empty) is an empty object for PUT, an empty patch for PATCH. */
const bodyOr = (body: unknown, empty: unknown) => (body === undefined || body === '' ? empty : body);

/** The spec's ApplicationGroupAssignment; `_embedded.group` with `expand=group` (getApplicationGroupAssignment). */
function serializeAppGroup(group: AppGroup, baseUrl: string, embedded?: OktaGroupJson) {
  const app = `${baseUrl}/api/v1/apps/${group.appId}`;
  return {
    id: group.groupId,
    priority: group.priority,
    lastUpdated: group.lastUpdated.toISOString(),
    profile: { ...group.profile },
    _links: {
      app: { href: app },
      self: { href: `${app}/groups/${group.groupId}` },
      group: { href: `${baseUrl}/api/v1/groups/${group.groupId}` },
    },
    ...(embedded ? { _embedded: { group: embedded } } : {}),
  };
}

/**
 * `/apps/{appId}/groups` on an apps router whose org assigns groups (okta-management OpenAPI spec,
 * ApplicationGroups): list (paged by `after`/`limit`, `Link` headers as the other lists), retrieve
 * (GET, `expand=group`), assign (PUT), update (PATCH, a JSON Patch of priority and profile),
 * unassign (DELETE, 204 No Content). An unknown app, group or assignment is 404 E0000007.
 */
export function appGroupRoutes(
  router: Router,
  deps: { appOf: (appId: string) => { id: string }; groups: AppGroupAssigner; baseUrl: () => string },
): void {
  const { groups } = deps;
  const assignmentOf = (appId: string, groupId: string): AppGroup => {
    const found = groups.store.find(deps.appOf(appId).id, groupId);
    if (!found) throw notFound(groupId, 'ApplicationGroupAssignment');
    return found;
  };

  router.get('/apps/:appId/groups', (req, res) => {
    const app = deps.appOf(req.params.appId);
    const all = groups.store.of(app.id).map((g) => ({ ...g, id: g.groupId }));
    const origin = deps.baseUrl();
    const { page, links } = cursorPage(req, afterCursor(all, queryParam(req, 'after'), 'group'), origin);
    res.setHeader('Link', links);
    res.json(page.map((g) => serializeAppGroup(g, origin)));
  });

  router.get('/apps/:appId/groups/:groupId', (req, res) => {
    const assignment = assignmentOf(req.params.appId, req.params.groupId);
    const embedded = queryParam(req, 'expand') === 'group' ? groups.groupJson(assignment.groupId) : undefined;
    res.json(serializeAppGroup(assignment, deps.baseUrl(), embedded));
  });

  router.put('/apps/:appId/groups/:groupId', (req, res) => {
    const app = deps.appOf(req.params.appId);
    const changes = parseBody(groupAssignmentSchema, bodyOr(req.body, {}));
    res.json(serializeAppGroup(groups.assign(app.id, req.params.groupId, changes), deps.baseUrl()));
  });

  router.patch('/apps/:appId/groups/:groupId', (req, res) => {
    const assignment = assignmentOf(req.params.appId, req.params.groupId);
    const changes = patchedGroup(assignment, bodyOr(req.body, []));
    res.json(serializeAppGroup(groups.store.update(assignment, changes), deps.baseUrl()));
  });

  router.delete('/apps/:appId/groups/:groupId', (req, res) => {
    const app = deps.appOf(req.params.appId);
    groups.unassign(app.id, req.params.groupId);
    res.status(204).end();
  });
}
