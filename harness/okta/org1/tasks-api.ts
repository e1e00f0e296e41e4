import { Router } from 'express';
import { type AdminRole, sswsAuth } from '../api/auth.js';
import { notFound, oktaError } from '../errors.js';
import type { Org2OrgTask } from './connector.js';

const STATUSES = new Set(['pending', 'done', 'failed', 'skipped']);

/**
 * org1's view of the Org2Org app's provisioning tasks (Okta shows these under Dashboard › Tasks):
 * `GET /api/v1/apps/{appId}/tasks[?status=failed&login=…]` and `GET …/tasks/{taskId}`. Read-only,
 * with an admin's API token like every other `/api/v1` route.
 */
export function tasksRouter(
  appId: string,
  tasks: () => readonly Org2OrgTask[],
  tokens: ReadonlyMap<string, AdminRole>,
): Router {
  const router = Router();
  router.use('/api/v1/apps', sswsAuth(tokens));
  router.get(`/api/v1/apps/:appId/tasks`, (req, res) => {
    if (req.params.appId !== appId) throw notFound(req.params.appId, 'AppInstance');
    const { status, login } = req.query;
    if (status !== undefined && !(typeof status === 'string' && STATUSES.has(status))) {
      throw oktaError('OKTA_E0000031', { causes: [`status: must be one of ${[...STATUSES].join(', ')}`] });
    }
    const wanted = typeof login === 'string' ? login.toLowerCase() : undefined;
    return res.json(
      tasks().filter(
        (t) => (status === undefined || t.status === status) && (!wanted || t.login.toLowerCase() === wanted),
      ),
    );
  });
  router.get(`/api/v1/apps/:appId/tasks/:taskId`, (req, res) => {
    if (req.params.appId !== appId) throw notFound(req.params.appId, 'AppInstance');
    const task = tasks().find((t) => String(t.id) === req.params.taskId);
    if (!task) throw notFound(req.params.taskId, 'Task');
    res.json(task);
  });
  return router;
}
