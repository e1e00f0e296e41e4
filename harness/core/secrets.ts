import { randomBytes } from 'node:crypto';

/**
 * Where secrets come from: session ids, API and SCIM tokens. The seeded ids satisfy it too (a
 * scenario's tokens stay reproducible); session ids, and `serve`'s tokens, come from the CSPRNG:
 * a secret must not be predictable from another one or from the seed.
 */
export interface SecretSource {
  /** An opaque secret of `length` url-safe characters. */
  token(length?: number): string;
}

/** 64 symbols: each random byte's low 6 bits pick one without bias (6 bits of entropy a character). */
const URL_SAFE = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-';

/** Secrets from `crypto.randomBytes`: never the same twice, never derivable from one another. */
export const randomSecrets: SecretSource = {
  token(length = 42) {
    let out = '';
    for (const b of randomBytes(length)) out += URL_SAFE[b & 63];
    return out;
  },
};
