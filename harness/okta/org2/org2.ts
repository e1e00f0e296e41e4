import type { Express } from 'express';
import type { FrontHandlers } from '../../core/app.js';
import type { FedsimError } from '../../core/errors.js';
import { SessionStore } from '../../core/sessions.js';
import { TaskTracker } from '../../core/tasks.js';
import { OutstandingRequests } from '../../saml/outstanding.js';
import type { SpProfile } from '../../saml/profile.js';
import { ServiceProvider } from '../../saml/sp.js';
import { AdminRoles } from '../admins.js';
import { AppUsers } from '../api/app-users.js';
import { DEFAULT_RATE_LIMIT, RateLimiter } from '../api/rate-limit.js';
import { type ApiTokens, orgApiTokens } from '../api-tokens.js';
import { Directory } from '../directory.js';
import { GroupAdmin } from '../group-admin.js';
import { Groups } from '../groups.js';
import { PasswordLockout } from '../lockout.js';
import { PasswordRecovery } from '../password-recovery.js';
import { OktaSessions } from '../sessions.js';
import { SystemLog } from '../syslog/log-store.js';
import { UserAdmin } from '../user-admin.js';
import type { AppProvisioner } from './app-provisioner.js';
import { OrgApps } from './apps.js';
import { IdpKeyStore } from './idp-keys.js';
import { signInLogInputs } from './idp-log.js';
import type { SignInEvent } from './idp-routes.js';
import { acsPathOf, expectationsOf, type InboundIdp, toOktaIdpJson } from './inbound-idp.js';
import { IdpLinks } from './links.js';
import type { Org2Options } from './options.js';
import { InboundPolicy } from './policy.js';
import { org2Routes } from './routes.js';

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
  /** Security → API → Tokens: the world's and those an admin creates. */
  readonly apiTokens: ApiTokens;
  /** The one-time tokens of reset-password links. */
  readonly recovery: PasswordRecovery;
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
    this.apiTokens = orgApiTokens(this);
    this.directory = new Directory(options.clock, options.ids);
    this.links = new IdpLinks(options.clock);
    this.log = new SystemLog(options.clock, options.ids);
    this.lockout = new PasswordLockout(this.directory, this.log);
    this.appUsers = new AppUsers(options.clock);
    this.groups = new Groups(options.clock, options.ids);
    this.recovery = new PasswordRecovery(options.clock, options.secrets);
    this.users = new UserAdmin(this.directory, this.log, undefined, this.recovery);
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

  createApp(front?: FrontHandlers): Express {
    return org2Routes(this, front);
  }

  /** The inbound IdP as `GET /api/v1/idps/{id}` returns it. */
  idpJson(): Record<string, unknown> {
    return toOktaIdpJson(this.idp, {
      orgUrl: this.url,
      kidOf: (cert) => this.idpKeys.kidOf(cert),
      signingKid: this.#signingKeys.kidOf(this.options.spCredential.cert),
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
