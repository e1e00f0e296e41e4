import request, { type Test } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../harness/world/world.js';
import { errorCodeOf } from '../routes-helpers.js';

/**
 * Bodies and paths no route can read answer 400 or 415 with a stable code on every party: a page
 * on browser routes, Okta's JSON error on /api/v1 (Okta error codes reference:
 * https://developer.okta.com/docs/reference/error-codes/, E0000002 and E0000003), a SCIM Error
 * on /scim/v2 (RFC 7644 §3.12). Before, each of these was a 500 ("a bug in fedsim").
 */
let world: World;

beforeAll(async () => {
  world = await createWorld();
});

afterAll(async () => {
  await world?.close();
});

type Kind = 'page' | 'okta' | 'scim';
interface Target {
  name: string;
  kind: Kind;
  send(): Test;
}

const targets = (): Target[] => [
  { name: "org1's sign-in form", kind: 'page', send: () => request(world.org1.url).post('/login') },
  {
    name: "org2's ACS",
    kind: 'page',
    send: () => request(world.org2.url).post(new URL(world.org2.acsUrl).pathname),
  },
  { name: "dropbox's ACS", kind: 'page', send: () => request(world.dropbox.url).post('/saml_login') },
  {
    name: "org2's Users API",
    kind: 'okta',
    send: () =>
      request(world.org2.url).post('/api/v1/users').set('Authorization', `SSWS ${world.tokens.superAdmin}`),
  },
  {
    name: "dropbox's SCIM API",
    kind: 'scim',
    send: () =>
      request(world.dropbox.url).post('/scim/v2/Users').set('Authorization', `Bearer ${world.tokens.scim}`),
  },
];

/** Status and code as each kind of route states it. */
function outcome(kind: Kind, res: { status: number; text: string; body: unknown }): string {
  const body = res.body as { errorCode?: string; schemas?: string[]; status?: string };
  if (kind === 'page') return `${res.status} ${errorCodeOf(res as never)}`;
  if (kind === 'okta') return `${res.status} ${body.errorCode}`;
  return `${res.status} ${body.schemas?.[0]?.endsWith(':Error') ? `scim ${body.status}` : 'no SCIM error'}`;
}

async function send(t: Target, contentType: string, body: string | Buffer, encoding?: string) {
  const req = t.send().set('Content-Type', contentType);
  if (encoding) req.set('Content-Encoding', encoding);
  return outcome(t.kind, await req.send(body));
}

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

describe('a body in a charset other than UTF-8 is 415 on every party', () => {
  const expected: Record<Kind, string> = {
    page: '415 HTTP_CHARSET_UNSUPPORTED',
    okta: '400 E0000003',
    scim: '415 scim 415',
  };
  it.each(['latin1', 'iso-8859-1', 'utf-16', 'utf-7', 'x-unknown'])('charset=%s', async (charset) => {
    for (const t of targets()) {
      const type = t.kind === 'page' ? FORM : JSON_TYPE;
      const body = t.kind === 'page' ? 'SAMLResponse=abc' : '{"a":1}';
      expect(`${t.name}: ${await send(t, `${type}; charset=${charset}`, body)}`).toBe(
        `${t.name}: ${expected[t.kind]}`,
      );
    }
  });

  it('charset=utf-8, in any case, is read (control)', async () => {
    const org1 = targets()[0] as Target;
    const res = await org1.send().set('Content-Type', `${FORM}; charset=UTF-8`).send('username=x&password=y');
    expect(res.status).toBe(401);
  });
});

describe('a Content-Encoding that fails to decode is 400; an unknown one 415', () => {
  const broken: Record<Kind, string> = {
    page: '400 HTTP_BODY_INVALID',
    okta: '400 E0000003',
    scim: '400 scim 400',
  };
  const unknown: Record<Kind, string> = {
    page: '415 HTTP_ENCODING_UNSUPPORTED',
    okta: '400 E0000003',
    scim: '415 scim 415',
  };
  it.each(['gzip', 'deflate', 'br'])('%s that is not compressed', async (encoding) => {
    for (const t of targets()) {
      const type = t.kind === 'page' ? FORM : JSON_TYPE;
      expect(`${t.name}: ${await send(t, type, Buffer.from('not compressed at all'), encoding)}`).toBe(
        `${t.name}: ${broken[t.kind]}`,
      );
    }
  });

  it('x-zip', async () => {
    for (const t of targets()) {
      const type = t.kind === 'page' ? FORM : JSON_TYPE;
      expect(`${t.name}: ${await send(t, type, 'x', 'x-zip')}`).toBe(`${t.name}: ${unknown[t.kind]}`);
    }
  });
});

describe('a path with a malformed %-escape is 400', () => {
  it.each([
    ["org2's Users API", 'okta', () => world.org2.url, '/api/v1/users/%zz', '400 E0000002'],
    ["org2's IdPs API", 'okta', () => world.org2.url, '/api/v1/idps/%zz', '400 E0000002'],
    ["dropbox's SCIM API", 'scim', () => world.dropbox.url, '/scim/v2/Users/%zz', '400 scim 400'],
    ["org2's IdP deep link", 'page', () => world.org2.url, 'DEEP', '400 HTTP_PATH_INVALID'],
  ] as const)('%s', async (_, kind, url, path, expected) => {
    const target = path === 'DEEP' ? `${new URL(world.org2.acsUrl).pathname}/app/%zz` : path;
    const auth = kind === 'scim' ? `Bearer ${world.tokens.scim}` : `SSWS ${world.tokens.superAdmin}`;
    const res = await request(url()).get(target).set('Authorization', auth);
    expect(outcome(kind, res)).toBe(expected);
  });
});
