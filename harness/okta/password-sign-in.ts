import type { Request, Response } from 'express';
import type { Clock } from '../core/clock.js';
import { FedsimError } from '../core/errors.js';
import { errorMetas, sendError } from '../core/html.js';
import { safeRelay } from '../core/relay.js';
import type { Directory, OktaUser } from './directory.js';
import type { PasswordLockout } from './lockout.js';
import { type OrgLook, signInPage } from './pages.js';
import { expiredPasswordPage } from './password-pages.js';
import type { OktaSessions } from './sessions.js';
import { type SystemLog, userActor } from './syslog/log-store.js';

/** What a password sign-in uses of an org (org1.ts and org2.ts pass themselves). */
export interface PasswordOrg {
  readonly options: OrgLook & { clock: Clock };
  readonly directory: Directory;
  readonly sessions: OktaSessions;
  readonly lockout: PasswordLockout;
  readonly log: SystemLog;
}

/**
 * `user.session.start` for a password sign-in; a failure carries Okta's reason
 * (INVALID_CREDENTIALS, LOCKED_OUT, VERIFICATION_ERROR) and fedsim's code. See
 * docs/decisions/system-log.md.
 */
function logSignIn(org: PasswordOrg, user: OktaUser | undefined, reason?: string, code?: string): void {
  org.log.record({
    eventType: 'user.session.start',
    displayMessage: 'User login to Okta',
    actor: user
      ? userActor(user)
      : { id: 'unknown', type: 'User', alternateId: 'unknown', displayName: 'unknown' },
    outcome: reason === undefined ? { result: 'SUCCESS', reason: null } : { result: 'FAILURE', reason },
    debugData: code === undefined ? {} : { fedsimCode: code },
  });
}

function lockedOut(org: PasswordOrg, user: OktaUser): FedsimError {
  return new FedsimError(
    'AUTH_USER_LOCKED_OUT',
    `User ${user.profile.login} is LOCKED_OUT in ${org.options.name}`,
    {
      actual: user.status,
      hint: `An admin unlocks them: POST /api/v1/users/${user.id}/lifecycle/unlock`,
    },
  );
}

/**
 * `POST /login`: the password policy's lockout first (a locked-out user is refused whatever the
 * password), then the password, then the status; success starts a fresh session.
 */
export function passwordSignIn(org: PasswordOrg, req: Request, res: Response): void {
  const body: Record<string, string> = req.body ?? {};
  const user = org.directory.find(String(body.username ?? ''));
  const fromUri = safeRelay(body.fromURI, '/app/UserHome');
  const unable = (err?: FedsimError): void => {
    const page = signInPage(org.options, {
      fromUri,
      error: 'Unable to sign in',
      head: err && errorMetas(err),
    });
    res.status(401).type('html').send(page);
  };
  if (user?.status === 'LOCKED_OUT') {
    // Okta's default `showLockoutFailures: false`: the page does not say why; the code and log do.
    const err = lockedOut(org, user);
    logSignIn(org, user, 'LOCKED_OUT', err.code);
    unable(err);
    return;
  }
  if (!user || user.password === undefined || user.password !== body.password) {
    logSignIn(org, user, 'INVALID_CREDENTIALS', 'AUTH_INVALID_CREDENTIALS');
    if (user) org.lockout.failed(user);
    unable();
    return;
  }
  if (user.status === 'PASSWORD_EXPIRED') {
    // Okta's "Your password has expired": the right password leads to changing it, not in.
    res.type('html').send(expiredPasswordPage(org.options, { username: user.profile.login, fromUri }));
    return;
  }
  if (user.status !== 'ACTIVE') {
    const err = new FedsimError(
      'AUTH_USER_INACTIVE',
      `User ${user.profile.login} is ${user.status} in ${org.options.name}`,
      user.status === 'RECOVERY'
        ? {
            hint: 'An admin reset the password: open the reset link the Admin Console showed to set a new one.',
          }
        : {},
    );
    logSignIn(org, user, 'VERIFICATION_ERROR', err.code);
    sendError(res, err, org.options.name, org.options.color);
    return;
  }
  logSignIn(org, user);
  org.lockout.succeeded(user);
  org.directory.recordLogin(user);
  org.sessions.start(req, res, { userId: user.id, authTime: org.options.clock.now() });
  res.redirect(303, fromUri);
}
