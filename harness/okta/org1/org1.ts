import type express from 'express';
import type { Express } from 'express';
import { partyApp } from '../../core/app.js';
import { formBody } from '../../core/body.js';
import { type Clock, OffsetClock } from '../../core/clock.js';
import { FedsimError } from '../../core/errors.js';
import { pageErrorHandler } from '../../core/html.js';
import type { HttpFetch } from '../../core/http.js';
import type { IdGenerator } from '../../core/ids.js';
import { notFoundPage } from '../../core/not-found.js';
import { sameOrigin } from '../../core/request-guard.js';
import type { SecretSource } from '../../core/secrets.js';
import type { CertInfo } from '../../crypto/credential.js';
import { type Scheduler, schedulerFor } from '../../provisioning/scheduler.js';
import { idpMetadataXml } from '../../saml/metadata.js';
import { AdminRoles } from '../admins.js';
import { AppUsers, pushResultOf } from '../api/app-users.js';
import type { AdminRole } from '../api/auth.js';
import { oktaApiFallback } from '../api/errors.js';
import { appUserNameFormat } from '../app-username.js';
import { adminConsole } from '../console/console.js';
import { type CreateUserOptions, Directory, type OktaProfile, type OktaUser } from '../directory.js';
import { notFound } from '../errors.js';
import { GroupAdmin } from '../group-admin.js';
import { Groups, type OktaGroup } from '../groups.js';
import { PasswordLockout } from '../lockout.js';
import { dashboardPage, SIGN_OUT_PATH, signInPage } from '../pages.js';
import { passwordSignIn } from '../password-sign-in.js';
import { OktaSessions } from '../sessions.js';
import { appSso } from '../sso.js';
import { logGroupPushes } from '../syslog/group-push-events.js';
import { SystemLog } from '../syslog/log-store.js';
import { logUserPushes } from '../syslog/push-events.js';
import { UserAdmin, type UserChange } from '../user-admin.js';
import { org1ApiRouter } from './api-routes.js';
import { AppCertificates } from './app-certificates.js';
import { assignmentFollows } from './assignment-follows.js';
import { Org2OrgConnector, type Org2OrgTask } from './connector.js';
import { org1Sections } from './console/sections.js';
import { GroupPush, type GroupPushTask } from './group-push.js';
import { issuerOf, type Org2OrgApp, ssoPathOf } from './org2org-app.js';
import { tasksRouter } from './tasks-api.js';

export interface Org1Options {
  name: string;
  /** The header colour of org1's pages. */
  color: string;
  clock: Clock;
  ids: IdGenerator;
  /** Session cookie ids. */
  secrets: SecretSource;
  fetch: HttpFetch;
  app: Org2OrgApp;
  /** What org2 publishes for its inbound IdP: where to post and which audience to use. */
  target: () => { url: string; acsUrl: string; audience: string; requestCert?: CertInfo };
  /** How the connector waits between retries; default: the org's clock (moved, when it is fixed). */
  scheduler?: Scheduler;
  /** API tokens of org1 (its System Log API): token → the admin role of its owner. */
  tokens: ReadonlyMap<string, AdminRole>;
}

export interface SeedUser extends OktaProfile {
  password?: string;
}

/** org1, the identity source: users, the Org2Org app, sign-in, dashboard and IdP-initiated SSO. */
export class Org1 {
  readonly directory: Directory;
  readonly connector: Org2OrgConnector;
  /** Org2Org's app users, each with its app username (`credentials.userName`). */
  readonly appUsers: AppUsers;
  /** org1's groups: what a group attribute statement sends, and what Org2Org's group push pushes. */
  readonly groups: Groups;
  /** Org2Org's Push Groups: org1 groups created and kept in org2. */
  readonly groupPush: GroupPush;
  readonly sessions: OktaSessions;
  /** The password policy's lockout: 10 wrong passwords in a row lock a user out. */
  readonly lockout: PasswordLockout;
  /** org1's System Log (`GET /api/v1/logs`). */
  readonly log: SystemLog;
  /** Who may open the Admin Console (`/admin`), and with which role. */
  readonly admins = new AdminRoles();
  /** An admin's user changes (API, console, steps): logged, then pushed to org2 when assigned. */
  readonly users: UserAdmin<Org2OrgTask | undefined>;
  /** An admin's group changes (API, console, steps): logged, then pushed groups follow in org2. */
  readonly groupAdmin: GroupAdmin<GroupPushTask[]>;
  /** Org2Org's signing certificates: the active one and those generated in the console. */
  readonly certificates: AppCertificates;
  url = '';
  /** When the org (and its API tokens) came to be. */
  readonly #started: Date;

  constructor(readonly options: Org1Options) {
    this.#started = options.clock.now();
    this.directory = new Directory(options.clock, options.ids);
    this.appUsers = new AppUsers(options.clock);
    this.log = new SystemLog(options.clock, options.ids);
    this.lockout = new PasswordLockout(this.directory, this.log);
    this.groups = new Groups(options.clock, options.ids);
    this.sessions = new OktaSessions(`${options.name}_sid`, options.secrets, this.directory);
    // A getter, not the object: `configure` replaces the app's provisioning settings.
    this.connector = new Org2OrgConnector(() => this.app.provisioning, {
      fetch: options.fetch,
      scheduler: options.scheduler ?? schedulerFor(options.clock),
      org2Url: () => options.target().url,
      userNameOf: (user) => this.appUserName(user),
      onFinish: logUserPushes(this.log, () => this.app, {
        directory: this.directory,
        userNameOf: (user) => this.appUserName(user),
      }),
    });
    this.groupPush = new GroupPush(() => this.app.provisioning, {
      scheduler: options.scheduler ?? schedulerFor(options.clock),
      groups: this.groups,
      api: (call) => this.connector.api(call),
      remoteUserOf: (userId) => {
        const active = this.directory.find(userId)?.status === 'ACTIVE';
        return active && this.isAssigned(userId) ? this.connector.links.get(userId) : undefined;
      },
      onFinish: logGroupPushes(this.log, () => this.app, this.groups),
    });
    this.users = new UserAdmin(this.directory, this.log, (change, user) => this.#afterChange(change, user));
    this.groupAdmin = new GroupAdmin(
      this.groups,
      this.log,
      () => this.groupPush.syncAll(),
      assignmentFollows(this),
    );
    this.certificates = new AppCertificates(() => this.app, options.clock, options.name);
  }

  get app(): Org2OrgApp {
    return this.options.app;
  }

  addUser({ password, ...profile }: SeedUser, options: CreateUserOptions = {}): OktaUser {
    return this.directory.create(profile, { password, ...options });
  }

  /** `userName`: the app username an admin sets on this assignment; default: the app's username format. */
  async assign(login: string, userName?: string) {
    const user = this.directory.get(login);
    this.appUsers.assign(this.app.id, user.id, this.#formatted(user), userName);
    return this.#push(user, 'assign');
  }

  /** Pushes the assigned user to org2 and shows on their app user what the push left. */
  async #push(user: OktaUser, reason: 'assign' | 'update') {
    return this.#recorded(user, await this.connector.push(user, reason));
  }

  /** Shows on the user's app user what the push left; pushed groups follow the user's new state. */
  async #recorded(user: OktaUser, task: Org2OrgTask | undefined) {
    this.appUsers.pushed(this.app.id, user.id, pushResultOf(this.app.provisioning.enabled, task));
    await this.groupPush.syncAll();
    return task;
  }

  /** Runs a provisioning task's push again (Provisioning tasks' Retry), recorded as a push is. */
  async retryTask(id: number) {
    const task = this.connector.log.find(id);
    if (!task) throw notFound(String(id), 'Task');
    const user = this.directory.get(task.login);
    if (task.action === 'deactivate') return this.#recorded(user, await this.connector.deactivate(user));
    return this.#push(user, task.action === 'update' ? 'update' : 'assign');
  }

  /** Org2Org's "Test API Credentials": org2 answers the app's token, or the call rejects with its code. */
  async testApiCredentials(): Promise<void> {
    await this.connector.api((call) => call()).verify();
  }

  async unassign(login: string) {
    const user = this.directory.get(login);
    this.appUsers.remove(this.app.id, user.id);
    const task = await this.connector.deactivate(user);
    await this.groupPush.syncAll();
    return task;
  }

  /** An admin changes the user's groups; assignments and pushed groups follow. Resolves to failed group pushes. */
  async setGroups(login: string, names: string[]) {
    return (await this.groupAdmin.setMemberships(this.directory.get(login), names)) ?? [];
  }

  /** An admin renames an org1 group; a pushed group is renamed in org2. Resolves to the failed pushes. */
  async renameGroup(name: string, to: string) {
    const group = this.group(name);
    return (await this.groupAdmin.rename(group.id, { ...group.profile, name: to })).outcome ?? [];
  }

  /** The org1 group named `name`; an unknown name is a configuration error. */
  group(name: string): OktaGroup {
    const group = this.groups.findByName(name);
    if (group) return group;
    throw new FedsimError('CONFIG_INVALID', `No group ${name} in org1`, {
      expected: this.groups.all().map((g) => g.profile.name),
      actual: name,
      hint: "org1's groups are the ones its users list under world.org1.users[].groups (or setGroups).",
    });
  }

  /** The user's apps for the console's person page: Org2Org when assigned, with the app user's status. */
  appsOf(userId: string): { label: string; status: string }[] {
    const appUser = this.appUsers.find(this.app.id, userId);
    return appUser ? [{ label: this.app.label, status: appUser.status }] : [];
  }

  isAssigned(userId: string): boolean {
    return this.appUsers.find(this.app.id, userId) !== undefined;
  }

  /** The user's Org2Org app username: their NameID and the login Org2Org pushes to org2. */
  appUserName(user: OktaUser): string {
    return this.appUsers.find(this.app.id, user.id)?.userName ?? this.#formatted(user);
  }

  /** The Org2Org app's username format applied to the user. */
  #formatted(user: OktaUser): string {
    return appUserNameFormat(this.app)(user);
  }

  async updateProfile(login: string, changes: Partial<OktaProfile>) {
    return (await this.users.update(login, changes)).outcome;
  }

  /** Deactivates the user; Org2Org deactivates the org2 user and the app user shows what that left. */
  async deactivate(login: string) {
    return (await this.users.lifecycle('deactivate', login)).outcome;
  }

  /**
   * What follows an admin's change of a user: a deactivated or suspended user's sessions end (Okta
   * ends them); an assigned user's profile change is pushed, their deactivation too.
   */
  async #afterChange(change: UserChange, user: OktaUser): Promise<Org2OrgTask | undefined> {
    if (change === 'deactivate' || change === 'suspend') this.sessions.revoke((s) => s.userId === user.id);
    if (!this.isAssigned(user.id)) return undefined;
    if (change === 'deactivate') return this.#recorded(user, await this.connector.deactivate(user));
    if (change !== 'update') return undefined;
    this.appUsers.refresh(this.app.id, user.id, this.#formatted(user));
    return this.#push(user, 'update');
  }

  createApp(): Express {
    const app = partyApp(() => this.url);
    app.use('/api/v1', org1ApiRouter(this));
    app.use(formBody('64kb'));
    app.use(
      adminConsole({
        org: this.options,
        sessions: this.sessions,
        admins: this.admins,
        sections: org1Sections(this, { tokens: this.options.tokens, tokensCreated: this.#started }),
      }),
    );
    app.get('/', (_req, res) => res.redirect('/app/UserHome'));
    app.get('/login', (req, res) => {
      res
        .type('html')
        .send(signInPage(this.options, { fromUri: String(req.query.fromURI ?? '') || undefined }));
    });
    app.post('/login', sameOrigin, (req, res) => passwordSignIn(this, req, res));
    app.get(SIGN_OUT_PATH, (req, res) => {
      this.sessions.end(req, res);
      res.redirect('/login');
    });
    app.get('/app/UserHome', (req, res) => {
      const user = this.sessions.user(req);
      if (!user) return res.redirect('/login?fromURI=/app/UserHome');
      const tiles = this.isAssigned(user.id) ? [{ label: this.app.label, href: ssoPathOf(this.app) }] : [];
      return res.type('html').send(dashboardPage(this.options, user.profile.login, tiles));
    });
    app.get(ssoPathOf(this.app), (req, res) => this.#sso(req, res));
    app.use(tasksRouter(this));
    app.get(`/app/${this.app.key}/sso/saml/metadata`, (_req, res) => {
      res.type('application/xml').send(
        idpMetadataXml({
          entityId: issuerOf(this.app),
          ssoUrl: `${this.url}${ssoPathOf(this.app)}`,
          signingCerts: [this.app.credential.cert],
        }),
      );
    });
    app.use('/api/v1', ...oktaApiFallback(this.options.ids));
    app.use(notFoundPage(this.options.name, this.options.color));
    app.use(pageErrorHandler(this.options.name, this.options.color));
    return app;
  }

  #sso(req: express.Request, res: express.Response): void {
    const target = this.options.target();
    appSso(req, res, {
      org: this.options,
      appLabel: this.app.label,
      user: this.sessions.user(req),
      authTime: this.sessions.authTime(req),
      assigned: (user) => this.isAssigned(user.id),
      settings: { ...this.app, issuer: issuerOf(this.app) },
      acsUrl: this.app.acsUrl ?? target.acsUrl,
      audience: this.app.audience ?? target.audience,
      sp: { entityId: target.audience, requestCert: target.requestCert, encryptionCert: target.requestCert },
      subject: (user) => ({
        nameId: this.appUserName(user),
        attributes: {
          firstName: user.profile.firstName,
          lastName: user.profile.lastName,
          email: user.profile.email,
          ...(this.app.groupsAttribute
            ? { [this.app.groupsAttribute]: this.groups.groupsOf(user.id).map((g) => g.profile.name) }
            : {}),
        },
      }),
      deps: { clock: new OffsetClock(this.options.clock, this.app.clockOffsetMs), ids: this.options.ids },
      log: { to: this.log, appId: this.app.id },
    });
  }
}
