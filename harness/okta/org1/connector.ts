import { FedsimError } from '../../core/errors.js';
import type { HttpFetch } from '../../core/http.js';
import { TaskTracker } from '../../core/tasks.js';
import { RateLimitGate } from '../../provisioning/rate-gate.js';
import type { RetryPolicy } from '../../provisioning/retry.js';
import type { Scheduler } from '../../provisioning/scheduler.js';
import { Slots } from '../../provisioning/slots.js';
import { PerKeyQueue, type ProvisioningTask, TaskLog, type TaskRun } from '../../provisioning/task-log.js';
import type { OktaUser } from '../directory.js';
import { createOptions, type Org2OrgInitialStatus } from './initial-status.js';
import { Org2Api, type RemoteUser } from './org2-api.js';

/** The Org2Org To-App toggles and the org2 API token they run with. */
export interface Org2OrgProvisioning {
  enabled: boolean;
  token: string;
  create: boolean;
  update: boolean;
  deactivate: boolean;
  /** Link to an org2 user that already has the login (Okta's "match" on import) instead of failing. */
  matchExisting: boolean;
  /** The status users it creates start with in org2. */
  initialStatus: Org2OrgInitialStatus;
  retry: RetryPolicy;
}

export type TaskAction = 'create' | 'link' | 'update' | 'deactivate' | 'reactivate';
/** A push of the Org2Org connector. */
export type Org2OrgTask = ProvisioningTask<TaskAction>;

type Outcome = 'done' | 'skipped';

/**
 * Pushes of one bulk assignment in flight at once (inferred: Okta does not publish its connector's
 * concurrency). Enough to keep org2's window full, few enough that a 429 costs a handful of retries.
 */
export const BULK_PUSH_SLOTS = 8;

/**
 * org1's Org2Org connector: pushes users into org2 through org2's Okta Users API over HTTP. Each
 * push is a task (pending → done / failed / skipped) with its attempts; pushes of one user run one
 * at a time, in order, so concurrent assignments cannot create the same user twice.
 */
export class Org2OrgConnector {
  readonly log: TaskLog<TaskAction>;
  /** org1 user id → org2 user id: the org2 users this app created or linked. */
  readonly links = new Map<string, string>();
  /** Where a bulk assignment's pushes wait for their turn. */
  readonly slots = new Slots(BULK_PUSH_SLOTS);
  /** Bulk pushes that outlive the request that started them (a group assigned); `settle` waits for them. */
  readonly background = new TaskTracker();
  readonly #queue = new PerKeyQueue();
  readonly #gate: RateLimitGate;

  constructor(
    private readonly settings: () => Org2OrgProvisioning,
    private readonly deps: {
      fetch: HttpFetch;
      scheduler: Scheduler;
      org2Url: () => string;
      /** The user's Org2Org app username (`credentials.userName`): the org2 login pushed. */
      userNameOf: (user: OktaUser) => string;
      /** Told of each finished push (org1's System Log). */
      onFinish?: (task: Org2OrgTask) => void;
    },
  ) {
    this.log = new TaskLog({
      scheduler: () => deps.scheduler,
      policy: () => settings().retry,
      onFinish: deps.onFinish,
    });
    this.#gate = new RateLimitGate(
      () => deps.scheduler,
      () => settings().retry.maxRateLimitWaitMs,
    );
  }

  get tasks(): Org2OrgTask[] {
    return this.log.tasks;
  }

  /**
   * Assignment or profile change: create when absent, else update (and reactivate if deprovisioned).
   * The task is open (pending) at once; with `slots` (a bulk push) it runs when one is free.
   */
  async push(user: OktaUser, reason: 'assign' | 'update', slots?: Slots): Promise<Org2OrgTask | undefined> {
    if (!this.settings().enabled) return undefined;
    const task = this.log.open(reason === 'assign' ? 'create' : 'update', user.profile.login);
    const run = () => this.log.run(task, (r) => this.#push(r, user, reason));
    return this.#queue.run(user.id, slots ? () => slots.run(run) : run);
  }

  /** Unassignment or deactivation in org1 deactivates the org2 user. */
  async deactivate(user: OktaUser): Promise<Org2OrgTask | undefined> {
    if (!this.settings().enabled) return undefined;
    const task = this.log.open('deactivate', user.profile.login);
    return this.#queue.run(user.id, () =>
      this.log.run(task, async (run) => {
        if (!this.settings().deactivate) return 'skipped';
        const api = this.api(run.call);
        const remote = (await this.#linked(api, user)) ?? (await api.get(this.deps.userNameOf(user)));
        if (!remote || remote.status === 'DEPROVISIONED') return 'skipped';
        run.task.targetId = remote.id;
        await api.lifecycle(remote.id, 'deactivate');
        return 'done';
      }),
    );
  }

  async #push(run: TaskRun<TaskAction>, user: OktaUser, reason: 'assign' | 'update'): Promise<Outcome> {
    const s = this.settings();
    const { task } = run;
    const api = this.api(run.call);
    let remote = await this.#linked(api, user);
    if (!remote) {
      // Only matching reads org2 first: without it the lookup could not change the outcome (an
      // existing login fails the create alike), and each call counts against org2's rate limit.
      const found = s.matchExisting ? await api.get(this.deps.userNameOf(user)) : undefined;
      if (found) remote = this.#link(task, user, found);
      else if (!s.create) return 'skipped';
      else return this.#create(run, api, user);
    }
    task.targetId = remote.id;
    if (remote.status === 'DEPROVISIONED' && reason === 'assign') {
      task.action = 'reactivate';
      await api.lifecycle(remote.id, 'activate');
    }
    if (!s.update) return task.action === 'reactivate' || task.action === 'link' ? 'done' : 'skipped';
    if (task.action === 'create') task.action = 'update';
    await api.update(remote.id, this.#profile(user));
    return 'done';
  }

  /**
   * POST the user. org2 answers E0000001 when the login exists: a duplicate unless matchExisting,
   * or unless an earlier try of this very POST got no answer (it was applied: the user is ours).
   */
  async #create(run: TaskRun<TaskAction>, api: Org2Api, user: OktaUser): Promise<Outcome> {
    const { task } = run;
    task.action = 'create';
    const before = task.errors.length;
    try {
      const created = await api.create(
        this.#profile(user),
        createOptions(this.settings().initialStatus, user.password),
      );
      this.#link(task, user, created);
      task.action = 'create';
      return 'done';
    } catch (err) {
      const unanswered = task.errors.slice(before, -1).some((e) => e.status === undefined || e.status >= 500);
      const duplicate = err instanceof FedsimError && err.code === 'OKTA_E0000001';
      if (!duplicate || !(this.settings().matchExisting || unanswered)) throw err;
      const found = await api.get(this.deps.userNameOf(user));
      if (!found) throw err;
      this.#link(task, user, found);
      return 'done';
    }
  }

  #link(task: Org2OrgTask, user: OktaUser, remote: RemoteUser): RemoteUser {
    this.links.set(user.id, remote.id);
    task.targetId = remote.id;
    task.action = 'link';
    return remote;
  }

  /** The org2 user this app manages for `user`; a link to a user deleted in org2 is dropped. */
  async #linked(api: Org2Api, user: OktaUser): Promise<RemoteUser | undefined> {
    const id = this.links.get(user.id);
    if (!id) return undefined;
    const remote = await api.get(id);
    if (!remote) this.links.delete(user.id);
    return remote;
  }

  /** org2's APIs with the app's token; `call` is a task's retry loop (group push uses it too). */
  api(call: TaskRun<string>['call']): Org2Api {
    return new Org2Api({
      fetch: this.deps.fetch,
      baseUrl: this.deps.org2Url(),
      token: this.settings().token,
      scheduler: this.deps.scheduler,
      call,
      gate: this.#gate,
    });
  }

  #profile(user: OktaUser) {
    const { email, firstName, lastName } = user.profile;
    return { login: this.deps.userNameOf(user), email, firstName, lastName };
  }
}
