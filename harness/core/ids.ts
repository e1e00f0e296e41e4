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
    const h = this.#bytes().toString('hex');
    // Joined: one flat string (a template or a replace leaves a rope of its parts).
    return [
      h.slice(0, 8),
      h.slice(8, 12),
      `4${h.slice(13, 16)}`,
      `a${h.slice(17, 20)}`,
      h.slice(20, 32),
    ].join('-');
  }
}
