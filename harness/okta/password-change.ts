import type { Express, Request, Response } from 'express';
import type { Clock } from '../core/clock.js';
import { FedsimError, toFedsimError } from '../core/errors.js';
import { safeRelay } from '../core/relay.js';
import { sameOrigin } from '../core/request-guard.js';
import type { Directory, OktaUser } from './directory.js';
import type { OrgLook } from './pages.js';
import { expiredPasswordPage, resetPasswordPage } from './password-pages.js';
import { checkNewPassword } from './password-policy.js';
import { type PasswordRecovery, RESET_PASSWORD_PATH } from './password-recovery.js';
import type { OktaSessions } from './sessions.js';
import { type SystemLog, userActor } from './syslog/log-store.js';

/** What a password change uses of an org (org1.ts and org2.ts pass themselves). */
export interface PasswordChangeOrg {
  readonly options: OrgLook & { clock: Clock };
  readonly directory: Directory;
  readonly sessions: OktaSessions;
  readonly recovery: PasswordRecovery;
  readonly log: SystemLog;
}

const text = (req: Request, name: string) => String(req.body?.[name] ?? '');

/** The new password is set: ACTIVE again, `user.account.update_password`, and a fresh session. */
function passwordChanged(org: PasswordChangeOrg, req: Request, res: Response, user: OktaUser, to: string) {
  org.directory.setPassword(user, text(req, 'newPassword'));
  org.log.record({
    eventType: 'user.account.update_password',
    displayMessage: 'User update password for Okta',
    actor: userActor(user),
    outcome: { result: 'SUCCESS', reason: null },
    target: [userActor(user)],
  });
  org.directory.recordLogin(user);
  org.sessions.start(req, res, { userId: user.id, authTime: org.options.clock.now() });
  res.redirect(303, to);
}

/** The user the expired-password form names, if its old password is right and it is expired. */
function expiredUser(org: PasswordChangeOrg, req: Request): OktaUser {
  const user = org.directory.find(text(req, 'username'));
  if (user?.status !== 'PASSWORD_EXPIRED' || user.password !== text(req, 'oldPassword')) {
    throw new FedsimError(
      'AUTH_INVALID_CREDENTIALS',
      'The old password is wrong, or the password is not expired',
      {
        expected: 'the password the user signed in with, of a PASSWORD_EXPIRED user',
      },
    );
  }
  return user;
}

/** The user a reset link is for, while they are still in RECOVERY (a deactivation voids the link). */
function recovering(org: PasswordChangeOrg, req: Request): { user: OktaUser; action: string; token: string } {
  const token = String(req.params.token);
  const user = org.directory.find(org.recovery.userOf(token));
  if (user?.status !== 'RECOVERY') {
    throw new FedsimError('AUTH_RECOVERY_TOKEN_INVALID', 'This password reset link is no longer valid', {
      expected: 'a user in RECOVERY',
      actual: user?.status,
    });
  }
  return { user, token, action: `${RESET_PASSWORD_PATH}/${encodeURIComponent(token)}` };
}

/**
 * The end-user side of Okta's password lifecycle: a PASSWORD_EXPIRED user who signed in with the
 * right password changes it (`POST /login/password-expired`: old password, new one twice); a
 * RECOVERY user opens the reset link an admin's reset gave (`/reset_password/{token}`) and sets a
 * new one. Either way the user is ACTIVE and signed in; a refused form is shown again with its code.
 */
export function passwordChangeRoutes(app: Express, org: PasswordChangeOrg): void {
  const { options } = org;
  app.post('/login/password-expired', sameOrigin, (req, res) => {
    const fromUri = safeRelay(text(req, 'fromURI'), '/app/UserHome');
    try {
      const user = expiredUser(org, req);
      checkNewPassword(user, text(req, 'newPassword'), text(req, 'confirmPassword'));
      passwordChanged(org, req, res, user, fromUri);
    } catch (raw) {
      const error = toFedsimError(raw);
      const page = expiredPasswordPage(options, { username: text(req, 'username'), fromUri, error });
      res.status(error.status).type('html').send(page);
    }
  });
  app.get(`${RESET_PASSWORD_PATH}/:token`, (req, res) => {
    const { user, action } = recovering(org, req);
    res.type('html').send(resetPasswordPage(options, { action, username: user.profile.login }));
  });
  app.post(`${RESET_PASSWORD_PATH}/:token`, sameOrigin, (req, res) => {
    const { user, action, token } = recovering(org, req);
    try {
      checkNewPassword(user, text(req, 'newPassword'), text(req, 'confirmPassword'));
    } catch (raw) {
      const error = toFedsimError(raw);
      const page = resetPasswordPage(options, { action, username: user.profile.login, error });
      res.status(error.status).type('html').send(page);
      return;
    }
    org.recovery.redeem(token);
    passwordChanged(org, req, res, user, '/app/UserHome');
  });
}
