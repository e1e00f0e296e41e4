import type { Request } from 'express';
import type { SecretSource } from '../core/secrets.js';
import { SessionStore } from '../core/sessions.js';
import type { Directory, OktaUser } from './directory.js';

/** One browser's sign-in at an Okta org: who, and when they authenticated. */
export interface OktaSession {
  userId: string;
  /** The sign-in (password, or through an IdP): the AuthnInstant of every assertion the org issues. */
  authTime: Date;
}

/** An Okta org's browser sessions, each naming a user of the org's directory. */
export class OktaSessions extends SessionStore<OktaSession> {
  constructor(
    cookieName: string,
    secrets: SecretSource,
    private readonly directory: Directory,
  ) {
    super(cookieName, secrets);
  }

  /** The user of this browser's session while ACTIVE: a deactivated or suspended user is signed out. */
  user(req: Request): OktaUser | undefined {
    const session = this.get(req);
    const user = session ? this.directory.find(session.userId) : undefined;
    return user?.status === 'ACTIVE' ? user : undefined;
  }

  /** When this browser's user signed in. */
  authTime(req: Request): Date | undefined {
    return this.get(req)?.authTime;
  }
}
