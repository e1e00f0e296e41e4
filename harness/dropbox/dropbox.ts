import type { Express, Request, Response } from 'express';
import { partyApp } from '../core/app.js';
import { formBody } from '../core/body.js';
import type { Clock } from '../core/clock.js';
import { pageErrorHandler } from '../core/html.js';
import type { IdGenerator } from '../core/ids.js';
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
import { TeamGroups } from './groups.js';
import { DROPBOX_COLOR, DROPBOX_SIGN_OUT_PATH, homePage, joinTeamPage, signInPage } from './pages.js';
import { memberWhoMaySignIn } from './sign-in-member.js';
import { Team } from './team.js';

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
  /** An admin's upload in the SSO settings: the certificate Dropbox trusts from now on. */
  trustCertificate: (cert: CertInfo) => void;
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
  /** The team's groups, which admins fill in the admin console. */
  readonly groups: TeamGroups;
  readonly sp: ServiceProvider;
  readonly sessions: SessionStore<DropboxSession>;
  readonly outstanding: OutstandingRequests;
  /** Who signs in to the team's admin console (`/admin`). */
  readonly admins = new TeamAdmins();
  url = '';

  constructor(readonly options: DropboxOptions) {
    this.team = new Team(options.clock, options.ids, { deactivation: options.deactivation });
    this.groups = new TeamGroups(options.clock, options.ids, this.team);
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
    app.use(
      '/scim/v2',
      createScimRouter({ store: this.team, token: this.options.scimToken, baseUrl: () => this.url }),
    );
    app.use(formBody('512kb'));
    app.use(dropboxAdmin(this));
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
        const named = memberWhoMaySignIn(this.team, this.options.teamName, assertion.nameId ?? '');
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
}
