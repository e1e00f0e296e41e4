import type { Request } from 'express';
import type { IdGenerator } from '../core/ids.js';
import { SessionStore } from '../core/sessions.js';
import type { Directory, OktaUser } from './directory.js';

/** An Okta org's browser sessions, each naming a user of the org's directory. */
export class OktaSessions extends SessionStore<{ userId: string }> {
  constructor(
    cookieName: string,
    ids: IdGenerator,
    private readonly directory: Directory,
  ) {
    super(cookieName, ids);
  }

  /** The user of this browser's session while ACTIVE: a deactivated or suspended user is signed out. */
  user(req: Request): OktaUser | undefined {
    const session = this.get(req);
    const user = session ? this.directory.find(session.userId) : undefined;
    return user?.status === 'ACTIVE' ? user : undefined;
  }
}
