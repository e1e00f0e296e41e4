import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { partyApp } from '../../harness/core/app.js';
import { pageErrorHandler } from '../../harness/core/html.js';
import { sameOrigin } from '../../harness/core/request-guard.js';
import { randomSecrets } from '../../harness/core/secrets.js';
import { SessionStore } from '../../harness/core/sessions.js';
import { errorCodeOf } from '../routes-helpers.js';

/** A party answering at `origin`, with one page and one guarded form. */
function party(origin: string) {
  const app = partyApp(() => origin);
  app.use(express.urlencoded({ extended: false }));
  app.get('/page', (_req, res) => res.type('html').send('<p>ok</p>'));
  app.post('/form', sameOrigin, (_req, res) => res.status(204).end());
  app.use(pageErrorHandler('test', '#000'));
  return app;
}

describe('hostGuard (DNS rebinding)', () => {
  const app = party('http://127.0.0.1:4100');
  it.each(['127.0.0.1:4100', 'localhost:4100', 'LOCALHOST:4100', '[::1]:4100', '10.0.0.5:4100'])(
    'Host: %s is this machine → 200',
    async (host) => {
      expect((await request(app).get('/page').set('Host', host)).status).toBe(200);
    },
  );

  it.each([
    'evil.example:4100',
    'evil.example',
    '127.0.0.1:4101',
    '127.0.0.1',
    'evil.example@127.0.0.1:4100',
    '127.0.0.1:4100/x',
    '',
  ])('Host: "%s" → 421 HTTP_HOST_REFUSED', async (host) => {
    const res = await request(app).get('/page').set('Host', host);
    expect([res.status, errorCodeOf(res)]).toEqual([421, 'HTTP_HOST_REFUSED']);
  });

  it('a party configured as localhost answers its own name, any IP literal, and not another name', async () => {
    const local = party('http://localhost:4100');
    expect((await request(local).get('/page').set('Host', 'localhost:4100')).status).toBe(200);
    expect((await request(local).get('/page').set('Host', '127.0.0.1:4100')).status).toBe(200);
    expect((await request(local).get('/page').set('Host', 'rebound.example:4100')).status).toBe(421);
  });
});

describe('sameOrigin (CSRF)', () => {
  const app = party('http://127.0.0.1:4100');
  const post = (headers: Record<string, string>) =>
    request(app)
      .post('/form')
      .set({ Host: '127.0.0.1:4100', ...headers })
      .type('form')
      .send({ a: '1' });

  it('its own Origin, its own Referer, or neither (a script, not a browser) → allowed', async () => {
    expect((await post({ Origin: 'http://127.0.0.1:4100' })).status).toBe(204);
    expect((await post({ Referer: 'http://127.0.0.1:4100/page' })).status).toBe(204);
    expect((await post({})).status).toBe(204);
  });

  it.each([
    { Origin: 'http://127.0.0.1:4101' },
    { Origin: 'null' },
    { Origin: 'https://127.0.0.1:4100' },
    { Referer: 'http://127.0.0.1:4101/' },
    { Referer: 'not a url' },
  ] as Record<string, string>[])('%o → 403 HTTP_ORIGIN_REFUSED', async (headers) => {
    const res = await post(headers);
    expect([res.status, errorCodeOf(res)]).toEqual([403, 'HTTP_ORIGIN_REFUSED']);
  });
});

describe('session ids', () => {
  it('come from the CSPRNG: 32 url-safe characters, never repeated', () => {
    const drawn = new Set(Array.from({ length: 1000 }, () => randomSecrets.token(32)));
    expect(drawn.size).toBe(1000);
    for (const t of drawn) expect(t).toMatch(/^[\w-]{32}$/);
  });

  it('a started session replaces and forgets the one the browser carried (fixation)', async () => {
    const store = new SessionStore<string>('sid', randomSecrets);
    const app = partyApp(() => '');
    app.post('/start', (req, res) => {
      store.start(req, res, 'user');
      res.end();
    });
    app.get('/who', (req, res) => res.send(store.get(req) ?? 'nobody'));
    const first = (await request(app).post('/start')).headers['set-cookie']?.[0]?.split(';')[0] ?? '';
    const second = (await request(app).post('/start').set('Cookie', first)).headers['set-cookie']?.[0]?.split(
      ';',
    )[0];
    expect(second).toMatch(/^sid=[\w-]{32}$/);
    expect(second).not.toBe(first);
    expect((await request(app).get('/who').set('Cookie', first)).text).toBe('nobody');
    expect(
      (
        await request(app)
          .get('/who')
          .set('Cookie', second ?? '')
      ).text,
    ).toBe('user');
  });
});
