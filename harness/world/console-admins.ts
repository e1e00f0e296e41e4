import type { SecretSource } from '../core/secrets.js';
import type { World } from './world.js';

/** An admin console sign-in (an Okta org's, or Dropbox's team admin), as `fedsim serve --json` prints it under `admins`. */
export interface ConsoleAdmin {
  org: 'org1' | 'org2' | 'dropbox';
  login: string;
  password: string;
  /** The console's address. */
  url: string;
}

/** Length of a generated admin password (URL-safe characters, 6 bits each). */
const PASSWORD_LENGTH = 20;

/** Dropbox's team admin: email and password for Dropbox's own admin sign-in (members use SSO). */
export const DROPBOX_ADMIN_LOGIN = 'admin@dropbox.example';

/**
 * Gives each Okta org a Super Admin who signs in to its Admin Console with a password (an org
 * always has one; fedsim's scenarios need none, so only `serve` and console tests add them).
 * Dropbox gets a team admin too. Passwords come from `secrets`: the CSPRNG, or the seed with `--fixed-tokens`.
 */
export function addConsoleAdmins(world: World, secrets: SecretSource): ConsoleAdmin[] {
  const password = secrets.token(PASSWORD_LENGTH);
  world.dropbox.admins.add(DROPBOX_ADMIN_LOGIN, password);
  const dropbox: ConsoleAdmin = {
    org: 'dropbox',
    login: DROPBOX_ADMIN_LOGIN,
    password,
    url: `${world.dropbox.url}/admin`,
  };
  return [...oktaAdmins(world, secrets), dropbox];
}

function oktaAdmins(world: World, secrets: SecretSource): ConsoleAdmin[] {
  return (['org1', 'org2'] as const).map((org) => {
    const party = world[org];
    const login = `admin@${org}.example`;
    const password = secrets.token(PASSWORD_LENGTH);
    const existing = party.directory.find(login);
    const user =
      existing ??
      party.directory.create(
        { login, email: login, firstName: org, lastName: 'Admin' },
        { password, activate: true },
      );
    party.admins.add(user.id, 'SUPER_ADMIN');
    return {
      org,
      login,
      password: existing ? (existing.password ?? '') : password,
      url: `${party.url}/admin`,
    };
  });
}
