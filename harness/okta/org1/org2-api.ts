import { type ErrorCode, FedsimError, isErrorCode } from '../../core/errors.js';
import type { HttpFetch, HttpResponse } from '../../core/http.js';
import { type RateLimitGate, readRateLimit } from '../../provisioning/rate-gate.js';
import { serverWaitMs, withOutcome } from '../../provisioning/retry.js';
import type { Scheduler } from '../../provisioning/scheduler.js';

/** The parts of an org2 user the connector reads. */
export interface RemoteUser {
  id: string;
  status: string;
  profile: { login: string };
}

export interface Org2ApiOptions {
  fetch: HttpFetch;
  baseUrl: string;
  token: string;
  scheduler: Scheduler;
  /** Wraps each HTTP call: the task's retry loop. */
  call: <T>(fn: () => Promise<T>) => Promise<T>;
  /** org2's rate limit as the connector learns it from each answer: a call waits while none is left. */
  gate: RateLimitGate;
}

type Json = Record<string, unknown>;
type GroupProfile = { name: string; description: string };

/** org2's Okta Users and Groups APIs as org1's Org2Org connector calls them: SSWS token, Okta error bodies. */
export class Org2Api {
  constructor(private readonly options: Org2ApiOptions) {}

  /** By id or login; undefined when org2 answers 404. */
  get(idOrLogin: string): Promise<RemoteUser | undefined> {
    return this.#request('GET', `/api/v1/users/${encodeURIComponent(idOrLogin)}`, undefined, true);
  }

  /** One page of one user: whether org2 accepts the token (the app's "Test API Credentials"). */
  async verify(): Promise<void> {
    await this.#request('GET', '/api/v1/users?limit=1');
  }

  /** `activate` false creates a STAGED user; a password goes in `credentials.password`. */
  async create(profile: Json, options: { activate: boolean; password?: string }): Promise<RemoteUser> {
    const credentials =
      options.password === undefined ? {} : { credentials: { password: { value: options.password } } };
    const path = `/api/v1/users?activate=${options.activate}`;
    return (await this.#request('POST', path, { profile, ...credentials })) as RemoteUser;
  }

  async update(id: string, profile: Json): Promise<void> {
    await this.#request('POST', `/api/v1/users/${id}`, { profile });
  }

  async lifecycle(id: string, action: 'activate' | 'deactivate'): Promise<void> {
    const query = action === 'activate' ? '?sendEmail=false' : '';
    await this.#request('POST', `/api/v1/users/${id}/lifecycle/${action}${query}`);
  }

  /** POST /api/v1/groups (Org2Org's group push); an existing name is 400 E0000001. */
  async createGroup(profile: GroupProfile): Promise<{ id: string }> {
    return (await this.#request('POST', '/api/v1/groups', { profile })) as { id: string };
  }

  /** PUT /api/v1/groups/{id}: a pushed group renamed in org1. */
  async replaceGroup(id: string, profile: GroupProfile): Promise<void> {
    await this.#request('PUT', `/api/v1/groups/${id}`, { profile });
  }

  async deleteGroup(id: string): Promise<void> {
    await this.#request('DELETE', `/api/v1/groups/${id}`);
  }

  /** PUT (add) or DELETE (remove) /api/v1/groups/{groupId}/users/{userId}. */
  async membership(groupId: string, userId: string, add: boolean): Promise<void> {
    await this.#request(add ? 'PUT' : 'DELETE', `/api/v1/groups/${groupId}/users/${userId}`);
  }

  #request<T>(method: string, path: string, body?: unknown, absentOn404 = false): Promise<T | undefined> {
    return this.options.call(async () => {
      const res = await this.#sendWithinLimit(method, path, body);
      if (absentOn404 && res.status === 404) return undefined;
      const text = await res.text();
      const json = parse(text);
      if (!res.ok) throw this.#failure(method, path, res, json ?? { errorSummary: text });
      if (json === undefined && text) {
        throw new FedsimError('PROVISIONING_FAILED', `org2 answered ${method} ${path} with a non-JSON body`, {
          actual: text.slice(0, 200),
        });
      }
      return (json ?? {}) as T;
    });
  }

  /** Every call passes the gate, and tells it what the answer said about org2's limit (or that none came). */
  async #sendWithinLimit(method: string, path: string, body: unknown): Promise<HttpResponse> {
    const { gate, scheduler } = this.options;
    await gate.ready();
    let res: HttpResponse | undefined;
    try {
      res = await this.#send(method, path, body);
      return res;
    } finally {
      gate.answered(res && readRateLimit(res.status, res.headers, scheduler.now().getTime()));
    }
  }

  async #send(method: string, path: string, body: unknown): Promise<HttpResponse> {
    try {
      return await this.options.fetch(`${this.options.baseUrl}${path}`, {
        method,
        headers: {
          Authorization: `SSWS ${this.options.token}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      // fedsim's own refusals (an outbound URL) are not transport failures: never retried.
      if (err instanceof FedsimError) throw err;
      const cause = err instanceof Error && err.cause instanceof Error ? ` (${err.cause.message})` : '';
      const reason = err instanceof Error ? err.message : String(err);
      const failure = new FedsimError(
        'HTTP_FAILED',
        `org2 did not answer ${method} ${path}: ${reason}${cause}`,
        {
          cause: err,
          hint: 'The connection was refused, reset or dropped; the connector retries with back-off.',
        },
      );
      throw withOutcome(failure, {});
    }
  }

  #failure(method: string, path: string, res: HttpResponse, json: Json): FedsimError {
    const okta = `OKTA_${String(json.errorCode)}`;
    const code: ErrorCode = isErrorCode(okta) ? okta : 'PROVISIONING_FAILED';
    const causes = Array.isArray(json.errorCauses)
      ? json.errorCauses.map((c: { errorSummary?: string }) => c.errorSummary)
      : [];
    const summary = `${String(json.errorSummary ?? res.statusText)}${causes.length ? ` (${causes.join('; ')})` : ''}`;
    const failure = new FedsimError(code, `org2 answered ${res.status} to ${method} ${path}: ${summary}`, {
      actual: json,
    });
    const waitMs = serverWaitMs(res.headers, this.options.scheduler.now().getTime());
    return withOutcome(failure, { status: res.status, ...(waitMs === undefined ? {} : { waitMs }) });
  }
}

function parse(text: string): Json | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}
