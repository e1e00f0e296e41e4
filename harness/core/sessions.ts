import type { Request, Response } from 'express';
import type { SecretSource } from './secrets.js';

/** Reads one cookie from a request's Cookie header. */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/**
 * Server-side browser sessions of one party, keyed by an opaque cookie value. Cookie names must
 * differ per party: browsers share cookies across the ports of one host.
 */
export class SessionStore<T> {
  readonly #sessions = new Map<string, T>();
  /** Oldest sessions are forgotten past this many, so a long `serve` run stays bounded. */
  static readonly MAX = 10_000;

  constructor(
    readonly cookieName: string,
    private readonly secrets: SecretSource,
  ) {}

  get(req: Request): T | undefined {
    const sid = readCookie(req, this.cookieName);
    return sid ? this.#sessions.get(sid) : undefined;
  }

  /**
   * Starts a session under a fresh id and forgets the one the browser carried, if any: an id
   * planted in the browser before a sign-in never becomes the signed-in session (fixation).
   */
  start(req: Request, res: Response, data: T): void {
    const old = readCookie(req, this.cookieName);
    if (old) this.#sessions.delete(old);
    const sid = this.secrets.token(32);
    if (this.#sessions.size >= SessionStore.MAX)
      this.#sessions.delete(this.#sessions.keys().next().value as string);
    this.#sessions.set(sid, data);
    res.cookie(this.cookieName, sid, { httpOnly: true, path: '/', sameSite: 'lax' });
  }

  /** Replaces the data of the session this request carries, or starts one. */
  set(req: Request, res: Response, data: T): void {
    const sid = readCookie(req, this.cookieName);
    if (sid && this.#sessions.has(sid)) this.#sessions.set(sid, data);
    else this.start(req, res, data);
  }

  end(req: Request, res: Response): void {
    const sid = readCookie(req, this.cookieName);
    if (sid) this.#sessions.delete(sid);
    res.clearCookie(this.cookieName, { path: '/' });
  }

  /** Drops every session matching the predicate (a deactivated user loses their sessions). */
  revoke(predicate: (data: T) => boolean): void {
    for (const [sid, data] of this.#sessions) if (predicate(data)) this.#sessions.delete(sid);
  }
}
