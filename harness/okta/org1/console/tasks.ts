import { escapeHtml } from '../../../core/html.js';
import type { ConsoleSection } from '../../console/console.js';
import { doneNotice, postButton, select, statusBadge, table } from '../../console/html.js';
import type { Org2OrgConnector, Org2OrgTask } from '../connector.js';

/** What Workflow → Provisioning tasks uses of org1. */
export interface TasksOrg {
  readonly connector: Org2OrgConnector;
  /** Runs the task's push again through the connector (and records its result on the app user). */
  retryTask(id: number): Promise<unknown>;
}

const STATUSES: [string, string][] = [
  ['', 'Any status'],
  ['failed', 'failed'],
  ['pending', 'pending'],
  ['done', 'done'],
  ['skipped', 'skipped'],
];

function errorsOf(task: Org2OrgTask): string {
  if (task.errors.length === 0) return '—';
  const items = task.errors
    .map(
      (e) =>
        `<li>Attempt ${e.attempt}: <span class="code">${escapeHtml(e.code)}</span>${e.status ? ` (HTTP ${e.status})` : ''} ${escapeHtml(e.message)}</li>`,
    )
    .join('');
  return `<details><summary>${task.errors.length} failed ${task.errors.length === 1 ? 'try' : 'tries'}</summary><ul>${items}</ul></details>`;
}

/** Workflow → Provisioning tasks: the Org2Org connector's pushes, newest first, with a retry for each failed one. */
export function tasksSection(org: TasksOrg): ConsoleSection {
  return {
    path: '/tasks',
    label: 'Provisioning tasks',
    group: 'Workflow',
    routes(router, view) {
      router.get('/', (req, res) => {
        const status = typeof req.query.status === 'string' ? req.query.status : '';
        const rows = [...org.connector.tasks]
          .reverse()
          .filter((t) => status === '' || t.status === status)
          .map((t) => [
            String(t.id),
            escapeHtml(t.action),
            escapeHtml(t.login),
            statusBadge(t.status.toUpperCase()),
            String(t.attempts),
            errorsOf(t),
            t.status === 'failed' ? postButton(`/admin/tasks/${t.id}/retry`, 'Retry', {}, 'secondary') : '',
          ]);
        const filter =
          `<form class="filters" method="GET" action="/admin/tasks"><div>${select('Status', 'status', STATUSES, status)}</div>` +
          `<div><button type="submit">Filter</button></div></form>`;
        view.send(req, res, {
          title: 'Provisioning tasks',
          notice: doneNotice(req, { retry: 'The task was retried; its result is the newest task.' }),
          body:
            '<p class="muted">Org2Org pushes to org2: each assignment, profile change and deactivation is a task with its attempts.</p>' +
            filter +
            table('Provisioning tasks', ['Task', 'Action', 'User', 'Status', 'Attempts', 'Errors', ''], rows),
        });
      });
      router.post('/:id/retry', async (req, res) => {
        await org.retryTask(Number(req.params.id));
        res.redirect(303, '/admin/tasks?done=retry');
      });
    },
  };
}
