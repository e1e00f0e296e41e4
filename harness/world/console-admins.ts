import type { SecretSource } from '../core/secrets.js';
import type { World } from './world.js';

/** An org's Admin Console sign-in, as `fedsim serve --json` prints it under `admins`. */
export interface ConsoleAdmin {
  org: 'org1' | 'org2';
  login: string;
  password: string;
  /** The console's address. */
  url: string;
}

/** Length of a generated admin password (URL-safe characters, 6 bits each). */
const PASSWORD_LENGTH = 20;

/**
 * Gives each Okta org a Super Admin who signs in to its Admin Console with a password (an org
 * always has one; fedsim's scenarios need none, so only `serve` and console tests add them).
 * Passwords come from `secrets`: the CSPRNG, or the seed with `--fixed-tokens`.
 */
export function addConsoleAdmins(world: World, secrets: SecretSource): ConsoleAdmin[] {
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
