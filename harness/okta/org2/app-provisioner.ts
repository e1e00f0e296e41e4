import { FedsimError } from '../../core/errors.js';
import type { HttpFetch } from '../../core/http.js';
import { DEFAULT_RETRY, outcomeOf } from '../../provisioning/retry.js';
import type { Scheduler } from '../../provisioning/scheduler.js';
import { PerKeyQueue, type ProvisioningTask, TaskLog, type TaskRun } from '../../provisioning/task-log.js';
import { OktaScimClient } from '../../scim/client.js';
import type { OktaUser } from '../directory.js';
import type { SamlApp } from './saml-app.js';

export type AppTaskAction = 'create' | 'update' | 'deactivate' | 'reactivate';
export type AppTask = ProvisioningTask<AppTaskAction>;

/**
 * Pushes org2 users assigned to an app through the app's SCIM server, as Okta's To-App does: each
 * push a task with retries (429 waits for the reset, 5xx and dropped connections back off), one
 * user's pushes one at a time.
 */
export class AppProvisioner {
  readonly log: TaskLog<AppTaskAction>;
  /** org2 user id → SCIM id, and whether the app has them deactivated. */
  readonly #remote = new Map<string, { scimId: string; active: boolean }>();
  readonly #queue = new PerKeyQueue();

  constructor(
    private readonly app: SamlApp,
    /** `scheduler`: how retries wait (on a fixed clock the clock moves instead of sleeping). */
    private readonly deps: {
      fetch: HttpFetch;
      scheduler: Scheduler;
      /** The user's app username (`credentials.userName`), pushed as the SCIM userName. */
      userNameOf: (user: OktaUser) => string;
      /** Told of each finished push (org2's System Log). */
      onFinish?: (task: AppTask) => void;
    },
  ) {
    this.log = new TaskLog({
      scheduler: () => this.deps.scheduler,
      policy: () => this.app.provisioning.retry ?? DEFAULT_RETRY,
      onFinish: deps.onFinish,
    });
  }

  get tasks(): AppTask[] {
    return this.log.tasks;
  }

  #client(run: TaskRun<AppTaskAction>): OktaScimClient {
    const scim = this.app.provisioning.scim();
    if (!scim) {
      throw new FedsimError(
        'PROVISIONING_FAILED',
        `${this.app.label} has provisioning on but no SCIM connection`,
        {
          hint: 'Set provisioning.scim (url, token) on the app, or turn its provisioning off.',
        },
      );
    }
    return new OktaScimClient({
      baseUrl: scim.url,
      token: scim.token,
      authScheme: scim.authScheme,
      updateMethod: this.app.provisioning.updateMethod,
      fetch: this.deps.fetch,
      call: run.call,
      now: () => this.deps.scheduler.now().getTime(),
    });
  }

  /**
   * Brings the app in line with the org2 user: create/update while active, deactivate otherwise.
   * Resolves to the last task run (undefined when nothing was pushed).
   */
  sync(user: OktaUser, assigned: boolean): Promise<AppTask | undefined> {
    if (!this.app.provisioning.enabled) return Promise.resolve(undefined);
    return this.#queue.run(user.id, () => this.#sync(user, assigned));
  }

  async #sync(user: OktaUser, assigned: boolean): Promise<AppTask | undefined> {
    const p = this.app.provisioning;
    const remote = this.#remote.get(user.id);
    const shouldBeActive = assigned && (user.status === 'ACTIVE' || user.status === 'PROVISIONED');
    if (!shouldBeActive) {
      if (!remote?.active || !p.deactivate) return undefined;
      return this.#task('deactivate', user, false, async (c) => {
        await c.setActive(remote.scimId, false);
        return remote.scimId;
      });
    }
    if (!remote)
      return p.create ? this.#task('create', user, true, (c) => c.push(this.#scimUser(user))) : undefined;
    let last: AppTask | undefined;
    if (!remote.active) {
      last = await this.#task('reactivate', user, true, async (c) => {
        try {
          await c.setActive(remote.scimId, true);
          return remote.scimId;
        } catch (err) {
          // The app deleted the user (Dropbox set to "remove"): reassignment provisions them afresh.
          if (!(outcomeOf(err)?.status === 404 && p.create)) throw err;
          return c.push(this.#scimUser(user));
        }
      });
    }
    // The id kept at create (or just now, by a reactivation that had to create afresh).
    const knownId = this.externalId(user.id);
    if (p.update)
      last = await this.#task('update', user, true, (c) => c.push(this.#scimUser(user), knownId, p.create));
    return last;
  }

  /** A member already in Dropbox for this user (a world seeded as provisioned): kept as if pushed. */
  adopt(userId: string, scimId: string): void {
    this.#remote.set(userId, { scimId, active: true });
  }

  /** The SCIM id kept for the org2 user: their app user's externalId. */
  externalId(userId: string): string | undefined {
    return this.#remote.get(userId)?.scimId;
  }

  #scimUser(user: OktaUser) {
    return {
      userName: this.deps.userNameOf(user),
      givenName: user.profile.firstName,
      familyName: user.profile.lastName,
      email: user.profile.email,
      externalId: user.id,
    };
  }

  async #task(
    action: AppTaskAction,
    user: OktaUser,
    active: boolean,
    work: (c: OktaScimClient) => Promise<string | undefined>,
  ): Promise<AppTask> {
    const task = this.log.open(action, user.profile.login);
    return this.log.run(task, async (run) => {
      const scimId = await work(this.#client(run));
      if (scimId === undefined) {
        // The kept id is gone from the app and Create is off: nothing to update until re-created.
        this.#remote.delete(user.id);
        return 'skipped';
      }
      this.#remote.set(user.id, { scimId, active });
      task.targetId = scimId;
      return 'done';
    });
  }
}
