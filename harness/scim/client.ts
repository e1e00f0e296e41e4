import { z } from 'zod';
import type { HttpFetch, HttpResponse } from '../core/http.js';
import { outcomeOf } from '../provisioning/retry.js';
import { type ScimAuthScheme, scimAuthHeader } from './auth.js';
import { scimAnswer, scimFailure, transportFailure } from './client-answer.js';
import { USER_SCHEMA } from './resource.js';

/**
 * org2's To-App provisioning, speaking SCIM 2.0 the way Okta's client does: the first push looks
 * up by userName and creates if absent; later pushes GET and PUT the full resource at the id kept
 * from then (a userName change renames); deactivate with PATCH, never DELETE.
 */
export interface OktaScimClientOptions {
  /** The app's SCIM base URL, ending in /scim/v2. */
  baseUrl: string;
  /** The bearer token, or `user:password` under basic auth. */
  token: string;
  /** How the token is sent (default: `Authorization: Bearer`; Okta's "HTTP Header" and "Basic Auth" modes). */
  authScheme?: ScimAuthScheme;
  /** How profile updates are sent (the app's setting): GET then PUT of the whole resource, or one PATCH. */
  updateMethod?: ScimUpdateMethod;
  fetch: HttpFetch;
  /**
   * Wraps each HTTP call, e.g. a provisioning task's retry loop. Failures carry their outcome
   * (status, the wait a 429 asks for, or none for a dropped connection) for it to decide on.
   */
  call?: <T>(fn: () => Promise<T>) => Promise<T>;
  /** The client's clock, for a 429 without a Date header (none: such a 429 gets the back-off). */
  now?: () => number;
}

export interface ProvisionedUser {
  userName: string;
  givenName: string;
  familyName: string;
  email: string;
  externalId?: string;
}

export const SCIM_UPDATE_METHODS = ['PUT', 'PATCH'] as const;
export type ScimUpdateMethod = (typeof SCIM_UPDATE_METHODS)[number];

export const OKTA_SCIM_USER_AGENT = 'Okta SCIM Client 1.0.0';
export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** The headers Okta's SCIM client sends besides the credential. */
export function oktaScimHeaders(withBody: boolean): Record<string, string> {
  return {
    'User-Agent': OKTA_SCIM_USER_AGENT,
    Accept: 'application/scim+json',
    ...(withBody ? { 'Content-Type': 'application/scim+json; charset=utf-8' } : {}),
  };
}

/** The parts of a User the client relies on; everything else is kept and sent back on PUT. */
const remoteUser = z.looseObject({ id: z.string(), userName: z.string() });
export type RemoteUser = z.infer<typeof remoteUser>;
const userList = z.looseObject({ totalResults: z.number(), Resources: z.array(remoteUser).optional() });

/** The attributes Okta maps onto the app user; an absent externalId leaves the remote one alone. */
function profileFields(user: ProvisionedUser): Record<string, unknown> {
  return {
    userName: user.userName,
    name: { givenName: user.givenName, familyName: user.familyName },
    emails: [{ primary: true, value: user.email, type: 'work' }],
    displayName: `${user.givenName} ${user.familyName}`,
    ...(user.externalId === undefined ? {} : { externalId: user.externalId }),
  };
}

function sameUserName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export class OktaScimClient {
  constructor(private readonly options: OktaScimClientOptions) {}

  async findByUserName(userName: string): Promise<RemoteUser | undefined> {
    // A SCIM filter string literal is a JSON string, so JSON.stringify escapes quotes correctly.
    const filter = encodeURIComponent(`userName eq ${JSON.stringify(userName)}`);
    const list = await this.#request('GET', `/Users?filter=${filter}&startIndex=1&count=100`, userList);
    // Only an exact (case-insensitive) match links: a server that ignores the filter must not link a stranger.
    return list.Resources?.find((u) => sameUserName(u.userName, userName));
  }

  async create(user: ProvisionedUser): Promise<RemoteUser> {
    const body = { schemas: [USER_SCHEMA], ...profileFields(user), active: true };
    return this.#request('POST', '/Users', remoteUser, body);
  }

  /**
   * PUT (default): Okta reads the resource and writes it back whole with its own fields changed.
   * PATCH: one `replace` of its own fields (docs/decisions/external-saml-apps.md).
   */
  async update(id: string, user: ProvisionedUser): Promise<RemoteUser> {
    const path = `/Users/${encodeURIComponent(id)}`;
    if (this.options.updateMethod === 'PATCH') {
      const body = { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', value: profileFields(user) }] };
      const patched = await this.#request('PATCH', path, z.unknown(), body);
      // A 204 (no body) keeps the id it was sent to.
      return remoteUser.safeParse(patched).data ?? { id, userName: user.userName };
    }
    const current = await this.#request('GET', path, remoteUser);
    return this.#request('PUT', path, remoteUser, { ...current, ...profileFields(user) });
  }

  /**
   * Creates or updates the user; returns the SCIM id to keep. With `knownId` (the app user's
   * externalId) that id is updated, so a new userName renames the user; when the app answers 404
   * there, the user is matched by userName again, else created unless `create` is off (then
   * undefined). See docs/decisions/scim-updates-by-kept-id.md.
   */
  async push(user: ProvisionedUser, knownId?: string, create = true): Promise<string | undefined> {
    if (knownId !== undefined) {
      try {
        return (await this.update(knownId, user)).id;
      } catch (err) {
        if (outcomeOf(err)?.status !== 404) throw err;
      }
    }
    const existing = await this.findByUserName(user.userName);
    if (existing) return (await this.update(existing.id, user)).id;
    return create ? (await this.create(user)).id : undefined;
  }

  /** Unassigning deactivates (active:false); Okta never deletes downstream users. */
  async setActive(id: string, active: boolean): Promise<void> {
    const body = { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', value: { active } }] };
    // Okta accepts either 200 with the User or 204, so the body is not read.
    await this.#request('PATCH', `/Users/${encodeURIComponent(id)}`, z.unknown(), body);
  }

  #request<T>(method: string, path: string, expected: z.ZodType<T>, body?: object): Promise<T> {
    const url = `${this.options.baseUrl.replace(/\/+$/, '')}${path}`;
    const init = { method, headers: this.#headers(body !== undefined), body: body && JSON.stringify(body) };
    const once = async () => {
      const response = await this.#fetch(method, url, init);
      if (!response.ok) throw await scimFailure(method, url, response, this.options.now?.());
      return scimAnswer(method, url, response, expected);
    };
    return this.options.call ? this.options.call(once) : once();
  }

  #headers(withBody: boolean): Record<string, string> {
    const { token, authScheme = 'bearer' } = this.options;
    const [authName, authValue] = scimAuthHeader({ scheme: authScheme, token });
    return { ...oktaScimHeaders(withBody), [authName]: authValue };
  }

  /** Transport failures become provisioning failures too, unless fedsim itself refused the request. */
  async #fetch(method: string, url: string, init: RequestInit): Promise<HttpResponse> {
    try {
      return await this.options.fetch(url, init);
    } catch (err) {
      throw transportFailure(method, url, err);
    }
  }
}
