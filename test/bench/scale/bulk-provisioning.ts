import { performance } from 'node:perf_hooks';
import request from 'supertest';
import type { Org2OrgTask } from '../../../harness/okta/org1/connector.js';
import { assignGroup } from '../../../harness/okta/org1/group-assignment.js';
import { createWorld } from '../../../harness/world/world.js';
import { measure } from '../stats.js';

/**
 * A group of N generated org1 users assigned to Org2Org under org2's rate limit of L a minute,
 * pushed over real HTTP on the scenario clock: wall and CPU seconds, 429s met, pushes per virtual
 * minute, and org1's task list paged at N tasks. Prints one JSON line.
 * Usage: node bulk-provisioning.js N L
 */
const count = Number(process.argv[2] ?? 10_000);
const limit = Number(process.argv[3] ?? 600);
const WINDOW_MS = 60_000;

const world = await createWorld({
  seed: 'bulk-push',
  org1: {
    users: [
      {
        generate: {
          count,
          template: { login: 'user{n}@org1.example', firstName: 'User', lastName: '{n}' },
          groups: { pattern: 'Everyone', every: count },
        },
      },
    ],
  },
  org2: { rateLimit: { limit, windowSeconds: WINDOW_MS / 1000 } },
});
const started = world.clock.now().getTime();
const cpu = process.cpuUsage();
const t = performance.now();
const tasks = await assignGroup(world.org1, world.org1.group('Everyone').id).pushed;
const wallS = (performance.now() - t) / 1000;
const used = process.cpuUsage(cpu);
const virtualMinutes = (world.clock.now().getTime() - started) / WINDOW_MS;

/** Pushes finished in each rate-limit window (each a single create against org2's bucket). */
function perWindow(done: Org2OrgTask[]): number[] {
  const windows = new Map<number, number>();
  for (const task of done) {
    const w = Math.floor(Date.parse(task.lastUpdated) / WINDOW_MS);
    windows.set(w, (windows.get(w) ?? 0) + 1);
  }
  return [...windows.entries()].sort(([a], [b]) => a - b).map(([, n]) => n);
}
const done = tasks.filter((t) => t.status === 'done');
const windows = perWindow(done);
// The last window is partial (what was left): the rate is read from the full ones.
const full = windows.slice(0, -1);

const path = `/api/v1/apps/${world.org1.app.id}/tasks`;
const auth = `SSWS ${world.tokens.superAdmin}`;
const middle = tasks[Math.floor(tasks.length / 2)]?.id;
const page = (query: string) => () =>
  request(world.org1.url).get(`${path}?${query}`).set('Authorization', auth);
const firstPage = await measure(page('limit=200'), { min: 20, budgetMs: 2000 });
const middlePage = await measure(page(`limit=200&after=${middle}`), { min: 20, budgetMs: 2000 });
const failedPage = await measure(page('limit=200&status=failed'), { min: 20, budgetMs: 2000 });
const r2 = (x: number) => Math.round(x * 100) / 100;
await world.close();
process.stdout.write(
  `${JSON.stringify({
    users: count,
    rate_limit_per_minute: limit,
    done: done.length,
    failed: tasks.filter((t) => t.status === 'failed').length,
    wall_s: r2(wallS),
    cpu_s: r2((used.user + used.system) / 1e6),
    cpu_ms_per_push: r2((used.user + used.system) / 1e3 / count),
    virtual_minutes: r2(virtualMinutes),
    pushes_per_virtual_minute: r2(full.reduce((a, b) => a + b, 0) / Math.max(1, full.length)),
    max_pushes_in_a_window: Math.max(...windows),
    responses_429: tasks.reduce((n, t) => n + t.errors.filter((e) => e.status === 429).length, 0),
    task_list_first_page_200_ms: r2(firstPage.median),
    task_list_page_after_middle_200_ms: r2(middlePage.median),
    task_list_status_failed_ms: r2(failedPage.median),
  })}\n`,
);
