import { createHash } from 'node:crypto';
import { type Clock, recordTime } from '../core/clock.js';
import type { SecretSource } from '../core/secrets.js';
import type { AdminRole } from './api/auth.js';
import { notFound } from './errors.js';

/** An org's API token as the console and Okta's API Tokens API show it: never its value. */
export interface ApiToken {
  id: string;
  name: string;
  /** The admin who created it (a user id), or undefined for the world's own tokens. */
  userId?: string;
  created: Date;
  lastUsed: Date | null;
  /** The value's last characters, to tell tokens apart (Okta's `tokenWindow`). */
  tokenWindow: string;
}

interface Stored extends ApiToken {
  /** The world's tokens have a fixed role; a created token acts with its owner's current one. */
  role?: AdminRole;
}

export interface ApiTokensOptions {
  clock: Clock;
  /** Where a created token's value comes from (the CSPRNG when serving). */
  secrets: SecretSource;
  /** The world's tokens (value → role), created with the org. */
  seed: ReadonlyMap<string, AdminRole>;
  /** The role a token's owner holds now: none once they are not an ACTIVE admin. */
  ownerRole: (userId: string) => AdminRole | undefined;
}

/** The world's tokens are named by role: the super admin's is the one org1's Org2Org pushes with. */
const SEED_NAMES: Readonly<Record<AdminRole, string>> = {
  SUPER_ADMIN: 'super admin',
  ORG_ADMIN: 'org admin',
  READ_ONLY_ADMIN: 'read-only',
};

const digest = (value: string) => createHash('sha256').update(value).digest('hex');

/** How many of a value's last characters are kept to show. */
const WINDOW = 4;

/**
 * An org's API tokens (Security → API → Tokens). Only a SHA-256 digest of each value is kept: the
 * value is shown once, when it is created. A token acts with its creator's admin role as it is at
 * the time of the call, and is refused once its creator is no longer an active admin
 * (help.okta.com "Manage Okta API tokens"). A revoked token is gone: 401 E0000011.
 */
export class ApiTokens {
  readonly #byDigest = new Map<string, Stored>();

  constructor(private readonly options: ApiTokensOptions) {
    for (const [value, role] of options.seed) {
      this.#add(value, { name: `fedsim ${SEED_NAMES[role]} token`, role, created: options.clock.now() });
    }
  }

  /** The role a presented token acts with, or undefined for an unknown or revoked one; records its use. */
  get(value: string): AdminRole | undefined {
    const token = this.#byDigest.get(digest(value));
    if (!token) return undefined;
    const role = token.userId === undefined ? token.role : this.options.ownerRole(token.userId);
    if (role) token.lastUsed = recordTime(this.options.clock);
    return role;
  }

  /** A new token of `userId`, named `name`: the only time its value is seen. */
  create(name: string, userId: string): { token: ApiToken; value: string } {
    const value = `00${this.options.secrets.token(40)}`;
    const token = this.#add(value, { name, userId, created: recordTime(this.options.clock) });
    return { token: { ...token }, value };
  }

  /** Tokens, oldest first. */
  list(): ApiToken[] {
    return [...this.#byDigest.values()].map(({ role: _role, ...token }) => ({ ...token }));
  }

  /** The role a listed token acts with now (undefined: its owner no longer may). */
  roleOf(id: string): AdminRole | undefined {
    const token = this.#find(id);
    return token.userId === undefined ? token.role : this.options.ownerRole(token.userId);
  }

  revoke(id: string): ApiToken {
    const token = this.#find(id);
    for (const [key, stored] of this.#byDigest) if (stored === token) this.#byDigest.delete(key);
    return { ...token };
  }

  #find(id: string): Stored {
    const token = [...this.#byDigest.values()].find((t) => t.id === id);
    if (!token) throw notFound(id, 'ApiToken');
    return token;
  }

  #add(value: string, fields: Pick<Stored, 'name' | 'userId' | 'role' | 'created'>): Stored {
    const hash = digest(value);
    // Okta's token ids start with 00T; this one is derived from the digest, so no id is drawn.
    const token: Stored = {
      id: `00T${hash.slice(0, 17)}`,
      lastUsed: null,
      tokenWindow: value.slice(-WINDOW),
      ...fields,
    };
    this.#byDigest.set(hash, token);
    return token;
  }
}

/** What an org gives its tokens: the world's tokens, and who its active admins are. */
export interface TokensOwnerOrg {
  readonly options: { clock: Clock; secrets: SecretSource; tokens: ReadonlyMap<string, AdminRole> };
  readonly directory: { find(id: string): { status: string } | undefined };
  readonly admins: { roleOf(userId: string): AdminRole | undefined };
}

/** An org's API tokens: the world's, and those its admins create (acting while the admin is ACTIVE). */
export function orgApiTokens(org: TokensOwnerOrg): ApiTokens {
  const { clock, secrets, tokens } = org.options;
  return new ApiTokens({
    clock,
    secrets,
    seed: tokens,
    ownerRole: (id) => (org.directory.find(id)?.status === 'ACTIVE' ? org.admins.roleOf(id) : undefined),
  });
}
