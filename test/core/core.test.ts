import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { partyApp } from '../../harness/core/app.js';
import { FixedClock, OffsetClock } from '../../harness/core/clock.js';
import { FedsimError } from '../../harness/core/errors.js';
import { isLoopback, loopbackFetch } from '../../harness/core/http.js';
import { SeededIds } from '../../harness/core/ids.js';
import { TaskTracker } from '../../harness/core/tasks.js';
import { ReplayCache } from '../../harness/saml/replay-cache.js';

const T0 = '2026-01-15T09:00:00.000Z';

describe('clocks', () => {
  it('FixedClock stands still until advanced', () => {
    const clock = new FixedClock(T0);
    expect(clock.now().toISOString()).toBe(T0);
    expect(clock.now().toISOString()).toBe(T0);
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-01-15T09:01:30.000Z');
    clock.advance(-30_000);
    expect(clock.now().toISOString()).toBe('2026-01-15T09:01:00.000Z');
  });

  it('FixedClock accepts a Date and hands out copies', () => {
    const clock = new FixedClock(new Date(T0));
    const d = clock.now();
    d.setFullYear(1999);
    expect(clock.now().toISOString()).toBe(T0);
  });

  it('FixedClock refuses an invalid start', () => {
    expect(() => new FixedClock('not a date')).toThrow(TypeError);
  });

  it('OffsetClock follows its base clock, shifted', () => {
    const base = new FixedClock(T0);
    const ahead = new OffsetClock(base, 5 * 60_000);
    const behind = new OffsetClock(base, -1000);
    expect(ahead.now().toISOString()).toBe('2026-01-15T09:05:00.000Z');
    expect(behind.now().toISOString()).toBe('2026-01-15T08:59:59.000Z');
    base.advance(60_000);
    expect(ahead.now().toISOString()).toBe('2026-01-15T09:06:00.000Z');
  });
});

describe('SeededIds', () => {
  const draw = (seed: string) => {
    const ids = new SeededIds(seed);
    return [ids.okta('00u'), ids.okta('0oa'), ids.saml(), ids.token(), ids.uuid()];
  };

  it('the same seed gives the same sequence, a different seed a different one', () => {
    expect(draw('alpha')).toEqual(draw('alpha'));
    const a = draw('alpha');
    const b = draw('beta');
    for (const [i, id] of a.entries()) expect(id).not.toBe(b[i]);
  });

  it('successive ids differ', () => {
    const ids = new SeededIds('s');
    const seen = new Set(Array.from({ length: 200 }, () => ids.okta('00u')));
    expect(seen.size).toBe(200);
  });

  it('okta ids are the prefix and 17 base62 characters', () => {
    const ids = new SeededIds('shape');
    for (let i = 0; i < 50; i++) {
      expect(ids.okta('00u')).toMatch(/^00u[0-9A-Za-z]{17}$/);
      expect(ids.okta('exk')).toMatch(/^exk[0-9A-Za-z]{17}$/);
    }
  });

  it('saml ids are "id" and 25 digits', () => {
    const ids = new SeededIds('shape');
    for (let i = 0; i < 50; i++) expect(ids.saml()).toMatch(/^id\d{25}$/);
  });

  it('tokens are url-safe, 42 characters by default; uuids are v4-shaped', () => {
    const ids = new SeededIds('shape');
    expect(ids.token()).toMatch(/^[0-9A-Za-z_-]{42}$/);
    expect(ids.token(100)).toMatch(/^[0-9A-Za-z_-]{100}$/);
    expect(ids.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('loopback-only HTTP', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each([
    ['http://127.0.0.1:8080/x', true],
    ['http://127.9.8.7/', true],
    ['http://localhost:3000/', true],
    ['http://[::1]:3000/', true],
    ['http://example.com/', false],
    ['https://127.0.0.1.nip.io/', false],
    ['http://localhost.example.com/', false],
    ['http://10.0.0.1/', false],
    ['not a url', false],
  ])('isLoopback(%s) = %s', (url, expected) => {
    expect(isLoopback(url)).toBe(expected);
  });

  it('refuses a non-loopback URL with HTTP_OUTBOUND_BLOCKED without calling fetch', async () => {
    const spy = vi.fn(async () => new Response('should not happen'));
    vi.stubGlobal('fetch', spy);
    const err = await loopbackFetch('http://example.com/').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(FedsimError);
    expect((err as FedsimError).code).toBe('HTTP_OUTBOUND_BLOCKED');
    expect((err as FedsimError).actual).toBe('http://example.com/');
    expect(spy).not.toHaveBeenCalled();
  });

  it('sends loopback requests over node:http, leaving redirects and Set-Cookie to the caller', async () => {
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        res.setHeader('Set-Cookie', ['a=1', 'b=2']);
        res.writeHead(302, { location: '/next', 'x-echo': `${req.method} ${req.headers['x-test']} ${body}` });
        res.end('moved');
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await loopbackFetch(`http://127.0.0.1:${port}/ping`, {
        method: 'POST',
        headers: new Headers({ 'X-Test': 'yes' }),
        body: 'a=b',
      });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/next');
      expect(res.headers.get('x-echo')).toBe('POST yes a=b');
      expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
      expect(await res.text()).toBe('moved');
    } finally {
      server.close();
    }
  });

  it('rejects as fetch does, with the socket error as the cause, when nothing listens', async () => {
    const err = await loopbackFetch('http://127.0.0.1:1/').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TypeError);
    expect((err as TypeError).message).toBe('fetch failed');
    expect(((err as TypeError).cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });
});

describe('ReplayCache', () => {
  it('remembers an id until its expiry has passed, pruning on the next add', () => {
    const cache = new ReplayCache();
    cache.add('id1', 1000, 0);
    expect(cache.has('id1')).toBe(true);
    expect(cache.has('id2')).toBe(false);
    cache.add('id2', 5000, 999);
    expect(cache.has('id1')).toBe(true);
    expect(cache.size).toBe(2);
    cache.add('id3', 5000, 1000);
    expect(cache.has('id1')).toBe(false);
    expect(cache.has('id2')).toBe(true);
    expect(cache.size).toBe(2);
  });

  it('keeps at most max ids, dropping the oldest first', () => {
    const cache = new ReplayCache(3);
    for (const id of ['a', 'b', 'c', 'd', 'e']) cache.add(id, 10_000, 0);
    expect(cache.size).toBe(3);
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => cache.has(id))).toEqual([false, false, true, true, true]);
  });
});

describe('TaskTracker', () => {
  const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

  it('settle waits for work that tracked work starts, and survives rejections', async () => {
    const tasks = new TaskTracker();
    const done: string[] = [];
    tasks.track(
      tick().then(() => {
        done.push('first');
        tasks.track(
          tick().then(() => {
            done.push('second');
            tasks.track(tick().then(() => done.push('third')));
          }),
        );
      }),
    );
    tasks.track(tick().then(() => Promise.reject(new Error('push failed'))));
    expect(tasks.size).toBe(2);
    await tasks.settle();
    expect(done).toEqual(['first', 'second', 'third']);
    expect(tasks.size).toBe(0);
  });

  it('track returns the original promise, rejection included', async () => {
    const tasks = new TaskTracker();
    await expect(tasks.track(Promise.resolve(42))).resolves.toBe(42);
    await expect(tasks.track(Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await tasks.settle();
    expect(tasks.size).toBe(0);
  });

  it('settle on an idle tracker resolves at once', async () => {
    await expect(new TaskTracker().settle()).resolves.toBeUndefined();
  });
});

describe('partyApp', () => {
  it('sends neither X-Powered-By nor ETag, as Okta and Dropbox do not', async () => {
    const app = partyApp(() => '');
    app.get('/page', (_req, res) => res.type('html').send('<p>hello</p>'));
    const res = await request(app).get('/page');
    expect(res.status).toBe(200);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers.etag).toBeUndefined();
  });
});
