import { createHash } from 'node:crypto';

/**
 * Seeded id generation: the same seed yields the same ids, so scenario runs are reproducible.
 * Okta ids are a 3-character type prefix and 17 base62 characters (`00u…` users, `0oa…` apps).
 */
export interface IdGenerator {
  /** An Okta-style id with the given 3-character prefix. */
  okta(prefix: string): string;
  /** A SAML XML ID: `id` and 25 digits, as Okta emits them. */
  saml(): string;
  /** An opaque token of `length` url-safe characters. */
  token(length?: number): string;
  /** A UUID-shaped id (SCIM resources). */
  uuid(): string;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** A sha256 in hex cut into the UUID's groups (version 4, variant a); a replace yields a flat string. */
const UUID_GROUPS = /^(.{8})(.{4}).(.{3}).(.{3})(.{12}).*$/;

export class SeededIds implements IdGenerator {
  #counter = 0;

  constructor(private readonly seed: string) {}

  #bytes(): Buffer {
    this.#counter += 1;
    return createHash('sha256').update(`${this.seed}:${this.#counter}`).digest();
  }

  /**
   * `prefix` then `length` characters of `alphabet`, decoded from one buffer: a flat string
   * (appending a character at a time leaves a chain of rope nodes, ~270 bytes per kept id).
   */
  #chars(alphabet: string, length: number, prefix = ''): string {
    const out = Buffer.allocUnsafe(prefix.length + length);
    let at = out.write(prefix, 'latin1');
    while (at < out.length) {
      for (const b of this.#bytes()) {
        if (at === out.length) break;
        out[at++] = alphabet.charCodeAt(b % alphabet.length);
      }
    }
    return out.toString('latin1');
  }

  okta(prefix: string): string {
    return this.#chars(BASE62, 17, prefix);
  }

  saml(): string {
    return this.#chars('0123456789', 25, 'id');
  }

  token(length = 42): string {
    return this.#chars(`${BASE62}_-`, length);
  }

  uuid(): string {
    return this.#bytes().toString('hex').replace(UUID_GROUPS, '$1-$2-4$3-a$4-$5');
  }
}
