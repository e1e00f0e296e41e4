import type express from 'express';
import type { Express } from 'express';
import { partyApp } from '../../core/app.js';
import { formBody } from '../../core/body.js';
import { type Clock, OffsetClock } from '../../core/clock.js';
import { FedsimError } from '../../core/errors.js';
import { pageErrorHandler, sendError } from '../../core/html.js';
import type { HttpFetch } from '../../core/http.js';
import type { IdGenerator } from '../../core/ids.js';
import { safeRelay } from '../../core/relay.js';
import type { CertInfo } from '../../crypto/credential.js';
import { type Scheduler, schedulerFor } from '../../provisioning/scheduler.js';
import { idpMetadataXml } from '../../saml/metadata.js';
import { AppUsers, pushResultOf } from '../api/app-users.js';
import type { AdminRole } from '../api/auth.js';
import { oktaErrorHandler } from '../api/errors.js';
import { appUserNameFormat } from '../app-username.js';
import { type CreateUserOptions, Directory, type OktaProfile, type OktaUser } from '../directory.js';
import { userNotFound } from '../errors.js';
import { dashboardPage, OKTA_COLOR, signInPage } from '../pages.js';
import { OktaSessions } from '../sessions.js';
import { appSso } from '../sso.js';
import { SystemLog, userActor } from '../syslog/log-store.js';
import { createLogsRouter } from '../syslog/logs-api.js';
import { Org2OrgConnector } from './connector.js';
import { issuerOf, type Org2OrgApp, ssoPathOf } from './org2org-app.js';
import { tasksRouter } from './tasks-api.js';

export interface Org1Options {
  name: string;
  clock: Clock;
  ids: IdGenerator;
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
  /** org1 group names per user id: what a group attribute statement sends. */
  readonly userGroups = new Map<string, string[]>();
  readonly sessions: OktaSessions;
  /** org1's System Log (`GET /api/v1/logs`). */
  readonly log: SystemLog;
  url = '';

  constructor(readonly options: Org1Options) {
    this.directory = new Directory(options.clock, options.ids);
    this.appUsers = new AppUsers(options.clock);
    this.log = new SystemLog(options.clock, options.ids);
    this.sessions = new OktaSessions(`${options.name}_sid`, options.ids, this.directory);
    // A getter, not the object: `configure` replaces the app's provisioning settings.
    this.connector = new Org2OrgConnector(() => this.app.provisioning, {
      fetch: options.fetch,
      scheduler: options.scheduler ?? schedulerFor(options.clock),
      org2Url: () => options.target().url,
      userNameOf: (user) => this.appUserName(user),
    });
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
    const task = await this.connector.push(user, reason);
    this.appUsers.pushed(this.app.id, user.id, pushResultOf(this.app.provisioning.enabled, task));
    return task;
  }

  async unassign(login: string) {
    const user = this.directory.get(login);
    this.appUsers.remove(this.app.id, user.id);
    return this.connector.deactivate(user);
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
    const user = this.directory.update(login, changes);
    const assigned = this.appUsers.refresh(this.app.id, user.id, this.#formatted(user));
    return assigned ? this.#push(user, 'update') : undefined;
  }

  async deactivate(login: string) {
    const user = this.directory.deactivate(login);
    this.sessions.revoke((s) => s.userId === user.id);
    return this.isAssigned(user.id) ? this.connector.deactivate(user) : undefined;
  }

  createApp(): Express {
    const app = partyApp();
    app.use(
      '/api/v1',
      createLogsRouter({
        tokens: this.options.tokens,
        ids: this.options.ids,
        baseUrl: () => this.url,
        clock: this.options.clock,
        log: this.log,
      }),
    );
    app.use(formBody('64kb'));
    app.get('/', (_req, res) => res.redirect('/app/UserHome'));
    app.get('/login', (req, res) => {
      res
        .type('html')
        .send(signInPage(this.options.name, { fromUri: String(req.query.fromURI ?? '') || undefined }));
    });
    app.post('/login', (req, res) => this.#signIn(req.body ?? {}, res));
    app.get('/app/UserHome', (req, res) => {
      const user = this.sessions.user(req);
      if (!user) return res.redirect('/login?fromURI=/app/UserHome');
      const tiles = this.isAssigned(user.id) ? [{ label: this.app.label, href: ssoPathOf(this.app) }] : [];
      return res.type('html').send(dashboardPage(this.options.name, user.profile.login, tiles));
    });
    app.get(ssoPathOf(this.app), (req, res) => this.#sso(req, res));
    app.use(tasksRouter(this.app.id, () => this.connector.tasks));
    app.get(`/app/${this.app.key}/sso/saml/metadata`, (_req, res) => {
      res.type('application/xml').send(
        idpMetadataXml({
          entityId: issuerOf(this.app),
          ssoUrl: `${this.url}${ssoPathOf(this.app)}`,
          signingCerts: [this.app.credential.cert],
        }),
      );
    });
    app.get('/api/v1/users/me', (req, res) => {
      const user = this.sessions.user(req);
      if (!user) throw userNotFound('me');
      res.json({ id: user.id, status: user.status, profile: user.profile });
    });
    app.use('/api/v1', oktaErrorHandler(this.options.ids));
    app.use(pageErrorHandler(this.options.name, OKTA_COLOR));
    return app;
  }

  #signIn(body: Record<string, string>, res: express.Response): void {
    const user = this.directory.find(String(body.username ?? ''));
    const fromUri = safeRelay(body.fromURI, '/app/UserHome');
    if (!user || user.password === undefined || user.password !== body.password) {
      this.#logSignIn(user, 'INVALID_CREDENTIALS', 'AUTH_INVALID_CREDENTIALS');
      res
        .status(401)
        .type('html')
        .send(signInPage(this.options.name, { fromUri, error: 'Unable to sign in' }));
      return;
    }
    if (user.status !== 'ACTIVE') {
      const err = new FedsimError(
        'AUTH_USER_INACTIVE',
        `User ${user.profile.login} is ${user.status} in ${this.options.name}`,
      );
      this.#logSignIn(user, 'VERIFICATION_ERROR', err.code);
      sendError(res, err, this.options.name, OKTA_COLOR);
      return;
    }
    this.#logSignIn(user);
    this.directory.recordLogin(user);
    this.sessions.start(res, { userId: user.id, authTime: this.options.clock.now() });
    res.redirect(303, fromUri);
  }

  /**
   * `user.session.start` for a password sign-in; a failure carries Okta's reason
   * (INVALID_CREDENTIALS, VERIFICATION_ERROR) and fedsim's code. See docs/decisions/system-log.md.
   */
  #logSignIn(user: OktaUser | undefined, reason?: string, code?: string): void {
    this.log.record({
      eventType: 'user.session.start',
      displayMessage: 'User login to Okta',
      actor: user
        ? userActor(user)
        : { id: 'unknown', type: 'User', alternateId: 'unknown', displayName: 'unknown' },
      outcome: reason === undefined ? { result: 'SUCCESS', reason: null } : { result: 'FAILURE', reason },
      debugData: code === undefined ? {} : { fedsimCode: code },
    });
  }

  #sso(req: express.Request, res: express.Response): void {
    const target = this.options.target();
    appSso(req, res, {
      orgName: this.options.name,
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
            ? { [this.app.groupsAttribute]: this.userGroups.get(user.id) ?? [] }
            : {}),
        },
      }),
      deps: { clock: new OffsetClock(this.options.clock, this.app.clockOffsetMs), ids: this.options.ids },
      log: { to: this.log, appId: this.app.id },
    });
  }
}
