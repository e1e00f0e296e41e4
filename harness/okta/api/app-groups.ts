import type { Router } from 'express';
import { z } from 'zod';
import type { AppGroup } from './app-users.js';
import { parseBody } from './common.js';

/**
 * Assigns a group to the app: its members become app users (scope GROUP) and the app's provisioning
 * runs for them, after the answer. Returns what was recorded.
 */
export type AssignGroup = (appId: string, groupId: string, priority?: number) => AppGroup;

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

/** `PUT /apps/{appId}/groups/{groupId}` on an apps router whose org assigns groups. */
export function appGroupRoutes(
  router: Router,
  deps: { appOf: (appId: string) => { id: string }; assignGroup: AssignGroup; baseUrl: () => string },
): void {
  router.put('/apps/:appId/groups/:groupId', (req, res) => {
    const app = deps.appOf(req.params.appId);
    const body = req.body === undefined || req.body === '' ? {} : req.body;
    const { priority } = parseBody(groupAssignmentSchema, body);
    res.json(serializeAppGroup(deps.assignGroup(app.id, req.params.groupId, priority), deps.baseUrl()));
  });
}
