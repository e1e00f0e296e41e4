import { Router } from 'express';
import type { TaskStatus } from '../../provisioning/task-log.js';
import { taskPage } from '../../provisioning/task-page.js';
import { sswsAuth, type TokenRoles } from '../api/auth.js';
import { limitParam, pageLinks, queryParam } from '../api/query.js';
import { notFound, oktaError, validationError } from '../errors.js';
import type { Org2OrgConnector } from './connector.js';

const STATUSES = new Set(['pending', 'done', 'failed', 'skipped']);

/** What the task list uses of org1. */
export interface TasksApiOrg {
  readonly app: { id: string };
  readonly url: string;
  readonly connector: Org2OrgConnector;
  readonly apiTokens: TokenRoles;
}

function statusParam(value: string | undefined): TaskStatus | undefined {
  if (value === undefined || STATUSES.has(value)) return value as TaskStatus | undefined;
  throw oktaError('OKTA_E0000031', { causes: [`status: must be one of ${[...STATUSES].join(', ')}`] });
}

function afterParam(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  throw validationError([`after: expected the id of the previous page's last task, got ${value}`]);
}

/**
 * org1's view of the Org2Org app's provisioning tasks (Okta shows these under Dashboard › Tasks):
 * `GET /api/v1/apps/{appId}/tasks[?status=failed&login=…&limit=…&after=…]`, oldest first, paged
 * like Okta's other lists (`limit` up to 200, the default; `Link: rel="next"` with the `after`
 * cursor while more remain); and `GET …/tasks/{taskId}`. Read-only, with an admin's API token.
 */
export function tasksRouter(org: TasksApiOrg): Router {
  const router = Router();
  const log = () => org.connector.log;
  router.use('/api/v1/apps', sswsAuth(org.apiTokens));
  router.get(`/api/v1/apps/:appId/tasks`, (req, res) => {
    if (req.params.appId !== org.app.id) throw notFound(req.params.appId, 'AppInstance');
    const status = statusParam(queryParam(req, 'status'));
    const login = queryParam(req, 'login')?.toLowerCase();
    const limit = limitParam(req);
    const accept =
      status || login
        ? (t: { status: string; login: string }) =>
            (!status || t.status === status) && (!login || t.login.toLowerCase() === login)
        : undefined;
    const page = taskPage(log().tasks, { limit, after: afterParam(queryParam(req, 'after')), accept });
    const next = page.next === undefined ? undefined : String(page.next);
    res.setHeader('Link', pageLinks(req, org.url, limit, next, ['status', 'login']));
    return res.json(page.tasks);
  });
  router.get(`/api/v1/apps/:appId/tasks/:taskId`, (req, res) => {
    if (req.params.appId !== org.app.id) throw notFound(req.params.appId, 'AppInstance');
    const task = /^\d+$/.test(req.params.taskId) ? log().find(Number(req.params.taskId)) : undefined;
    if (!task) throw notFound(req.params.taskId, 'Task');
    res.json(task);
  });
  return router;
}
