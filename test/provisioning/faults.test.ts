import express, { type Express } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../harness/core/clock.js';
import { SeededIds } from '../../harness/core/ids.js';
import { FaultInjector } from '../../harness/faults/injector.js';
import { oktaResponder, scimResponder } from '../../harness/faults/responses.js';
import { schedulerFor } from '../../harness/provisioning/scheduler.js';

const T0 = '2026-01-15T09:00:00.000Z';

function party(style: 'okta' | 'scim' = 'okta') {
  const clock = new FixedClock(T0);
  const prefix = style === 'okta' ? '/api/v1' : '/scim/v2';
  const faults = new FaultInjector({
    prefix,
    scheduler: schedulerFor(clock),
    respond: style === 'okta' ? oktaResponder(new SeededIds('faults')) : scimResponder(),
    rateLimit: () => 50,
  });
  const app: Express = express();
  app.use(faults.middleware());
  app.get(`${prefix}/users`, (_req, res) => res.json({ ok: true, at: clock.now().toISOString() }));
  app.get('/login', (_req, res) => res.send('sign in'));
  return { app, faults, clock, prefix };
}

describe('fault middleware', () => {
  it('lets every call through when nothing is queued', async () => {
    const { app, faults } = party();
    const res = await request(app).get('/api/v1/users');
    expect(res.status).toBe(200);
    expect(faults.hits).toEqual([]);
  });

  it('answers 500 with Okta’s E0000009 body for the next N API calls only', async () => {
    const { app, faults } = party();
    faults.inject({ fault: 'error5xx', count: 2 });
    const [a, b, c] = [
      await request(app).get('/api/v1/users'),
      await request(app).get('/api/v1/users'),
      await request(app).get('/api/v1/users'),
    ];
    expect([a.status, b.status, c.status]).toEqual([500, 500, 200]);
    expect(a.body).toMatchObject({
      errorCode: 'E0000009',
      errorSummary: 'Internal Server Error',
      errorCauses: [],
    });
    expect(a.headers['x-okta-request-id']).toMatch(/^[0-9A-Za-z_-]{20}$/);
    expect(faults.hits.map((h) => [h.fault, h.method, h.path])).toEqual([
      ['error5xx', 'GET', '/api/v1/users'],
      ['error5xx', 'GET', '/api/v1/users'],
    ]);
    expect(faults.pending).toBe(0);
  });

  it('answers a chosen 5xx with SCIM’s Error schema, status as a string', async () => {
    const { app, faults } = party('scim');
    faults.inject({ fault: 'error5xx', status: 503 });
    const res = await request(app).get('/scim/v2/users');
    expect(res.status).toBe(503);
    expect(res.type).toBe('application/scim+json');
    expect(res.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      detail: 'Service Unavailable',
      status: '503',
    });
  });

  it('answers a 429 burst with E0000047 and X-Rate-Limit-* whose Reset is ms ahead of Date', async () => {
    const { app, faults } = party();
    faults.inject({ fault: 'rateLimit', count: 1, ms: 30_000 });
    const res = await request(app).get('/api/v1/users');
    expect(res.status).toBe(429);
    expect(res.body.errorCode).toBe('E0000047');
    expect(res.headers['x-rate-limit-limit']).toBe('50');
    expect(res.headers['x-rate-limit-remaining']).toBe('0');
    expect(Number(res.headers['x-rate-limit-reset']) * 1000 - Date.parse(res.headers.date as string)).toBe(
      30_000,
    );
    expect(res.headers['retry-after']).toBeUndefined();
  });

  it('gives SCIM clients a Retry-After with the 429 too', async () => {
    const { app, faults } = party('scim');
    faults.inject({ fault: 'rateLimit', ms: 20_000 });
    const res = await request(app).get('/scim/v2/users');
    expect([res.status, res.headers['retry-after'], res.body.status]).toEqual([429, '20', '429']);
  });

  it('drops the connection without an answer', async () => {
    const { app, faults } = party();
    faults.inject({ fault: 'drop' });
    await expect(request(app).get('/api/v1/users')).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await request(app).get('/api/v1/users')).status).toBe(200);
    expect(faults.hits).toHaveLength(1);
  });

  it('delays a call by moving the fixed clock, then answers normally', async () => {
    const { app, faults, clock } = party();
    faults.inject({ fault: 'latency', ms: 5000 });
    const res = await request(app).get('/api/v1/users');
    expect(res.body).toEqual({ ok: true, at: '2026-01-15T09:00:05.000Z' });
    expect(clock.now().toISOString()).toBe('2026-01-15T09:00:05.000Z');
  });

  it('applies queued faults in order and leaves non-API paths alone', async () => {
    const { app, faults } = party();
    faults.inject({ fault: 'rateLimit' });
    faults.inject({ fault: 'error5xx', status: 502 });
    expect(faults.pending).toBe(2);
    expect((await request(app).get('/login')).status).toBe(200);
    expect((await request(app).get('/api/v1x')).status).toBe(404);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await request(app).get('/api/v1/users')).status);
    expect(statuses).toEqual([429, 502, 200]);
  });

  it('hands each of many concurrent calls at most one fault', async () => {
    const { app, faults } = party();
    faults.inject({ fault: 'error5xx', count: 10 });
    const all = await Promise.all(Array.from({ length: 30 }, () => request(app).get('/api/v1/users')));
    expect(all.filter((r) => r.status === 500)).toHaveLength(10);
    expect(all.filter((r) => r.status === 200)).toHaveLength(20);
  });

  it.each([
    [{ fault: 'error5xx' as const, count: 0 }],
    [{ fault: 'error5xx' as const, status: 404 }],
    [{ fault: 'latency' as const, ms: -1 }],
  ])('refuses %j with CONFIG_INVALID', (spec) => {
    const { faults } = party();
    expect(() => faults.inject(spec)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    expect(faults.pending).toBe(0);
  });
});
