import { type ErrorCode, toFedsimError } from '../core/errors.js';
import { decideRetry, outcomeOf, type RetryPolicy } from './retry.js';
import type { Scheduler } from './scheduler.js';

export type TaskStatus = 'pending' | 'done' | 'failed' | 'skipped';

/** One failed try of a task: what went wrong and how long the client then waited. */
export interface AttemptError {
  attempt: number;
  at: string;
  code: ErrorCode;
  /** HTTP status of the failed call; absent when no response came (dropped connection). */
  status?: number;
  message: string;
  /** The wait before the next attempt; absent when the task gave up. */
  waitMs?: number;
}

/** One push to a downstream system, as a provisioning task list shows it. */
export interface ProvisioningTask<A extends string = string> {
  id: number;
  action: A;
  /** The source user's login (a group push: the group's name). */
  login: string;
  status: TaskStatus;
  /** The downstream id once known (org2 user id, SCIM id). */
  targetId?: string;
  /** Tries so far: 1 for a task that never needed a retry. */
  attempts: number;
  /** Every failed try, in order. */
  errors: AttemptError[];
  /** Why the task failed (only when `status` is failed). */
  error?: { code: ErrorCode; message: string };
  created: string;
  lastUpdated: string;
}

export interface TaskRun<A extends string> {
  task: ProvisioningTask<A>;
  /** Runs one HTTP call, retrying it per the policy; each retry is a new attempt of the task. */
  call<T>(fn: () => Promise<T>): Promise<T>;
}

/**
 * Tasks kept for listing (a group of 10,000 assigned at once is listed whole); the oldest finished
 * ones go first, so a long `serve` stays bounded.
 */
export const TASK_LOG_MAX = 50_000;

/** A party's provisioning tasks: created pending, run with retries, finished with an outcome. */
export class TaskLog<A extends string> {
  /** In id order (ids only grow), so a task is found by binary search. */
  readonly tasks: ProvisioningTask<A>[] = [];
  #opened = 0;
  readonly #counts: Record<TaskStatus, number> = { pending: 0, done: 0, failed: 0, skipped: 0 };

  constructor(
    private readonly deps: {
      scheduler: () => Scheduler;
      policy: () => RetryPolicy;
      /** Told of each task once it finished (done, failed or skipped): e.g. to write a System Log event. */
      onFinish?: (task: ProvisioningTask<A>) => void;
      /** Tasks kept; default TASK_LOG_MAX. */
      max?: number;
    },
  ) {}

  /** How many tasks the log holds in each status, kept as tasks change (not counted per call). */
  counts(): Readonly<Record<TaskStatus, number>> {
    return this.#counts;
  }

  /** The task with this id, if the log still holds it. */
  find(id: number): ProvisioningTask<A> | undefined {
    const at = this.indexOf(id);
    return at === undefined ? undefined : this.tasks[at];
  }

  /** Where the task with this id is in `tasks` (binary search: ids grow with position). */
  indexOf(id: number): number | undefined {
    let [lo, hi] = [0, this.tasks.length - 1];
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = (this.tasks[mid] as ProvisioningTask<A>).id;
      if (at === id) return mid;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** Records a pending task (visible before it runs, e.g. while queued behind the user's others). */
  open(action: A, login: string): ProvisioningTask<A> {
    const at = this.deps.scheduler().now().toISOString();
    const task: ProvisioningTask<A> = {
      id: ++this.#opened,
      action,
      login,
      status: 'pending',
      attempts: 0,
      errors: [],
      created: at,
      lastUpdated: at,
    };
    this.tasks.push(task);
    this.#counts.pending += 1;
    if (this.tasks.length > (this.deps.max ?? TASK_LOG_MAX)) this.#dropOldestFinished();
    return task;
  }

  /** Runs the task's work; an error that is not retried (or no longer) fails the task. */
  async run(
    task: ProvisioningTask<A>,
    work: (run: TaskRun<A>) => Promise<Exclude<TaskStatus, 'pending' | 'failed'>>,
  ): Promise<ProvisioningTask<A>> {
    task.attempts = 1;
    let status: TaskStatus;
    try {
      status = await work({ task, call: (fn) => this.#call(task, fn) });
    } catch (err) {
      const e = toFedsimError(err);
      status = 'failed';
      task.error = { code: e.code, message: e.message };
    }
    this.#counts[task.status] -= 1;
    this.#counts[status] += 1;
    task.status = status;
    task.lastUpdated = this.deps.scheduler().now().toISOString();
    this.deps.onFinish?.(task);
    return task;
  }

  /** The oldest finished task goes; usually the first, so the scan stops at once. */
  #dropOldestFinished(): void {
    const finished = this.tasks.findIndex((t) => t.status !== 'pending');
    if (finished < 0) return;
    this.#counts[(this.tasks[finished] as ProvisioningTask<A>).status] -= 1;
    this.tasks.splice(finished, 1);
  }

  async #call<T>(task: ProvisioningTask<A>, fn: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await fn();
      } catch (err) {
        const outcome = outcomeOf(err);
        const decision = decideRetry(outcome, task.attempts, this.deps.policy());
        const e = toFedsimError(err);
        const scheduler = this.deps.scheduler();
        task.errors.push({
          attempt: task.attempts,
          at: scheduler.now().toISOString(),
          code: e.code,
          ...(outcome?.status === undefined ? {} : { status: outcome.status }),
          message: e.message,
          ...(decision.retry ? { waitMs: decision.delayMs } : {}),
        });
        if (!decision.retry) throw e;
        await scheduler.sleep(decision.delayMs);
        task.attempts += 1;
        task.lastUpdated = scheduler.now().toISOString();
      }
    }
  }
}

/** Runs work one at a time per key (a user), in call order; different keys run concurrently. */
export class PerKeyQueue {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
