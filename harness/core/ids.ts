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

export class SeededIds implements IdGenerator {
  #counter = 0;

  constructor(private readonly seed: string) {}

  #bytes(): Buffer {
    this.#counter += 1;
    return createHash('sha256').update(`${this.seed}:${this.#counter}`).digest();
  }

  #chars(alphabet: string, length: number): string {
    let out = '';
    while (out.length < length) {
      for (const b of this.#bytes()) {
        if (out.length === length) break;
        out += alphabet[b % alphabet.length];
      }
    }
    return out;
  }

  okta(prefix: string): string {
    return `${prefix}${this.#chars(BASE62, 17)}`;
  }

  saml(): string {
    return `id${this.#chars('0123456789', 25)}`;
  }

  token(length = 42): string {
    return this.#chars(`${BASE62}_-`, length);
  }

  uuid(): string {
    const h = this.#bytes().toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}
