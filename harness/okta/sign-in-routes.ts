import type { Express } from 'express';
import { sameOrigin } from '../core/request-guard.js';
import { SIGN_OUT_PATH } from './pages.js';
import { type PasswordChangeOrg, passwordChangeRoutes } from './password-change.js';
import { type PasswordOrg, passwordSignIn } from './password-sign-in.js';

/** What an org's password sign-in, password change and sign-out use of the org. */
export type SignInOrg = PasswordOrg & PasswordChangeOrg;

/** Both orgs' end-user password routes: sign in, change an expired or reset password, sign out. */
export function signInRoutes(app: Express, org: SignInOrg): void {
  app.post('/login', sameOrigin, (req, res) => passwordSignIn(org, req, res));
  passwordChangeRoutes(app, org);
  app.get(SIGN_OUT_PATH, (req, res) => {
    org.sessions.end(req, res);
    res.redirect('/login');
  });
}
