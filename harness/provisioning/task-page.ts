import type { ProvisioningTask } from './task-log.js';

export interface TaskPageQuery<T> {
  limit: number;
  /** The id of the previous page's last task; the page starts just past it. */
  after?: number;
  /** Newest first (the console), else oldest first (the API, like Okta's other lists). */
  newestFirst?: boolean;
  /** Only tasks it accepts are listed (a status, a login). */
  accept?: (task: T) => boolean;
}

/** One page of tasks and the cursor of the next one (absent on the last page). */
export interface TaskPage<T> {
  tasks: T[];
  next?: number;
}

/**
 * One page of a task log (tasks in id order): the cursor is found by binary search and the page
 * read from there, so a page costs what it holds, not what the log holds (a filter that matches
 * few tasks reads on until it has a page or the log ends).
 */
export function taskPage<T extends ProvisioningTask>(tasks: readonly T[], q: TaskPageQuery<T>): TaskPage<T> {
  const step = q.newestFirst ? -1 : 1;
  let at = q.after === undefined ? (q.newestFirst ? tasks.length - 1 : 0) : startPast(tasks, q.after, step);
  const page: T[] = [];
  for (; at >= 0 && at < tasks.length; at += step) {
    const task = tasks[at] as T;
    if (q.accept && !q.accept(task)) continue;
    if (page.length === q.limit) return { tasks: page, next: page.at(-1)?.id };
    page.push(task);
  }
  return { tasks: page };
}

/** The index of the first task past id `after` going in `step`'s direction (the id may be gone). */
function startPast(tasks: readonly ProvisioningTask[], after: number, step: 1 | -1): number {
  // lo: the first index whose id is greater than `after`.
  let [lo, hi] = [0, tasks.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tasks[mid] as ProvisioningTask).id <= after) lo = mid + 1;
    else hi = mid;
  }
  if (step === 1) return lo;
  return (tasks[lo - 1]?.id ?? Number.NaN) === after ? lo - 2 : lo - 1;
}
