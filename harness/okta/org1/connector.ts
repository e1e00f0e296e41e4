import type { Clock } from '../../core/clock.js';
import { type ErrorCode, FedsimError, isErrorCode, toFedsimError } from '../../core/errors.js';
import type { HttpFetch } from '../../core/http.js';
import type { OktaUser } from '../directory.js';

/** The Org2Org To-App toggles and the org2 API token they run with. */
export interface Org2OrgProvisioning {
  enabled: boolean;
  token: string;
  create: boolean;
  update: boolean;
  deactivate: boolean;
}

export type TaskAction = 'create' | 'update' | 'deactivate' | 'reactivate';

/** One push to org2, as org1's provisioning task list shows it. */
export interface ProvisioningTask {
  id: number;
  action: TaskAction;
  login: string;
  status: 'pending' | 'done' | 'failed' | 'skipped';
  /** org2's user id once known. */
  targetId?: string;
  error?: { code: ErrorCode; message: string };
  at: string;
}

interface RemoteUser {
  id: string;
  status: string;
}

/** org1's Org2Org connector: pushes users into org2 through org2's Okta Users API over HTTP. */
export class Org2OrgConnector {
  readonly tasks: ProvisioningTask[] = [];

  constructor(
    private readonly settings: Org2OrgProvisioning,
    private readonly deps: { fetch: HttpFetch; clock: Clock; org2Url: () => string },
  ) {}

  /** Assignment or profile change: create when absent, else update (and reactivate if deprovisioned). */
  async push(user: OktaUser, reason: 'assign' | 'update'): Promise<ProvisioningTask | undefined> {
    if (!this.settings.enabled) return undefined;
    return this.#run(reason === 'assign' ? 'create' : 'update', user, async (task) => {
      const existing = await this.#lookup(user.profile.login);
      if (!existing) {
        if (!this.settings.create) return 'skipped';
        task.action = 'create';
        const created = await this.#call<RemoteUser>('POST', '/api/v1/users?activate=true', {
          profile: this.#profile(user),
        });
        task.targetId = created.id;
        return 'done';
      }
      task.targetId = existing.id;
      if (existing.status === 'DEPROVISIONED' && reason === 'assign') {
        task.action = 'reactivate';
        await this.#call('POST', `/api/v1/users/${existing.id}/lifecycle/activate?sendEmail=false`);
      }
      if (!this.settings.update) return task.action === 'reactivate' ? 'done' : 'skipped';
      if (task.action !== 'reactivate') task.action = 'update';
      await this.#call('POST', `/api/v1/users/${existing.id}`, { profile: this.#profile(user) });
      return 'done';
    });
  }

  /** Unassignment or deactivation in org1 deactivates the org2 user. */
  async deactivate(user: OktaUser): Promise<ProvisioningTask | undefined> {
    if (!this.settings.enabled) return undefined;
    return this.#run('deactivate', user, async (task) => {
      if (!this.settings.deactivate) return 'skipped';
      const existing = await this.#lookup(user.profile.login);
      if (!existing || existing.status === 'DEPROVISIONED') return 'skipped';
      task.targetId = existing.id;
      await this.#call('POST', `/api/v1/users/${existing.id}/lifecycle/deactivate`);
      return 'done';
    });
  }

  #profile(user: OktaUser) {
    const { login, email, firstName, lastName } = user.profile;
    return { login, email, firstName, lastName };
  }

  async #run(
    action: TaskAction,
    user: OktaUser,
    work: (task: ProvisioningTask) => Promise<ProvisioningTask['status']>,
  ) {
    const task: ProvisioningTask = {
      id: this.tasks.length + 1,
      action,
      login: user.profile.login,
      status: 'pending',
      at: this.deps.clock.now().toISOString(),
    };
    this.tasks.push(task);
    try {
      task.status = await work(task);
    } catch (err) {
      const e = toFedsimError(err, 'PROVISIONING_FAILED');
      task.status = 'failed';
      task.error = { code: e.code, message: e.message };
    }
    return task;
  }

  async #lookup(login: string): Promise<RemoteUser | undefined> {
    try {
      return await this.#call<RemoteUser>('GET', `/api/v1/users/${encodeURIComponent(login)}`);
    } catch (err) {
      if (err instanceof FedsimError && err.code === 'OKTA_E0000007') return undefined;
      throw err;
    }
  }

  async #call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${this.deps.org2Url()}${path}`;
    const res = await this.deps.fetch(url, {
      method,
      headers: {
        Authorization: `SSWS ${this.settings.token}`,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (!res.ok) {
      const okta = `OKTA_${String(json.errorCode)}`;
      const code: ErrorCode = isErrorCode(okta) ? okta : 'PROVISIONING_FAILED';
      const causes = Array.isArray(json.errorCauses)
        ? json.errorCauses.map((c: { errorSummary?: string }) => c.errorSummary)
        : [];
      throw new FedsimError(
        code,
        `org2 answered ${res.status} to ${method} ${path}: ${String(json.errorSummary ?? text)}${causes.length ? ` (${causes.join('; ')})` : ''}`,
        {
          status: res.status,
          actual: json,
        },
      );
    }
    return json as T;
  }
}
