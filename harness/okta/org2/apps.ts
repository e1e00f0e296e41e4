import type { Router } from 'express';
import { FedsimError } from '../../core/errors.js';
import type { HttpFetch } from '../../core/http.js';
import type { TaskTracker } from '../../core/tasks.js';
import type { Scheduler } from '../../provisioning/scheduler.js';
import { type AppUsers, pushResultOf } from '../api/app-users.js';
import type { AppSummary } from '../api/apps.js';
import { appUserNameFormat } from '../app-username.js';
import type { Directory, OktaUser } from '../directory.js';
import { logUserPushes } from '../syslog/push-events.js';
import { AppProvisioner } from './app-provisioner.js';
import { appsSsoRouter, type SsoDeps } from './apps-sso.js';
import {
  appIssuerOf,
  appMetadataPathOf,
  appSsoPathOf,
  attributeStatementsOf,
  findApp,
  type SamlApp,
} from './saml-app.js';

/** What org2's apps use of the org: the SSO routes' needs, and provisioning's. */
export interface OrgAppsDeps extends SsoDeps {
  fetch: HttpFetch;
  scheduler: Scheduler;
  directory: Directory;
  appUsers: AppUsers;
  tasks: TaskTracker;
}

/** One app's provisioner, and its attribute statements compiled (a bad expression fails when added). */
interface Entry {
  app: SamlApp;
  provisioner: AppProvisioner;
  attributes: (user: OktaUser) => Record<string, string>;
}

/**
 * org2's SAML app instances (Dropbox Business first): assignment, To-App provisioning, the
 * dashboard's tiles, each app's SSO URL (IdP- and SP-initiated) and IdP metadata. One code path
 * for every app (docs/decisions/external-saml-apps.md).
 */
export class OrgApps {
  readonly #entries: Entry[] = [];

  constructor(private readonly deps: OrgAppsDeps) {
    deps.directory.onChange((user) => {
      for (const { app } of this.#entries)
        if (deps.appUsers.refresh(app.id, user.id, appUserNameFormat(app)(user)))
          deps.tasks.track(this.#sync(app, user));
    });
  }

  get list(): SamlApp[] {
    return this.#entries.map((e) => e.app);
  }

  add(app: SamlApp): SamlApp {
    if (findApp(this.list, app.label)) {
      throw new FedsimError('CONFIG_INVALID', `${this.deps.org.name} already has an app named ${app.label}`, {
        expected: 'a name no other app of the org has',
        hint: 'Give each app of world.org2.apps its own name.',
      });
    }
    const provisioner = new AppProvisioner(app, {
      fetch: this.deps.fetch,
      scheduler: this.deps.scheduler,
      userNameOf: (user) => this.userNameOf(app, user),
      onFinish: logUserPushes(this.deps.log, () => app, {
        directory: this.deps.directory,
        userNameOf: (user) => this.userNameOf(app, user),
      }),
    });
    this.#entries.push({ app, provisioner, attributes: attributeStatementsOf(app) });
    return app;
  }

  /** New settings for an app (`configure`): its id, key, assignments and pushes so far stay. */
  change(app: SamlApp, settings: Omit<SamlApp, 'id' | 'key'>): void {
    const attributes = attributeStatementsOf(settings);
    Object.assign(app, settings);
    this.#entry(app).attributes = attributes;
  }

  /** The app an id, key, label or Okta name refers to. */
  get(ref: string): SamlApp {
    const app = findApp(this.list, ref);
    if (app) return app;
    throw new FedsimError('SCENARIO_UNKNOWN_APP', `${this.deps.org.name} has no app ${ref}`, {
      actual: ref,
      expected: this.list.map((a) => a.label),
      hint: 'Name an app of world.org2.apps (or Dropbox Business).',
    });
  }

  provisionerOf(app: SamlApp): AppProvisioner {
    return this.#entry(app).provisioner;
  }

  isAssigned(app: SamlApp, userId: string): boolean {
    return this.deps.appUsers.find(app.id, userId) !== undefined;
  }

  /** The user's app username (`credentials.userName`): their NameID and SCIM userName. */
  userNameOf(app: SamlApp, user: OktaUser): string {
    return this.deps.appUsers.find(app.id, user.id)?.userName ?? appUserNameFormat(app)(user);
  }

  /** `userName`: the app username an admin sets on this assignment; default: the app's username format. */
  async assign(app: SamlApp, login: string, userName?: string): Promise<void> {
    const user = this.deps.directory.get(login);
    this.deps.appUsers.assign(app.id, user.id, appUserNameFormat(app)(user), userName);
    await this.deps.tasks.track(this.#sync(app, user));
  }

  async unassign(app: SamlApp, login: string): Promise<void> {
    const user = this.deps.directory.get(login);
    this.deps.appUsers.remove(app.id, user.id);
    await this.deps.tasks.track(this.provisionerOf(app).sync(user, false));
  }

  /** The dashboard's tiles: the user's assigned apps, each linking to its SSO URL. */
  tiles(user: OktaUser) {
    return this.list
      .filter((app) => this.isAssigned(app, user.id))
      .map((app) => ({ label: app.label, href: appSsoPathOf(app) }));
  }

  /** What `/api/v1/apps` lists. */
  summaries(): AppSummary[] {
    return this.list.map((app) => ({
      id: app.id,
      name: app.name,
      label: app.label,
      status: 'ACTIVE',
      signOnMode: 'SAML_2_0',
    }));
  }

  /** What an SP's admin needs to trust each app before the first sign-in (`serve --json` prints it). */
  facts() {
    return this.list.map((app) => ({
      name: app.label,
      id: app.id,
      ssoUrl: `${this.deps.url()}${appSsoPathOf(app)}`,
      idpMetadataUrl: `${this.deps.url()}${appMetadataPathOf(app)}`,
      issuer: appIssuerOf(app),
      certificatePem: app.credential.cert.pem,
    }));
  }

  /** Each app's SSO URL and IdP metadata (apps-sso.ts). */
  router(): Router {
    return appsSsoRouter(this, this.deps);
  }

  /** The app's attribute statements, compiled when it was added or changed. */
  attributesOf(app: SamlApp): (user: OktaUser) => Record<string, string> {
    return this.#entry(app).attributes;
  }

  #entry(app: SamlApp): Entry {
    return this.#entries.find((e) => e.app === app) as Entry;
  }

  /** Pushes the assigned user to the app and shows on their app user what the push left. */
  async #sync(app: SamlApp, user: OktaUser): Promise<void> {
    const task = await this.provisionerOf(app).sync(user, true);
    this.deps.appUsers.pushed(app.id, user.id, pushResultOf(app.provisioning.enabled, task));
  }
}
