import type { Express, Request, Response } from 'express';
import { partyApp } from '../core/app.js';
import { formBody } from '../core/body.js';
import type { Clock } from '../core/clock.js';
import { FedsimError } from '../core/errors.js';
import { pageErrorHandler } from '../core/html.js';
import type { IdGenerator } from '../core/ids.js';
import { lazyRoutes } from '../core/lazy-routes.js';
import { notFoundPage } from '../core/not-found.js';
import { sameOrigin } from '../core/request-guard.js';
import type { SecretSource } from '../core/secrets.js';
import { SessionStore } from '../core/sessions.js';
import type { CertInfo, SigningCredential } from '../crypto/credential.js';
import { spMetadataXml } from '../saml/metadata.js';
import { OutstandingRequests } from '../saml/outstanding.js';
import type { SpProfile } from '../saml/profile.js';
import { ServiceProvider } from '../saml/sp.js';
import { acsHandler, type SpEndpoint, startSignIn } from '../saml/sp-routes.js';
import { createScimRouter } from '../scim/server.js';
import { dropboxAdmin } from './admin/admin-routes.js';
import { TeamAdmins } from './admin/team-admins.js';
import { DROPBOX_COLOR, DROPBOX_SIGN_OUT_PATH, homePage, joinTeamPage, signInPage } from './pages.js';
import { type Member, Team } from './team.js';

export interface DropboxOptions {
  clock: Clock;
  ids: IdGenerator;
  /** Session and SSO-state cookie ids. */
  secrets: SecretSource;
  teamName: string;
  entityId: string;
  scimToken: string;
  deactivation: 'suspend' | 'remove';
  /** Whether the members org2 provisions were added silently (no invitation to accept). */
  silentProvisioning: () => boolean;
  maxClockSkewMs: number;
  /** The IdP dropbox trusts: org2's Dropbox app. */
  idp: () => { issuer: string; certs: CertInfo[]; ssoUrl: string };
  /** Signs dropbox's AuthnRequests. */
  spCredential: SigningCredential;
}

export const DROPBOX_ACS_PATH = '/saml_login';
const PARTY = 'Dropbox Business';

/** A browser signed in to Dropbox: confirmed once the member accepted the team invitation. */
interface DropboxSession {
  memberId: string;
  confirmed: boolean;
}

/** Dropbox Business: SAML SP with team membership and first-time confirmation, plus its SCIM server. */
export class Dropbox {
  readonly team: Team;
  readonly sp: ServiceProvider;
  readonly sessions: SessionStore<DropboxSession>;
  readonly outstanding: OutstandingRequests;
  /** Who signs in to the team's admin console (`/admin`). */
  readonly admins = new TeamAdmins();
  url = '';

  constructor(readonly options: DropboxOptions) {
    this.team = new Team(options.clock, options.ids, { deactivation: options.deactivation });
    this.sp = new ServiceProvider(() => this.spProfile(), options.clock);
    this.sessions = new SessionStore('dbx_session', options.secrets);
    this.outstanding = new OutstandingRequests('dbx_sso_state', options.secrets);
  }

  get acsUrl(): string {
    return `${this.url}${DROPBOX_ACS_PATH}`;
  }

  get scimUrl(): string {
    return `${this.url}/scim/v2`;
  }

  spProfile(): SpProfile {
    const idp = this.options.idp();
    return {
      idpIssuer: idp.issuer,
      trustedCerts: idp.certs,
      audience: this.options.entityId,
      acsUrl: this.acsUrl,
      signatureScope: 'ANY',
      minSignatureAlgorithm: 'SHA-256',
      maxClockSkewMs: this.options.maxClockSkewMs,
      allowUnsolicited: true,
      decryptionKey: this.options.spCredential.privateKey,
      labels: { idpApp: "org2's Dropbox Business app", sp: 'Dropbox (Admin console > Security > SSO)' },
    };
  }

  createApp(): Express {
    const app = partyApp(() => this.url);
    const scim = () =>
      createScimRouter({ store: this.team, token: this.options.scimToken, baseUrl: () => this.url });
    app.use('/scim/v2', lazyRoutes('', scim));
    app.use(formBody('512kb'));
    app.use(lazyRoutes('/admin', () => dropboxAdmin(this)));
    app.get('/', (_req, res) => res.redirect('/home'));
    app.get('/login', (_req, res) => res.type('html').send(signInPage()));
    app.get('/saml/metadata', (_req, res) => {
      res.type('application/xml').send(
        spMetadataXml({
          entityId: this.options.entityId,
          acsUrl: this.acsUrl,
          signingCert: this.options.spCredential.cert,
          wantAssertionsSigned: false,
          authnRequestsSigned: true,
        }),
      );
    });
    const endpoint = this.#endpoint();
    app.get('/sso/start', (req, res) => startSignIn(endpoint, req, res));
    app.post(DROPBOX_ACS_PATH, acsHandler(endpoint));
    app.post('/team/join', sameOrigin, (req, res) => {
      const session = this.sessions.get(req);
      if (!session) return res.redirect('/login');
      this.team.confirm(session.memberId);
      this.sessions.set(req, res, { memberId: session.memberId, confirmed: true });
      return res.redirect(303, '/home');
    });
    app.get('/home', (req, res) => {
      const member = this.#signedIn(req);
      if (!member) return res.redirect('/login');
      return res.type('html').send(homePage(member, this.options.teamName));
    });
    app.post('/2/users/get_current_account', (req, res) => this.#currentAccount(req, res));
    app.get('/2/users/get_current_account', (req, res) => this.#currentAccount(req, res));
    app.get(DROPBOX_SIGN_OUT_PATH, (req, res) => {
      this.sessions.end(req, res);
      res.redirect('/login');
    });
    app.use(notFoundPage(PARTY, DROPBOX_COLOR));
    app.use(pageErrorHandler(PARTY, DROPBOX_COLOR));
    return app;
  }

  #currentAccount(req: Request, res: Response): void {
    const member = this.#signedIn(req);
    if (!member) {
      res
        .status(401)
        .json({ error_summary: 'invalid_access_token/', error: { '.tag': 'invalid_access_token' } });
      return;
    }
    res.json({
      account_id: `dbid:${member.id}`,
      email: member.email,
      name: { display_name: member.displayName },
      team_member_id: member.id,
    });
  }

  #signedIn(req: Request) {
    const session = this.sessions.get(req);
    const member = session?.confirmed ? this.team.find(session.memberId) : undefined;
    return member?.state === 'active' ? member : undefined;
  }

  /** Dropbox as an SP: "Sign in with SSO" asks org2's Dropbox app; a member must exist and not be suspended. */
  #endpoint(): SpEndpoint<DropboxSession> {
    return {
      party: { name: PARTY, color: DROPBOX_COLOR },
      sp: this.sp,
      outstanding: this.outstanding,
      sessions: this.sessions,
      deps: this.options,
      authnRequest: () => ({
        spEntityId: this.options.entityId,
        idpSsoUrl: this.options.idp().ssoUrl,
        acsUrl: this.acsUrl,
        signing: { key: this.options.spCredential.privateKey, algorithm: 'SHA-256' },
      }),
      signIn: ({ assertion }) => {
        const named = this.#member(assertion.nameId ?? '');
        // Silently provisioned members got no invitation: their first SSO sign-in activates them.
        const member =
          named.state === 'invited' && this.options.silentProvisioning()
            ? this.team.confirm(named.id)
            : named;
        const confirmed = member.state === 'active';
        return {
          session: { memberId: member.id, confirmed },
          decision: { outcome: 'signed-in', userId: member.id, login: member.userName },
          respond: (res) => {
            if (confirmed) res.redirect(303, '/home');
            else res.type('html').send(joinTeamPage(member, this.options.teamName));
          },
        };
      },
    };
  }

  /** The team member an assertion names, if they may sign in. */
  #member(email: string): Member {
    const member = this.team.findByUserName(email);
    if (!member) {
      throw new FedsimError(
        'DROPBOX_MEMBER_NOT_FOUND',
        `${email} is not a member of the ${this.options.teamName} team`,
        {
          actual: email,
          hint: 'Assign the user to Dropbox Business in org2 so provisioning invites them.',
        },
      );
    }
    if (member.state !== 'active' && member.state !== 'invited') {
      throw new FedsimError(
        'DROPBOX_MEMBER_SUSPENDED',
        `${email} is ${member.state} in the ${this.options.teamName} team`,
        {
          actual: member.state,
          hint: 'A team admin (or provisioning from org2) must reactivate the member.',
        },
      );
    }
    return member;
  }
}
