import type { OktaProfile, OktaStatus, OktaUser, ProviderType } from '../directory.js';

/** A user as Okta's Users API returns it; the password never leaves the directory. */
export interface OktaUserJson {
  id: string;
  status: OktaStatus;
  created: string;
  activated: string | null;
  statusChanged: string | null;
  lastLogin: string | null;
  lastUpdated: string;
  passwordChanged: string | null;
  type: { id: string };
  profile: OktaProfile;
  credentials: { provider: { type: ProviderType; name: string } };
  _links: { self: { href: string } };
}

export interface SerializeContext {
  /** The org's origin, e.g. `http://127.0.0.1:4567`. */
  baseUrl: string;
  /** The org's default user type (`oty…`). */
  typeId: string;
}

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

export function serializeUser(user: OktaUser, ctx: SerializeContext): OktaUserJson {
  return {
    id: user.id,
    status: user.status,
    created: user.created.toISOString(),
    activated: iso(user.activated),
    statusChanged: iso(user.statusChanged),
    lastLogin: iso(user.lastLogin),
    lastUpdated: user.lastUpdated.toISOString(),
    passwordChanged: iso(user.passwordChanged),
    type: { id: ctx.typeId },
    profile: { mobilePhone: null, ...user.profile },
    // Okta names OKTA and FEDERATION providers after their type; a directory's name is the type too here.
    credentials: { provider: { type: user.provider, name: user.provider } },
    _links: { self: { href: `${ctx.baseUrl}/api/v1/users/${user.id}` } },
  };
}
