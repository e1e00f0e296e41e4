import type { Request } from 'express';
import { escapeHtml } from '../../../core/html.js';
import type { TaskStatus } from '../../../provisioning/task-log.js';
import { taskPage } from '../../../provisioning/task-page.js';
import type { ConsoleSection } from '../../console/console.js';
import { doneNotice, postButton, queryText, statusBadge, table } from '../../console/html.js';
import type { Org2OrgConnector, Org2OrgTask } from '../connector.js';

/** What Workflow → Provisioning tasks uses of org1. */
export interface TasksOrg {
  readonly connector: Org2OrgConnector;
  /** Runs the task's push again through the connector (and records its result on the app user). */
  retryTask(id: number): Promise<unknown>;
}

/** Tasks a page shows: a group of 10,000 pushes is read a page at a time. */
export const TASKS_PAGE_SIZE = 50;
const STATUSES: TaskStatus[] = ['failed', 'pending', 'done', 'skipped'];

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

const href = (status: string, after?: number) => {
  const params = new URLSearchParams({
    ...(status ? { status } : {}),
    ...(after ? { after: String(after) } : {}),
  });
  const query = params.toString();
  return `/admin/tasks${query ? `?${query}` : ''}`;
};

/** The status filter as links with the log's counts (kept by the log, not counted per page). */
function statusLinks(connector: Org2OrgConnector, current: string): string {
  const counts = connector.log.counts();
  const total = STATUSES.reduce((n, s) => n + counts[s], 0);
  const link = (status: string, label: string, n: number) =>
    `<a href="${escapeHtml(href(status))}"${status === current ? ' aria-current="page"' : ''}>${label} (${n.toLocaleString('en-US')})</a>`;
  const items = [link('', 'All', total), ...STATUSES.map((s) => link(s, s, counts[s]))];
  return `<nav class="tabs-filter" aria-label="Task status"><ul class="tabs">${items.map((i) => `<li>${i}</li>`).join('')}</ul></nav>`;
}

function listPage(org: TasksOrg, req: Request): string {
  const status = STATUSES.find((s) => s === queryText(req, 'status')) ?? '';
  const after = Number.parseInt(queryText(req, 'after'), 10) || undefined;
  const page = taskPage(org.connector.log.tasks, {
    limit: TASKS_PAGE_SIZE,
    after,
    newestFirst: true,
    accept: status ? (t) => t.status === status : undefined,
  });
  const rows = page.tasks.map((t) => [
    String(t.id),
    escapeHtml(t.action),
    escapeHtml(t.login),
    statusBadge(t.status.toUpperCase()),
    String(t.attempts),
    errorsOf(t),
    t.status === 'failed' ? postButton(`/admin/tasks/${t.id}/retry`, 'Retry', {}, 'secondary') : '',
  ]);
  const newest = after ? `<a href="${escapeHtml(href(status))}">« Newest</a>` : '';
  const older = page.next ? `<a href="${escapeHtml(href(status, page.next))}">Older ›</a>` : '';
  const [first, last, n] = [page.tasks[0]?.id, page.tasks.at(-1)?.id, page.tasks.length];
  const shown =
    n === 0
      ? 'No tasks'
      : n === 1
        ? `Showing 1 task: #${first}`
        : `Showing ${n} tasks: #${first} to #${last}`;
  const pager = `<nav class="pager" aria-label="Pages">${newest}<span>${shown}</span>${older}</nav>`;
  return (
    '<p class="muted">Org2Org pushes to org2: each assignment, profile change and deactivation is a task with its attempts, newest first. A pending task is queued, or waiting out org2\'s rate limit (HTTP 429) until its reset.</p>' +
    statusLinks(org.connector, status) +
    table('Provisioning tasks', ['Task', 'Action', 'User', 'Status', 'Attempts', 'Errors', ''], rows) +
    pager
  );
}

/** Workflow → Provisioning tasks: the Org2Org connector's pushes, newest first and paged, with a retry for each failed one. */
export function tasksSection(org: TasksOrg): ConsoleSection {
  return {
    path: '/tasks',
    label: 'Provisioning tasks',
    group: 'Workflow',
    routes(router, view) {
      router.get('/', (req, res) => {
        view.send(req, res, {
          title: 'Provisioning tasks',
          notice: doneNotice(req, { retry: 'The task was retried; its result is the newest task.' }),
          body: listPage(org, req),
        });
      });
      router.post('/:id/retry', async (req, res) => {
        await org.retryTask(Number(req.params.id));
        res.redirect(303, '/admin/tasks?done=retry');
      });
    },
  };
}
