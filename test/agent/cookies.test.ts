import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, CookieJar } from '../../harness/agent/index.js';
import { loopbackFetch } from '../../harness/core/http.js';
import { html, startServer, type TestServer } from './server.js';

let a: TestServer;
let b: TestServer;

/** Sets the cookies named in ?set=… (already-encoded Set-Cookie lines) and echoes the Cookie header. */
function cookieServer(label: string) {
  return startServer((req, res) => {
    const url = new URL(req.path, 'http://x');
    const lines = url.searchParams.getAll('set');
    if (lines.length > 0) res.setHeader('set-cookie', lines);
    const date = url.searchParams.get('date');
    if (date === 'none') res.sendDate = false;
    else if (date !== null) res.setHeader('date', date);
    html(res, `<p>${label} ${url.pathname} cookie=[${req.cookie ?? ''}]</p>`);
  });
}

beforeAll(async () => {
  a = await cookieServer('A');
  b = await cookieServer('B');
});

afterAll(async () => {
  await a.close();
  await b.close();
});

const set = (...lines: string[]) => lines.map((l) => `set=${encodeURIComponent(l)}`).join('&');

describe('cookie jar over HTTP', () => {
  it('stores several Set-Cookie headers and sends them back', async () => {
    const agent = new Agent({ fetch: loopbackFetch });
    await agent.goto(
      `${a.origin}/login?${set('sid=abc123; Path=/; HttpOnly', 'theme=dark; Path=/; SameSite=Lax')}`,
    );
    expect(agent.hops[0]?.setCookies).toEqual(['sid', 'theme']);
    expect(agent.cookies(a.origin)).toEqual({ sid: 'abc123', theme: 'dark' });
    const page = await agent.goto(`${a.origin}/me`);
    expect(page.text).toBe('A /me cookie=[sid=abc123; theme=dark]');
  });

  it('scopes by Path with a / boundary, and defaults Path to the request directory', async () => {
    const agent = new Agent({ fetch: loopbackFetch });
    await agent.goto(`${a.origin}/?${set('scoped=1; Path=/app')}`);
    await agent.goto(`${a.origin}/auth/login?${set('authdir=2')}`);
    expect((await agent.goto(`${a.origin}/app`)).text).toBe('A /app cookie=[scoped=1]');
    expect((await agent.goto(`${a.origin}/app/deep/x`)).text).toBe('A /app/deep/x cookie=[scoped=1]');
    expect((await agent.goto(`${a.origin}/application`)).text).toBe('A /application cookie=[]');
    expect((await agent.goto(`${a.origin}/auth/cb`)).text).toBe('A /auth/cb cookie=[authdir=2]');
    expect((await agent.goto(`${a.origin}/`)).text).toBe('A / cookie=[]');
  });

  it('sends the longer path first when names repeat', async () => {
    const agent = new Agent({ fetch: loopbackFetch });
    await agent.goto(`${a.origin}/?${set('n=root; Path=/', 'n=app; Path=/app')}`);
    expect((await agent.goto(`${a.origin}/app/x`)).text).toBe('A /app/x cookie=[n=app; n=root]');
  });

  it('deletes on Max-Age=0 and on an Expires in 1970', async () => {
    const agent = new Agent({ fetch: loopbackFetch });
    await agent.goto(`${a.origin}/?${set('sid=1; Path=/', 'idx=2; Path=/', 'keep=3; Path=/')}`);
    await agent.goto(
      `${a.origin}/logout?${set('sid=; Path=/; Max-Age=0', 'idx=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT')}`,
    );
    expect(agent.hops[1]?.setCookies).toEqual(['sid', 'idx']);
    expect(agent.cookies(a.origin)).toEqual({ keep: '3' });
    expect((await agent.goto(`${a.origin}/me`)).text).toBe('A /me cookie=[keep=3]');
  });

  it('judges Expires against the response Date header, not the wall clock', async () => {
    const agent = new Agent({ fetch: loopbackFetch });
    const date = encodeURIComponent('Wed, 01 Jan 2020 00:00:00 GMT');
    await agent.goto(
      `${a.origin}/?date=${date}&${set(
        'past=1; Expires=Tue, 31 Dec 2019 23:00:00 GMT',
        'future=2; Expires=Wed, 01 Jan 2020 01:00:00 GMT',
      )}`,
    );
    expect(agent.cookies(a.origin)).toEqual({ future: '2' });
  });

  it('lets Max-Age win over Expires', async () => {
    const agent = new Agent({ fetch: loopbackFetch });
    await agent.goto(`${a.origin}/?${set('m=1; Max-Age=60; Expires=Thu, 01 Jan 1970 00:00:00 GMT')}`);
    expect(agent.cookies(a.origin)).toEqual({ m: '1' });
  });

  it('shares cookies across ports of one host, as browsers do', async () => {
    const agent = new Agent({ fetch: loopbackFetch });
    await agent.goto(`${a.origin}/?${set('sid=from-a; Path=/')}`);
    await agent.goto(`${b.origin}/?${set('sid=from-b; Path=/', 'only_b=1; Path=/')}`);
    expect(agent.cookies(a.origin)).toEqual({ sid: 'from-b', only_b: '1' });
    expect(agent.cookies(`${b.origin}/any/path`)).toEqual({ sid: 'from-b', only_b: '1' });
    expect((await agent.goto(`${a.origin}/x`)).text).toBe('A /x cookie=[sid=from-b; only_b=1]');
  });

  it('clearCookies forgets everything', async () => {
    const agent = new Agent({ fetch: loopbackFetch });
    await agent.goto(`${a.origin}/?${set('sid=1')}`);
    agent.clearCookies();
    expect(agent.cookies(a.origin)).toEqual({});
    expect((await agent.goto(`${a.origin}/x`)).text).toBe('A /x cookie=[]');
  });

  it('without a Date header still deletes a 1970 Expires', async () => {
    const agent = new Agent({ fetch: loopbackFetch });
    await agent.goto(`${a.origin}/?${set('sid=1; Path=/')}`);
    await agent.goto(`${a.origin}/?date=none&${set('sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:01 GMT')}`);
    expect(agent.cookies(a.origin)).toEqual({});
  });
});

describe('CookieJar', () => {
  it('replaces a cookie with the same name and path', () => {
    const jar = new CookieJar();
    jar.store('http://127.0.0.1:1/', ['sid=old; Path=/'], null);
    jar.store('http://127.0.0.1:1/', ['sid=new; Path=/'], null);
    expect(jar.header('http://127.0.0.1:1/x')).toBe('sid=new');
  });

  it('with no Date header treats only 1970 as past, since it never reads the wall clock', () => {
    const jar = new CookieJar();
    const names = jar.store(
      'http://127.0.0.1:1/',
      ['old=1; Expires=Sat, 01 Jan 2000 00:00:00 GMT', 'gone=2; Expires=Thu, 01 Jan 1970 00:00:00 GMT'],
      null,
    );
    expect(names).toEqual(['old', 'gone']);
    expect(jar.cookies('http://127.0.0.1:1')).toEqual({ old: '1' });
  });

  it('ignores malformed lines and keeps values containing =', () => {
    const jar = new CookieJar();
    const names = jar.store('http://127.0.0.1:1/', ['novalue', '=anon', 'tok=a=b==; Path=/'], null);
    expect(names).toEqual(['tok']);
    expect(jar.header('http://127.0.0.1:1/')).toBe('tok=a=b==');
    expect(jar.header('http://127.0.0.1:2/')).toBe('tok=a=b==');
    expect(jar.header('http://localhost:1/')).toBeUndefined();
  });
});
