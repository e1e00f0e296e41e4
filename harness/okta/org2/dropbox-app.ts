import type { ErrorCode } from '../../core/errors.js';
import { toFedsimError } from '../../core/errors.js';
import type { HttpFetch } from '../../core/http.js';
import type { AppSigning } from '../../saml/issue.js';
import { OktaScimClient } from '../../scim/client.js';
import type { OktaUser } from '../directory.js';

/** org2's Dropbox Business app instance: SAML sign-on settings and To-App provisioning. */
export interface DropboxApp extends AppSigning {
  id: string;
  key: string;
  label: string;
  provisioning: { enabled: boolean; create: boolean; update: boolean; deactivate: boolean };
}

export const dropboxIssuerOf = (app: Pick<DropboxApp, 'key'>) => `http://www.okta.com/${app.key}`;
export const dropboxSsoPathOf = (app: Pick<DropboxApp, 'key'>) =>
  `/app/dropbox_for_business/${app.key}/sso/saml`;

export interface AppTask {
  id: number;
  action: 'create' | 'update' | 'deactivate' | 'reactivate';
  login: string;
  status: 'done' | 'failed' | 'skipped';
  error?: { code: ErrorCode; message: string };
}

/** Pushes org2 users assigned to Dropbox through dropbox's SCIM API, as Okta's To-App does. */
export class DropboxProvisioner {
  readonly tasks: AppTask[] = [];
  /** org2 user id → SCIM id, and whether dropbox has them deactivated. */
  readonly #remote = new Map<string, { scimId: string; active: boolean }>();

  constructor(
    private readonly app: DropboxApp,
    private readonly deps: { fetch: HttpFetch; scim: () => { url: string; token: string } },
  ) {}

  #client(): OktaScimClient {
    const { url, token } = this.deps.scim();
    return new OktaScimClient({ baseUrl: url, token, fetch: this.deps.fetch });
  }

  /** Brings dropbox in line with the org2 user: create/update while active, deactivate otherwise. */
  async sync(user: OktaUser, assigned: boolean): Promise<void> {
    const p = this.app.provisioning;
    if (!p.enabled) return;
    const remote = this.#remote.get(user.id);
    const shouldBeActive = assigned && (user.status === 'ACTIVE' || user.status === 'PROVISIONED');
    if (!shouldBeActive) {
      if (remote?.active && p.deactivate)
        await this.#task('deactivate', user, async (c) => c.setActive(remote.scimId, false), false);
      return;
    }
    if (!remote) {
      if (p.create) await this.#task('create', user, (c) => c.push(this.#scimUser(user)), true);
      return;
    }
    if (!remote.active)
      await this.#task(
        'reactivate',
        user,
        async (c) => c.setActive(remote.scimId, true).then(() => remote.scimId),
        true,
      );
    if (p.update) await this.#task('update', user, (c) => c.push(this.#scimUser(user)), true);
  }

  #scimUser(user: OktaUser) {
    return {
      userName: user.profile.email,
      givenName: user.profile.firstName,
      familyName: user.profile.lastName,
      email: user.profile.email,
      externalId: user.id,
    };
  }

  async #task(
    action: AppTask['action'],
    user: OktaUser,
    work: (c: OktaScimClient) => Promise<unknown>,
    active: boolean,
  ) {
    const task: AppTask = { id: this.tasks.length + 1, action, login: user.profile.login, status: 'done' };
    this.tasks.push(task);
    try {
      const scimId = await work(this.#client());
      const known = this.#remote.get(user.id);
      this.#remote.set(user.id, {
        scimId: typeof scimId === 'string' ? scimId : (known?.scimId ?? ''),
        active,
      });
    } catch (err) {
      const e = toFedsimError(err, 'PROVISIONING_FAILED');
      task.status = 'failed';
      task.error = { code: e.code, message: e.message };
    }
  }
}
