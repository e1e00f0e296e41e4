import type { Router } from 'express';
import { escapeHtml as e } from '../../../core/html.js';
import { pageOf, pagerNav } from '../../../core/paging.js';
import type { ProvisioningTask } from '../../../provisioning/task-log.js';
import type { ConsoleSection, ConsoleView } from '../../console/console.js';
import { postButton, statusBadge, table } from '../../console/html.js';
import { notFound } from '../../errors.js';
import type { AppsOrg, ConsoleApp } from './console-app.js';

const STATUS_BADGE: Record<string, string> = {
  done: 'SUCCESS',
  failed: 'FAILURE',
  pending: 'PENDING',
  skipped: 'SKIPPED',
};

/** Every failed try: when, the code and HTTP status, what was said and how long the client waited. */
function attemptsHtml(task: ProvisioningTask): string {
  if (!task.errors.length) return String(task.attempts);
  const items = task.errors
    .map(
      (a) =>
        `<li>#${a.attempt} ${e(a.at)} <code>${e(a.code)}</code>${a.status ? ` HTTP ${a.status}` : ''}: ${e(a.message)}` +
        `${a.waitMs === undefined ? '' : ` (waited ${a.waitMs} ms)`}</li>`,
    )
    .join('');
  return `<details><summary>${task.attempts} (${task.errors.length} failed)</summary><ol class="plain">${items}</ol></details>`;
}

/** Each app's tasks, newest first. */
function tasksOf(app: ConsoleApp): [ConsoleApp, ProvisioningTask][] {
  return [...app.tasks()].reverse().map((t) => [app, t]);
}

function row([app, t]: [ConsoleApp, ProvisioningTask]): string[] {
  return [
    String(t.id),
    e(t.lastUpdated.replace('T', ' ').replace(/\.\d+Z$/, 'Z')),
    e(app.label),
    e(t.action),
    e(t.login),
    statusBadge(STATUS_BADGE[t.status] ?? t.status),
    attemptsHtml(t),
    t.error ? `<code>${e(t.error.code)}</code> ${e(t.error.message)}` : '',
    t.status === 'failed'
      ? postButton('/admin/tasks/retry', 'Retry', { appId: app.id, taskId: String(t.id) })
      : '',
  ];
}

/**
 * Workflow → Provisioning tasks: each app's To-App pushes, newest first, with their attempts and
 * errors. Retry re-runs the user's push the way the Apps API would: an assigned user is assigned
 * again (create or update follows), an unassigned one is unassigned again (the deactivation).
 */
export function tasksSection(org: AppsOrg): ConsoleSection {
  return {
    path: '/tasks',
    label: 'Provisioning tasks',
    group: 'Workflow',
    routes(router: Router, view: ConsoleView) {
      router.get('/', (req, res) => {
        const all = pageOf(org.apps().flatMap(tasksOf), req.query.page);
        const failed = org
          .apps()
          .reduce((n, a) => n + a.tasks().filter((t) => t.status === 'failed').length, 0);
        const summary = `<p>${all.total} task${all.total === 1 ? '' : 's'}, ${failed} failed. A failed push stays failed until you retry it.</p>`;
        const headers = [
          '#',
          'Last updated',
          'Application',
          'Action',
          'User',
          'Status',
          'Attempts',
          'Error',
          '',
        ];
        view.send(req, res, {
          title: 'Provisioning tasks',
          body:
            summary + table('Provisioning tasks', headers, all.rows.map(row)) + pagerNav('/admin/tasks', all),
          notice: req.query.retried ? `Task ${req.query.retried} was retried.` : undefined,
        });
      });
      router.post('/retry', async (req, res) => {
        const { appId, taskId } = req.body as Record<string, string>;
        const app = org.apps().find((a) => a.id === appId);
        const task = app?.tasks().find((t) => String(t.id) === taskId);
        if (!app || !task) throw notFound(`${appId}/${taskId}`, 'ProvisioningTask');
        const user = org.directory.get(task.login);
        const assigned = app.appUsers().some((au) => au.userId === user.id);
        await (assigned ? app.assign(user.id) : app.unassign(user.id));
        res.redirect(303, `/admin/tasks?retried=${encodeURIComponent(taskId)}`);
      });
    },
  };
}
