import express from 'express';
import request, { type Response } from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../harness/core/clock.js';
import { SeededIds } from '../../harness/core/ids.js';
import { createUsersRouter } from '../../harness/okta/api/users.js';
import { Directory, type OktaUser } from '../../harness/okta/directory.js';
import { expectOktaError } from './api-helpers.js';

const BASE = 'http://127.0.0.1:4567';
const T0 = '2026-01-15T09:00:00.000Z';
const SUPER = 'super-admin-token';
const READ_ONLY = 'read-only-token';
const SESSION_COOKIE = 'sid=sarah-session';

let clock: FixedClock;
let directory: Directory;
let app: express.Express;
let sessionUser: OktaUser | undefined;
let sessionThrows = false;

beforeEach(() => {
  clock = new FixedClock('2026-01-15T09:00:00Z');
  directory = new Directory(clock, new SeededIds('t'));
  sessionUser = undefined;
  sessionThrows = false;
  app = express();
  app.use(
    '/api/v1',
    createUsersRouter({
      directory,
      tokens: new Map([
        [SUPER, 'SUPER_ADMIN'],
        [READ_ONLY, 'READ_ONLY_ADMIN'],
      ]),
      ids: new SeededIds('api'),
      baseUrl: () => BASE,
      sessionUser: (req) => {
        if (sessionThrows) throw new Error('session store unavailable');
        return req.get('cookie') === SESSION_COOKIE ? sessionUser : undefined;
      },
    }),
  );
});

interface CallOptions {
  token?: string | null;
  body?: unknown;
  raw?: string;
  contentType?: string;
  cookie?: string;
}

const requestIds: string[] = [];

/** Every call goes through here, so every response is checked for Okta's headers. */
async function call(method: 'get' | 'post' | 'put' | 'delete', path: string, opts: CallOptions = {}) {
  let req = request(app)[method](path);
  const token = opts.token === undefined ? SUPER : opts.token;
  if (token !== null) req = req.set('Authorization', `SSWS ${token}`);
  if (opts.cookie) req = req.set('Cookie', opts.cookie);
  if (opts.raw !== undefined)
    req = req.set('Content-Type', opts.contentType ?? 'application/json').send(opts.raw);
  else if (opts.body !== undefined) req = req.send(opts.body as object);
  const res = await req;
  expect(res.headers['x-okta-request-id']).toMatch(/^[0-9A-Za-z_-]{20}$/);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  requestIds.push(res.headers['x-okta-request-id'] as string);
  return res;
}

function profile(name: string, extra: Record<string, unknown> = {}) {
  return {
    login: `${name}@org2.example`,
    email: `${name}@org2.example`,
    firstName: name.charAt(0).toUpperCase() + name.slice(1),
    lastName: 'Tester',
    ...extra,
  };
}

async function create(name: string, query = '', credentials?: unknown): Promise<string> {
  const res = await call('post', `/api/v1/users${query}`, { body: { profile: profile(name), credentials } });
  expect(res.status).toBe(200);
  return res.body.id as string;
}

const withPassword = { password: { value: 'Corr3ct-Horse' } };
const statusOf = (id: string) => directory.get(id).status;
const logins = (res: Response) => (res.body as { profile: { login: string } }[]).map((u) => u.profile.login);

describe('POST /api/v1/users', () => {
  it('creates an ACTIVE user from a password, in Okta’s JSON shape and without the password', async () => {
    const res = await call('post', '/api/v1/users?activate=true', {
      body: { profile: profile('sarah'), credentials: withPassword },
    });
    expect(res.status).toBe(200);
    const id = res.body.id as string;
    expect(id).toMatch(/^00u[0-9A-Za-z]{17}$/);
    expect(res.body).toEqual({
      id,
      status: 'ACTIVE',
      created: T0,
      activated: T0,
      statusChanged: T0,
      lastLogin: null,
      lastUpdated: T0,
      passwordChanged: T0,
      type: { id: expect.stringMatching(/^oty[0-9A-Za-z]{17}$/) },
      profile: { ...profile('sarah'), mobilePhone: null },
      credentials: { provider: { type: 'OKTA', name: 'OKTA' } },
      _links: { self: { href: `${BASE}/api/v1/users/${id}` } },
    });
    expect(JSON.stringify(res.body)).not.toContain('Corr3ct-Horse');
  });

  it('creates PROVISIONED without a password and STAGED with activate=false', async () => {
    const provisioned = await call('post', '/api/v1/users', { body: { profile: profile('paul') } });
    expect(provisioned.body).toMatchObject({ status: 'PROVISIONED', activated: T0, passwordChanged: null });
    const staged = await call('post', '/api/v1/users?activate=false', {
      body: { profile: profile('stan'), credentials: withPassword },
    });
    expect(staged.body).toMatchObject({ status: 'STAGED', activated: null, statusChanged: null });
  });

  it('creates an ACTIVE federated user with provider=true', async () => {
    const res = await call('post', '/api/v1/users?activate=true&provider=true', {
      body: {
        profile: profile('fred'),
        credentials: { provider: { type: 'FEDERATION', name: 'FEDERATION' } },
      },
    });
    expect(res.body.status).toBe('ACTIVE');
    expect(res.body.credentials).toEqual({ provider: { type: 'FEDERATION', name: 'FEDERATION' } });
    expect(directory.get('fred@org2.example').provider).toBe('FEDERATION');
  });

  it('rejects provider=true without a provider, and a password for a federated user', async () => {
    const missing = await call('post', '/api/v1/users?provider=true', { body: { profile: profile('fred') } });
    expectOktaError(missing, 400, 'E0000001', 'Api validation failed: credentials.provider', [
      'credentials.provider: The field is required when provider=true',
    ]);
    const both = await call('post', '/api/v1/users', {
      body: { profile: profile('fred'), credentials: { ...withPassword, provider: { type: 'FEDERATION' } } },
    });
    expectOktaError(both, 400, 'E0000001', 'Api validation failed: credentials.password', [
      'credentials.password: A user with a FEDERATION provider cannot have a password',
    ]);
    expect(directory.all()).toEqual([]);
  });

  it('rejects a duplicate login, whatever its case, with Okta’s cause', async () => {
    await create('sarah');
    const res = await call('post', '/api/v1/users', {
      body: { profile: profile('sarah', { login: 'SARAH@org2.example' }) },
    });
    expectOktaError(res, 400, 'E0000001', 'Api validation failed: login', [
      'login: An object with this field already exists in the current organization',
    ]);
    expect(directory.all()).toHaveLength(1);
  });

  it('rejects an invalid profile with one cause per field', async () => {
    const res = await call('post', '/api/v1/users', {
      body: { profile: { login: 'abc', firstName: 'A', lastName: 'B' } },
    });
    expectOktaError(res, 400, 'E0000001', 'Api validation failed: login, email', [
      'login: The field must be between 5 and 100 characters',
      'email: The field cannot be left blank',
    ]);
  });

  it('rejects a body without a profile or with a bad provider type', async () => {
    const noProfile = await call('post', '/api/v1/users', { body: { credentials: withPassword } });
    expectOktaError(noProfile, 400, 'E0000001', 'Api validation failed: profile', [
      'profile: Invalid input: expected record, received undefined',
    ]);
    const badProvider = await call('post', '/api/v1/users', {
      body: { profile: profile('sarah'), credentials: { provider: { type: 'GOOGLE' } } },
    });
    expect(badProvider.body.errorCode).toBe('E0000001');
    expect(badProvider.body.errorSummary).toBe('Api validation failed: credentials.provider.type');
  });

  it('rejects an activate flag that is not true or false', async () => {
    const res = await call('post', '/api/v1/users?activate=yes', { body: { profile: profile('sarah') } });
    expectOktaError(res, 400, 'E0000001', 'Api validation failed: activate', [
      'activate: The value must be true or false',
    ]);
  });
});

describe('GET /api/v1/users/{id|login}', () => {
  it('finds a user by id and by login, case-insensitively', async () => {
    const id = await create('sarah', '', withPassword);
    const byId = await call('get', `/api/v1/users/${id}`);
    expect(byId.status).toBe(200);
    expect(byId.body.profile.login).toBe('sarah@org2.example');
    const byLogin = await call('get', '/api/v1/users/Sarah@Org2.example');
    expect(byLogin.body.id).toBe(id);
  });

  it('answers 404 E0000007 for an unknown user', async () => {
    const res = await call('get', '/api/v1/users/00uNOPE');
    expectOktaError(res, 404, 'E0000007', 'Not found: Resource not found: 00uNOPE (User)');
  });
});

describe('GET /api/v1/users', () => {
  async function world(): Promise<Record<string, string>> {
    const ids = {
      ann: await create('ann', '', withPassword),
      bob: await create('bob'),
      cat: await create('cat', '?activate=false'),
      dan: await create('dan', '', withPassword),
    };
    directory.deactivate(ids.dan);
    return ids;
  }

  it('lists users in creation order, without DEPROVISIONED ones, as a bare array', async () => {
    await world();
    const res = await call('get', '/api/v1/users');
    expect(res.status).toBe(200);
    expect(logins(res)).toEqual(['ann@org2.example', 'bob@org2.example', 'cat@org2.example']);
    expect(res.headers.link).toBe(`<${BASE}/api/v1/users>; rel="self"`);
  });

  it('filters by login, id and status; a status filter can return DEPROVISIONED users', async () => {
    const ids = await world();
    const byLogin = await call(
      'get',
      `/api/v1/users?filter=${encodeURIComponent('profile.login eq "bob@org2.example"')}`,
    );
    expect(byLogin.body.map((u: { id: string }) => u.id)).toEqual([ids.bob]);
    const byId = await call('get', `/api/v1/users?filter=${encodeURIComponent(`id eq "${ids.cat}"`)}`);
    expect(logins(byId)).toEqual(['cat@org2.example']);
    const deprovisioned = await call(
      'get',
      `/api/v1/users?filter=${encodeURIComponent('status eq "DEPROVISIONED"')}`,
    );
    expect(logins(deprovisioned)).toEqual(['dan@org2.example']);
  });

  it('combines terms with and/or, with and without parentheses', async () => {
    await world();
    const query = async (expr: string) =>
      logins(await call('get', `/api/v1/users?filter=${encodeURIComponent(expr)}`));
    expect(await query('status eq "ACTIVE" or status eq "STAGED"')).toEqual([
      'ann@org2.example',
      'cat@org2.example',
    ]);
    expect(await query('status eq "ACTIVE" and profile.firstName eq "Ann"')).toEqual(['ann@org2.example']);
    expect(await query('status eq "ACTIVE" and profile.firstName eq "Bob"')).toEqual([]);
    // `and` binds tighter: ann, or (bob and staged) — which matches nobody.
    expect(
      await query(
        'profile.email eq "ann@org2.example" or profile.login eq "bob@org2.example" and status eq "STAGED"',
      ),
    ).toEqual(['ann@org2.example']);
    expect(
      await query(
        '(profile.login eq "ann@org2.example" or profile.login eq "bob@org2.example") and status eq "PROVISIONED"',
      ),
    ).toEqual(['bob@org2.example']);
  });

  it('filters on lastUpdated with gt', async () => {
    await world();
    clock.advance(60_000);
    await call('post', '/api/v1/users/bob@org2.example', { body: { profile: { lastName: 'Builder' } } });
    const res = await call('get', `/api/v1/users?filter=${encodeURIComponent(`lastUpdated gt "${T0}"`)}`);
    expect(logins(res)).toEqual(['bob@org2.example']);
  });

  it('matches q as a prefix of email, first or last name, and search with sw', async () => {
    await world();
    expect(logins(await call('get', '/api/v1/users?q=ca'))).toEqual(['cat@org2.example']);
    expect(logins(await call('get', '/api/v1/users?q=test'))).toEqual([
      'ann@org2.example',
      'bob@org2.example',
      'cat@org2.example',
    ]);
    const search = await call(
      'get',
      `/api/v1/users?search=${encodeURIComponent('profile.firstName sw "b"')}`,
    );
    expect(logins(search)).toEqual(['bob@org2.example']);
  });

  it.each([
    ['profile.login eq', "filter: expected a quoted value after 'eq' but found the end of the expression"],
    ['profile.login eq "x', 'filter: unterminated string starting at position 17'],
    ['profile.city eq "Oslo"', "filter: unsupported attribute 'profile.city'"],
    ['profile.login sw "a"', "filter: operator 'sw' is not supported for 'profile.login'"],
    [
      'status eq "GONE"',
      "filter: 'GONE' is not a user status (one of STAGED, PROVISIONED, ACTIVE, RECOVERY, LOCKED_OUT, PASSWORD_EXPIRED, SUSPENDED, DEPROVISIONED)",
    ],
    ['lastUpdated gt "yesterday"', "filter: 'yesterday' is not an ISO 8601 timestamp for 'lastUpdated'"],
    ['(status eq "ACTIVE"', "filter: expected ')' but found the end of the expression"],
    ['status eq "ACTIVE" status', "filter: unexpected 'status' at position 19"],
    ['status = "ACTIVE"', "filter: unexpected character '=' at position 7"],
  ])('rejects the filter %s with E0000031', async (expr, cause) => {
    const res = await call('get', `/api/v1/users?filter=${encodeURIComponent(expr)}`);
    expectOktaError(res, 400, 'E0000031', 'Invalid search criteria.', [cause]);
  });

  it('pages with limit and follows absolute Link rel="next" headers to the end', async () => {
    const ids: string[] = [];
    for (const name of ['ann', 'bob', 'cat', 'dan', 'eve']) ids.push(await create(name));
    const pages: string[][] = [];
    const links: string[] = [];
    let next: string | undefined = '/api/v1/users?limit=2';
    while (next) {
      const res = await call('get', next);
      pages.push(res.body.map((u: { id: string }) => u.id));
      links.push(res.headers.link as string);
      const href = /<([^>]+)>; rel="next"/.exec(res.headers.link as string)?.[1];
      if (href) expect(href.startsWith(BASE)).toBe(true);
      next = href?.slice(BASE.length);
    }
    expect(pages).toEqual([ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)]);
    expect(links).toEqual([
      `<${BASE}/api/v1/users?limit=2>; rel="self", <${BASE}/api/v1/users?after=${ids[1]}&limit=2>; rel="next"`,
      `<${BASE}/api/v1/users?after=${ids[1]}&limit=2>; rel="self", <${BASE}/api/v1/users?after=${ids[3]}&limit=2>; rel="next"`,
      `<${BASE}/api/v1/users?after=${ids[3]}&limit=2>; rel="self"`,
    ]);
  });

  it('keeps the filter in the next link and caps limit at 200', async () => {
    for (const name of ['ann', 'bob', 'cat']) await create(name);
    const res = await call(
      'get',
      `/api/v1/users?limit=1&filter=${encodeURIComponent('status eq "PROVISIONED"')}`,
    );
    const nextHref = /<([^>]+)>; rel="next"/.exec(res.headers.link as string)?.[1];
    expect(nextHref).toBe(
      `${BASE}/api/v1/users?filter=status%20eq%20%22PROVISIONED%22&after=${res.body[0].id}&limit=1`,
    );
    const capped = await call('get', '/api/v1/users?limit=500');
    expect(capped.body).toHaveLength(3);
    expect(capped.headers.link).toBe(`<${BASE}/api/v1/users?limit=500>; rel="self"`);
  });

  it('rejects a bad limit and an unknown cursor with E0000001', async () => {
    expectOktaError(
      await call('get', '/api/v1/users?limit=0'),
      400,
      'E0000001',
      'Api validation failed: limit',
      ['limit: The value must be a positive integer'],
    );
    expectOktaError(
      await call('get', '/api/v1/users?after=00uGONE'),
      400,
      'E0000001',
      'Api validation failed: after',
      ["after: No user with id 00uGONE, expected the id of the previous page's last user"],
    );
  });
});

describe('profile updates', () => {
  it('POST merges a partial profile and moves lastUpdated', async () => {
    const id = await create('sarah', '', withPassword);
    clock.advance(5_000);
    const res = await call('post', `/api/v1/users/${id}`, { body: { profile: { firstName: 'Sally' } } });
    expect(res.status).toBe(200);
    expect(res.body.profile).toEqual({ ...profile('sarah'), firstName: 'Sally', mobilePhone: null });
    expect(res.body.lastUpdated).toBe('2026-01-15T09:00:05.000Z');
    expect(res.body.created).toBe(T0);
  });

  it('PUT replaces the whole profile, dropping attributes it omits', async () => {
    const id = await call('post', '/api/v1/users', {
      body: { profile: profile('sarah', { department: 'Sales' }) },
    });
    const res = await call('put', `/api/v1/users/${id.body.id}`, {
      body: { profile: profile('sarah', { lastName: 'Connor' }) },
    });
    expect(res.status).toBe(200);
    expect(res.body.profile).toEqual({ ...profile('sarah'), lastName: 'Connor', mobilePhone: null });
    expect(directory.get(id.body.id).profile.department).toBeUndefined();
  });

  it('rejects an incomplete PUT, a login taken by another user, and an unknown user', async () => {
    const id = await create('sarah');
    await create('other');
    const incomplete = await call('put', `/api/v1/users/${id}`, {
      body: { profile: { login: 'sarah@org2.example' } },
    });
    expectOktaError(incomplete, 400, 'E0000001', 'Api validation failed: email, firstName, lastName', [
      'email: The field cannot be left blank',
      'firstName: The field cannot be left blank',
      'lastName: The field cannot be left blank',
    ]);
    const taken = await call('post', `/api/v1/users/${id}`, {
      body: { profile: { login: 'OTHER@org2.example' } },
    });
    expectOktaError(taken, 400, 'E0000001', 'Api validation failed: login', [
      'login: An object with this field already exists in the current organization',
    ]);
    const unknown = await call('post', '/api/v1/users/00uNOPE', { body: { profile: { firstName: 'X' } } });
    expectOktaError(unknown, 404, 'E0000007', 'Not found: Resource not found: 00uNOPE (User)');
  });
});

describe('lifecycle', () => {
  const lifecycle = (id: string, action: string, token?: string) =>
    call('post', `/api/v1/users/${id}/lifecycle/${action}`, { token });
  const wrongStatus = (action: string, status: string) =>
    `This operation is not allowed in the user's current status: cannot ${action} a user in status ${status}`;

  it('activates a STAGED user, and refuses to activate an ACTIVE one with E0000016', async () => {
    const id = await create('sarah', '?activate=false', withPassword);
    const res = await lifecycle(id, 'activate');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    expect(statusOf(id)).toBe('ACTIVE');
    expectOktaError(
      await lifecycle(id, 'activate'),
      403,
      'E0000016',
      'Activation failed because the user is already active',
    );
  });

  it('refuses to activate a PROVISIONED user with E0000038', async () => {
    const id = await create('paul');
    expectOktaError(await lifecycle(id, 'activate'), 403, 'E0000038', wrongStatus('activate', 'PROVISIONED'));
  });

  it('deactivates to DEPROVISIONED with {} and refuses a second time; activate brings the user back', async () => {
    const id = await create('sarah', '', withPassword);
    const res = await lifecycle(id, 'deactivate');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    expect(statusOf(id)).toBe('DEPROVISIONED');
    expectOktaError(
      await lifecycle(id, 'deactivate'),
      403,
      'E0000038',
      wrongStatus('deactivate', 'DEPROVISIONED'),
    );
    expect((await lifecycle(id, 'activate')).status).toBe(200);
    expect(statusOf(id)).toBe('ACTIVE');
  });

  it('reactivates only a PROVISIONED user', async () => {
    const provisioned = await create('paul');
    expect((await lifecycle(provisioned, 'reactivate')).body).toEqual({});
    expect(statusOf(provisioned)).toBe('PROVISIONED');
    const active = await create('sarah', '', withPassword);
    expectOktaError(
      await lifecycle(active, 'reactivate'),
      403,
      'E0000038',
      wrongStatus('reactivate', 'ACTIVE'),
    );
  });

  // Okta's error-code reference: suspending a user who is not active is 400 E0000001.
  it('suspends an ACTIVE user and unsuspends a SUSPENDED one, refusing the wrong statuses with E0000001', async () => {
    const id = await create('sarah', '', withPassword);
    expectOktaError(await lifecycle(id, 'unsuspend'), 400, 'E0000001', 'Api validation failed: unsuspend', [
      'Cannot unsuspend a user that is not suspended',
    ]);
    expect((await lifecycle(id, 'suspend')).body).toEqual({});
    expect(statusOf(id)).toBe('SUSPENDED');
    expectOktaError(await lifecycle(id, 'suspend'), 400, 'E0000001', 'Api validation failed: suspend', [
      'Cannot suspend a user that is not active',
    ]);
    expect((await lifecycle(id, 'unsuspend')).body).toEqual({});
    expect(statusOf(id)).toBe('ACTIVE');
  });

  it('unlocks a LOCKED_OUT user and refuses an ACTIVE one', async () => {
    const id = await create('sarah', '', withPassword);
    expectOktaError(await lifecycle(id, 'unlock'), 403, 'E0000038', wrongStatus('unlock', 'ACTIVE'));
    directory.lockOut(id);
    expect((await call('get', `/api/v1/users/${id}`)).body.status).toBe('LOCKED_OUT');
    expect((await lifecycle(id, 'unlock')).body).toEqual({});
    expect(statusOf(id)).toBe('ACTIVE');
  });

  it('answers 404 for an unknown user or an unknown action', async () => {
    expectOktaError(
      await lifecycle('00uNOPE', 'suspend'),
      404,
      'E0000007',
      'Not found: Resource not found: 00uNOPE (User)',
    );
    const id = await create('sarah');
    expectOktaError(
      await lifecycle(id, 'toString'),
      404,
      'E0000007',
      'Not found: Resource not found: toString (Lifecycle)',
    );
    expect(statusOf(id)).toBe('PROVISIONED');
  });
});

describe('DELETE /api/v1/users/{id}', () => {
  it('deactivates on the first DELETE and deletes on the second, as Okta does', async () => {
    const id = await create('sarah', '', withPassword);
    const first = await call('delete', `/api/v1/users/${id}`);
    expect(first.status).toBe(204);
    expect(first.text).toBe('');
    expect(statusOf(id)).toBe('DEPROVISIONED');
    const second = await call('delete', `/api/v1/users/${id}`);
    expect(second.status).toBe(204);
    expect(directory.find(id)).toBeUndefined();
    expectOktaError(
      await call('get', `/api/v1/users/${id}`),
      404,
      'E0000007',
      `Not found: Resource not found: ${id} (User)`,
    );
    expectOktaError(
      await call('delete', `/api/v1/users/${id}`),
      404,
      'E0000007',
      `Not found: Resource not found: ${id} (User)`,
    );
  });
});

describe('SSWS authentication', () => {
  // developer.okta.com/docs/reference/error-codes: E0000005 "Invalid session" is 403, E0000011 401.
  it('answers 403 E0000005 without an Authorization header or with one that is not SSWS/Bearer', async () => {
    expectOktaError(await call('get', '/api/v1/users', { token: null }), 403, 'E0000005', 'Invalid session');
    for (const header of [SUPER, `Basic ${SUPER}`, 'SSWS', `SSWS ${SUPER} extra`]) {
      const res = await request(app).get('/api/v1/users').set('Authorization', header);
      expectOktaError(res, 403, 'E0000005', 'Invalid session');
      expect(res.headers['x-okta-request-id']).toMatch(/^[0-9A-Za-z_-]{20}$/);
    }
  });

  it('answers 401 E0000011 for an SSWS token the org does not know, and for any Bearer token', async () => {
    expectOktaError(
      await call('get', '/api/v1/users', { token: 'nope' }),
      401,
      'E0000011',
      'Invalid token provided',
    );
    const bearer = await request(app).get('/api/v1/users').set('Authorization', `Bearer ${SUPER}`);
    expectOktaError(bearer, 401, 'E0000011', 'Invalid token provided');
  });

  it('lets a read-only admin read but not write (E0000006)', async () => {
    const id = await create('sarah', '', withPassword);
    const read = await call('get', `/api/v1/users/${id}`, { token: READ_ONLY });
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(id);
    const denied = 'You do not have permission to perform the requested action';
    const post = await call('post', '/api/v1/users', {
      token: READ_ONLY,
      body: { profile: profile('paul') },
    });
    expectOktaError(post, 403, 'E0000006', denied);
    expectOktaError(
      await call('post', `/api/v1/users/${id}/lifecycle/suspend`, { token: READ_ONLY }),
      403,
      'E0000006',
      denied,
    );
    expectOktaError(
      await call('delete', `/api/v1/users/${id}`, { token: READ_ONLY }),
      403,
      'E0000006',
      denied,
    );
    expect(directory.all().map((u) => [u.profile.login, u.status])).toEqual([
      ['sarah@org2.example', 'ACTIVE'],
    ]);
  });
});

describe('request bodies', () => {
  const malformed = 'The request body was not well-formed.';

  it('answers 400 E0000003 for malformed JSON', async () => {
    const res = await call('post', '/api/v1/users', { raw: '{"profile": {' });
    expectOktaError(res, 400, 'E0000003', malformed);
  });

  it('answers 400 E0000003 for a body over 100 kB', async () => {
    const raw = JSON.stringify({ profile: { ...profile('sarah'), notes: 'x'.repeat(110_000) } });
    expectOktaError(await call('post', '/api/v1/users', { raw }), 400, 'E0000003', malformed);
  });

  it('answers 400 E0000003 for a JSON array or a non-JSON body', async () => {
    expectOktaError(await call('post', '/api/v1/users', { raw: '[]' }), 400, 'E0000003', malformed);
    const text = await call('post', '/api/v1/users', { raw: 'profile=x', contentType: 'text/plain' });
    expectOktaError(text, 400, 'E0000003', malformed);
  });

  it('answers 500 E0000009 in Okta’s shape, not HTML, when the harness itself fails', async () => {
    sessionThrows = true;
    const res = await call('get', '/api/v1/users/me', { token: null, cookie: SESSION_COOKIE });
    expectOktaError(res, 500, 'E0000009', 'Internal Server Error', ['session store unavailable']);
  });
});

describe('GET /api/v1/users/me', () => {
  it('returns the session user without an SSWS token', async () => {
    const id = await create('sarah', '', withPassword);
    sessionUser = directory.get(id);
    const res = await call('get', '/api/v1/users/me', { token: null, cookie: SESSION_COOKIE });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id,
      status: 'ACTIVE',
      _links: { self: { href: `${BASE}/api/v1/users/${id}` } },
    });
  });

  it('answers 404 E0000007 for "me" without a session', async () => {
    sessionUser = directory.get(await create('sarah'));
    const res = await call('get', '/api/v1/users/me', { token: null });
    expectOktaError(res, 404, 'E0000007', 'Not found: Resource not found: me (User)');
  });
});

describe('X-Okta-Request-Id', () => {
  it('is a fresh id on every response', async () => {
    requestIds.length = 0;
    await call('get', '/api/v1/users');
    await call('get', '/api/v1/users', { token: null });
    await call('post', '/api/v1/users', { raw: '{' });
    await call('delete', '/api/v1/users/00uNOPE');
    expect(requestIds).toHaveLength(4);
    expect(new Set(requestIds).size).toBe(4);
  });
});
