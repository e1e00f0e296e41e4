import type { Express } from 'express';
import { partyApp } from '../../core/app.js';
import { formBody } from '../../core/body.js';
import type { Clock } from '../../core/clock.js';
import type { FedsimError } from '../../core/errors.js';
import { pageErrorHandler } from '../../core/html.js';
import type { HttpFetch } from '../../core/http.js';
import type { IdGenerator } from '../../core/ids.js';
import { notFoundPage } from '../../core/not-found.js';
import { sameOrigin } from '../../core/request-guard.js';
import type { SecretSource } from '../../core/secrets.js';
import { SessionStore } from '../../core/sessions.js';
import { TaskTracker } from '../../core/tasks.js';
import type { SigningCredential } from '../../crypto/credential.js';
import type { Scheduler } from '../../provisioning/scheduler.js';
import { spMetadataXml } from '../../saml/metadata.js';
import { OutstandingRequests } from '../../saml/outstanding.js';
import type { SpProfile } from '../../saml/profile.js';
import { ServiceProvider } from '../../saml/sp.js';
import { AdminRoles } from '../admins.js';
import { AppUsers } from '../api/app-users.js';
import type { AdminRole } from '../api/auth.js';
import type { OktaApiOptions } from '../api/common.js';
import { oktaApiFallback } from '../api/errors.js';
import { createOrgApi } from '../api/org-api.js';
import { DEFAULT_RATE_LIMIT, RateLimiter } from '../api/rate-limit.js';
import { adminConsole } from '../console/console.js';
import { Directory, type OktaUser } from '../directory.js';
import { GroupAdmin } from '../group-admin.js';
import { Groups } from '../groups.js';
import { PasswordLockout } from '../lockout.js';
import { dashboardPage, SIGN_OUT_PATH } from '../pages.js';
import { passwordSignIn } from '../password-sign-in.js';
import { OktaSessions } from '../sessions.js';
import { SystemLog } from '../syslog/log-store.js';
import { createLogsRouter } from '../syslog/logs-api.js';
import { UserAdmin } from '../user-admin.js';
import type { AppProvisioner } from './app-provisioner.js';
import { OrgApps } from './apps.js';
import { org2ConsoleSections } from './console/sections.js';
import { IdpKeyStore } from './idp-keys.js';
import { signInLogInputs } from './idp-log.js';
import { replaceIdp } from './idp-replace.js';
import { idpRoutes, type SignInEvent } from './idp-routes.js';
import { createIdpsRouter } from './idps-api.js';
import { acsPathOf, audienceOf, expectationsOf, type InboundIdp, toOktaIdpJson } from './inbound-idp.js';
import { IdpLinks } from './links.js';
import { InboundPolicy } from './policy.js';
import type { SamlApp } from './saml-app.js';

export interface Org2Options {
  name: string;
  /** The header colour of org2's pages. */
  color: string;
  clock: Clock;
  ids: IdGenerator;
  /** Session and SSO-state cookie ids. */
  secrets: SecretSource;
  fetch: HttpFetch;
  idp: InboundIdp;
  jitEnabled: boolean;
  tokens: ReadonlyMap<string, AdminRole>;
  /** The Dropbox Business app instance: the first of the org's SAML apps. */
  dropbox: SamlApp;
  /** The org's other SAML apps (world.org2.apps). */
  apps?: SamlApp[];
  /** Signs org2's AuthnRequests (SP-initiated sign-in through the IdP). */
  spCredential: SigningCredential;
  /** How background work waits between retries. */
  scheduler: Scheduler;
  /** A routing rule sends every sign-in to the inbound IdP (Okta's "IdP routing"). */
  idpRouting: boolean;
}

const SIGN_IN_LOG_MAX = 1000;

/** org2, the hub: directory and Users API, inbound IdP "Org1 IDP", dashboard, its SAML apps (Dropbox first). */
export class Org2 {
  readonly directory: Directory;
  readonly links: IdpLinks;
  readonly policy: InboundPolicy;
  readonly sp: ServiceProvider;
  readonly sessions: OktaSessions;
  readonly enrolled = new Set<string>();
  /** Users holding an admin role in org2 (ids). */
  /** Who may open the Admin Console (`/admin`), with which role; account linking may exclude them. */
  readonly admins = new AdminRoles();
  readonly appUsers: AppUsers;
  readonly groups: Groups;
  /** An admin's user and group changes, one path for the Users/Groups APIs and the console. */
  readonly users: UserAdmin;
  readonly groupAdmin: GroupAdmin;
  readonly rateLimit: RateLimiter;
  /** The org's SAML app instances: Dropbox Business, then world.org2.apps. */
  readonly apps: OrgApps;
  readonly tasks = new TaskTracker();
  /** The most recent sign-ins (at most SIGN_IN_LOG_MAX), newest last. */
  readonly signIns: SignInEvent[] = [];
  /** org2's System Log (`GET /api/v1/logs`). */
  readonly log: SystemLog;
  /** org2's own users (not federated) sign in with a password, under the same lockout as org1's. */
  readonly lockout: PasswordLockout;
  readonly outstanding: OutstandingRequests;
  readonly refusals: SessionStore<FedsimError>;
  /** The org's IdP key store: what the IdP's `trust.kid` refers to. */
  readonly idpKeys: IdpKeyStore;
  /** The IdP's own signing key (org2's SP credential), `protocol.credentials.signing.kid`. */
  readonly #signingKeys: IdpKeyStore;
  url = '';

  constructor(readonly options: Org2Options) {
    this.directory = new Directory(options.clock, options.ids);
    this.links = new IdpLinks(options.clock);
    this.log = new SystemLog(options.clock, options.ids);
    this.lockout = new PasswordLockout(this.directory, this.log);
    this.appUsers = new AppUsers(options.clock);
    this.groups = new Groups(options.clock, options.ids);
    this.users = new UserAdmin(this.directory, this.log);
    this.groupAdmin = new GroupAdmin(this.groups, this.log);
    this.idpKeys = new IdpKeyStore(options.clock);
    this.#signingKeys = new IdpKeyStore(options.clock);
    for (const [i, cert] of options.idp.trustedCerts.entries())
      this.idpKeys.kidOf(cert, options.idp.trustKids?.[i]);
    this.policy = new InboundPolicy(options.idp, {
      directory: this.directory,
      links: this.links,
      groups: this.groups,
      jitEnabled: options.jitEnabled,
      isAdmin: (userId) => this.admins.has(userId),
    });
    this.sp = new ServiceProvider(() => this.spProfile(), options.clock);
    this.rateLimit = new RateLimiter({ ...DEFAULT_RATE_LIMIT, clock: options.clock });
    this.sessions = new OktaSessions(`${options.name}_sid`, options.secrets, this.directory);
    this.outstanding = new OutstandingRequests(`${options.name}_sp_state`, options.secrets);
    this.refusals = new SessionStore(`${options.name}_idp_refusal`, options.secrets);
    this.directory.onChange((user) => {
      if (user.status === 'DEPROVISIONED' || user.status === 'SUSPENDED')
        this.sessions.revoke((s) => s.userId === user.id);
    });
    this.apps = new OrgApps({
      org: options,
      clock: options.clock,
      ids: options.ids,
      fetch: options.fetch,
      scheduler: options.scheduler,
      directory: this.directory,
      appUsers: this.appUsers,
      tasks: this.tasks,
      log: this.log,
      sessions: this.sessions,
      url: () => this.url,
    });
    for (const app of [options.dropbox, ...(options.apps ?? [])]) this.apps.add(app);
  }

  get idp(): InboundIdp {
    return this.options.idp;
  }

  get acsUrl(): string {
    return `${this.url}${acsPathOf(this.idp)}`;
  }

  spProfile(): SpProfile {
    return {
      ...expectationsOf(this.idp),
      acsUrl: this.acsUrl,
      decryptionKey: this.options.spCredential.privateKey,
      labels: { idpApp: "org1's Org2Org app", sp: `${this.options.name}'s IdP '${this.idp.name}'` },
    };
  }

  /** The Dropbox app's provisioner (its tasks are `expect.provisioning` with party org2). */
  get provisioner(): AppProvisioner {
    return this.apps.provisionerOf(this.options.dropbox);
  }

  /** Assigns the user to Dropbox Business (any app: `apps.assign`). */
  assignDropbox(login: string, userName?: string): Promise<void> {
    return this.apps.assign(this.options.dropbox, login, userName);
  }

  unassignDropbox(login: string): Promise<void> {
    return this.apps.unassign(this.options.dropbox, login);
  }

  createApp(): Express {
    const app = partyApp(() => this.url);
    // What every /api/v1 router of the org shares: its tokens, ids, origin and one rate limiter.
    const api: OktaApiOptions = {
      tokens: this.options.tokens,
      ids: this.options.ids,
      baseUrl: () => this.url,
      rateLimit: this.rateLimit,
    };
    app.use(
      '/api/v1',
      createIdpsRouter({
        ...api,
        idp: () => this.idp,
        idpJson: () => this.idpJson(),
        keys: this.idpKeys,
        directory: this.directory,
        links: this.links,
        metadataXml: () => this.#spMetadataXml(),
        replace: (json) => replaceIdp(this, json),
      }),
    );
    app.use(
      '/api/v1',
      createLogsRouter({
        ...api,
        clock: this.options.clock,
        log: this.log,
      }),
    );
    app.use(
      '/api/v1',
      createOrgApi({
        clock: this.options.clock,
        directory: this.directory,
        ...api,
        sessionUser: (req) => this.sessions.user(req),
        log: this.log,
        appUsers: this.appUsers,
        groups: this.groups,
        users: this.users,
        groupAdmin: this.groupAdmin,
        apps: () => this.apps.summaries(),
        assign: (appId, userId, userName) => this.apps.assign(this.apps.get(appId), userId, userName),
        unassign: (appId, userId) => this.apps.unassign(this.apps.get(appId), userId),
        externalId: (appId, userId) => this.apps.provisionerOf(this.apps.get(appId)).externalId(userId),
      }),
    );
    // After the API routers: they parse their own JSON bodies and answer malformed ones as Okta does.
    app.use(formBody('512kb'));
    const sections = org2ConsoleSections(this);
    app.use(adminConsole({ org: this.options, sessions: this.sessions, admins: this.admins, sections }));
    app.get('/', (_req, res) => res.redirect('/app/UserHome'));
    app.use(idpRoutes(this));
    app.post('/login', sameOrigin, (req, res) => passwordSignIn(this, req, res));
    app.get(SIGN_OUT_PATH, (req, res) => {
      this.sessions.end(req, res);
      res.redirect('/login');
    });
    app.get('/app/UserHome', (req, res) => {
      const user = this.sessions.user(req) as OktaUser;
      return res.type('html').send(dashboardPage(this.options, user.profile.login, this.apps.tiles(user)));
    });
    app.use(this.apps.router());
    app.use('/api/v1', ...oktaApiFallback(this.options.ids));
    app.use(notFoundPage(this.options.name, this.options.color));
    app.use(pageErrorHandler(this.options.name, this.options.color));
    return app;
  }

  /** The inbound IdP as `GET /api/v1/idps/{id}` returns it. */
  idpJson(): Record<string, unknown> {
    return toOktaIdpJson(this.idp, {
      orgUrl: this.url,
      kidOf: (cert) => this.idpKeys.kidOf(cert),
      signingKid: this.#signingKeys.kidOf(this.options.spCredential.cert),
    });
  }

  #spMetadataXml(): string {
    return spMetadataXml({
      entityId: audienceOf(this.idp),
      acsUrl: this.acsUrl,
      signingCert: this.options.spCredential.cert,
      wantAssertionsSigned: this.idp.signatureScope === 'TOKEN',
      authnRequestsSigned: true,
    });
  }

  recordSignIn(event: SignInEvent): void {
    this.signIns.push(event);
    if (this.signIns.length > SIGN_IN_LOG_MAX) this.signIns.shift();
    const user = event.login === undefined ? undefined : this.directory.find(event.login);
    const lookalike = event.outcome === 'jit-created' && user ? this.directory.lookalikeOf(user) : undefined;
    for (const input of signInLogInputs(event, this.idp, user, lookalike)) this.log.record(input);
  }
}
