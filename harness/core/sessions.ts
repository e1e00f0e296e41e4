import type { Request, Response } from 'express';
import type { IdGenerator } from './ids.js';

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
    private readonly ids: IdGenerator,
  ) {}

  get(req: Request): T | undefined {
    const sid = readCookie(req, this.cookieName);
    return sid ? this.#sessions.get(sid) : undefined;
  }

  start(res: Response, data: T): void {
    const sid = this.ids.token(32);
    if (this.#sessions.size >= SessionStore.MAX)
      this.#sessions.delete(this.#sessions.keys().next().value as string);
    this.#sessions.set(sid, data);
    res.cookie(this.cookieName, sid, { httpOnly: true, path: '/', sameSite: 'lax' });
  }

  /** Replaces the data of the session this request carries, or starts one. */
  set(req: Request, res: Response, data: T): void {
    const sid = readCookie(req, this.cookieName);
    if (sid && this.#sessions.has(sid)) this.#sessions.set(sid, data);
    else this.start(res, data);
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
