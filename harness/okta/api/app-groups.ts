import type { Router } from 'express';
import { z } from 'zod';
import type { AppGroup } from './app-users.js';
import { parseBody } from './common.js';
import { afterCursor, pageOf, queryParam } from './query.js';

/** How an org assigns groups to its apps; provisioning for the members runs after the answer. */
export interface AppGroupAssigner {
  /** The members become app users (scope GROUP). Returns what was recorded. */
  assign(appId: string, groupId: string, priority?: number): AppGroup;
  /** Members who had the app only through the group lose it. */
  unassign(appId: string, groupId: string): void;
  /** The groups assigned to the app, in assignment order. */
  list(appId: string): AppGroup[];
}

// okta-management OpenAPI spec, assignGroupToApplication: PUT /api/v1/apps/{appId}/groups/{groupId},
// an optional ApplicationGroupAssignment body (priority 0–100, profile), 200 with the assignment.
const groupAssignmentSchema = z.object({
  priority: z.number().int().min(0).max(100).optional(),
  profile: z.record(z.string(), z.unknown()).optional(),
});

function serializeAppGroup(group: AppGroup, baseUrl: string) {
  return {
    id: group.groupId,
    lastUpdated: group.lastUpdated.toISOString(),
    priority: group.priority,
    profile: {},
    _links: {
      app: { href: `${baseUrl}/api/v1/apps/${group.appId}` },
      group: { href: `${baseUrl}/api/v1/groups/${group.groupId}` },
    },
  };
}

/**
 * `/apps/{appId}/groups` on an apps router whose org assigns groups (okta-management OpenAPI spec,
 * ApplicationGroups): list (paged by `after`/`limit`, `Link` headers as the other lists), assign
 * (PUT), unassign (DELETE, 204 No Content). An unknown app, group or assignment is 404 E0000007.
 */
export function appGroupRoutes(
  router: Router,
  deps: { appOf: (appId: string) => { id: string }; groups: AppGroupAssigner; baseUrl: () => string },
): void {
  router.get('/apps/:appId/groups', (req, res) => {
    const app = deps.appOf(req.params.appId);
    const all = deps.groups.list(app.id).map((g) => ({ ...g, id: g.groupId }));
    const origin = deps.baseUrl();
    const { page, links } = pageOf(req, afterCursor(all, queryParam(req, 'after'), 'group'), origin);
    res.setHeader('Link', links);
    res.json(page.map((g) => serializeAppGroup(g, origin)));
  });

  router.put('/apps/:appId/groups/:groupId', (req, res) => {
    const app = deps.appOf(req.params.appId);
    const body = req.body === undefined || req.body === '' ? {} : req.body;
    const { priority } = parseBody(groupAssignmentSchema, body);
    res.json(serializeAppGroup(deps.groups.assign(app.id, req.params.groupId, priority), deps.baseUrl()));
  });

  router.delete('/apps/:appId/groups/:groupId', (req, res) => {
    const app = deps.appOf(req.params.appId);
    deps.groups.unassign(app.id, req.params.groupId);
    res.status(204).end();
  });
}
