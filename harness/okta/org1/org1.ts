import type { Express } from 'express';
import type { FrontHandlers } from '../../core/app.js';
import { FedsimError } from '../../core/errors.js';
import { AdminRoles } from '../admins.js';
import { AppUsers, pushResultOf } from '../api/app-users.js';
import { type ApiTokens, orgApiTokens } from '../api-tokens.js';
import { appUserNameFormat } from '../app-username.js';
import { type CreateUserOptions, Directory, type OktaProfile, type OktaUser } from '../directory.js';
import { notFound } from '../errors.js';
import { GroupAdmin } from '../group-admin.js';
import { Groups, type OktaGroup } from '../groups.js';
import { PasswordLockout } from '../lockout.js';
import { PasswordRecovery } from '../password-recovery.js';
import { OktaSessions } from '../sessions.js';
import { SystemLog } from '../syslog/log-store.js';
import { UserAdmin, type UserChange } from '../user-admin.js';
import { AppCertificates } from './app-certificates.js';
import { unassignUser } from './app-user-unassign.js';
import { assignmentFollows } from './assignment-follows.js';
import type { Org2OrgConnector, Org2OrgTask } from './connector.js';
import type { GroupPush, GroupPushTask } from './group-push.js';
import type { Org1Options } from './options.js';
import type { Org2OrgApp } from './org2org-app.js';
import { org2orgProvisioning } from './provisioning.js';
import { org1Routes } from './routes.js';

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
  /** Security → API → Tokens: the world's and those an admin creates. */
  readonly apiTokens: ApiTokens;
  /** The one-time tokens of reset-password links. */
  readonly recovery: PasswordRecovery;
  /** An admin's user changes (API, console, steps): logged, then pushed to org2 when assigned. */
  readonly users: UserAdmin<Org2OrgTask | undefined>;
  /** An admin's group changes (API, console, steps): logged, then pushed groups follow in org2. */
  readonly groupAdmin: GroupAdmin<GroupPushTask[]>;
  /** Org2Org's signing certificates: the active one and those generated in the console. */
  readonly certificates: AppCertificates;
  url = '';

  constructor(readonly options: Org1Options) {
    this.apiTokens = orgApiTokens(this);
    this.directory = new Directory(options.clock, options.ids);
    this.appUsers = new AppUsers(options.clock);
    this.log = new SystemLog(options.clock, options.ids);
    this.lockout = new PasswordLockout(this.directory, this.log);
    this.groups = new Groups(options.clock, options.ids);
    this.sessions = new OktaSessions(`${options.name}_sid`, options.secrets, this.directory);
    const provisioning = org2orgProvisioning(this, options);
    this.connector = provisioning.connector;
    this.groupPush = provisioning.groupPush;
    this.recovery = new PasswordRecovery(options.clock, options.secrets);
    const after = (change: UserChange, user: OktaUser) => this.#afterChange(change, user);
    this.users = new UserAdmin(this.directory, this.log, after, this.recovery);
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

  /** Refused (E0000046) while an assigned group gives the user the app. */
  unassign(login: string) {
    return unassignUser(this, login);
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

  createApp(front?: FrontHandlers): Express {
    return org1Routes(this, front);
  }
}
