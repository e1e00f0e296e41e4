import type { Express, Request, Response } from 'express';
import { type FrontHandlers, partyApp } from '../core/app.js';
import { formBody } from '../core/body.js';
import { pageErrorHandler } from '../core/html.js';
import { lazyRoutes } from '../core/lazy-routes.js';
import { notFoundPage } from '../core/not-found.js';
import { sameOrigin } from '../core/request-guard.js';
import { SessionStore } from '../core/sessions.js';
import { spMetadataXml } from '../saml/metadata.js';
import { OutstandingRequests } from '../saml/outstanding.js';
import type { SpProfile } from '../saml/profile.js';
import { ServiceProvider } from '../saml/sp.js';
import { acsHandler, startSignIn } from '../saml/sp-routes.js';
import { createScimRouter } from '../scim/server.js';
import { dropboxAdmin } from './admin/admin-routes.js';
import { TeamAdmins } from './admin/team-admins.js';
import { TeamGroups } from './groups.js';
import type { DropboxOptions, DropboxSession } from './options.js';
import { DROPBOX_COLOR, DROPBOX_SIGN_OUT_PATH, homePage, signInPage } from './pages.js';
import { dropboxSignIn } from './sign-in.js';
import { Team } from './team.js';

export const DROPBOX_ACS_PATH = '/saml_login';
const PARTY = 'Dropbox Business';

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

  createApp(front?: FrontHandlers): Express {
    const app = partyApp(() => this.url, front);
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
    const endpoint = dropboxSignIn(this, { name: PARTY, color: DROPBOX_COLOR });
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
}
