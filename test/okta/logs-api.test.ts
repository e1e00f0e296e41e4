import express from 'express';
import { beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../harness/core/clock.js';
import { SeededIds } from '../../harness/core/ids.js';
import { SYSTEM_LOG_MAX, SystemLog } from '../../harness/okta/syslog/log-store.js';
import { createLogsRouter } from '../../harness/okta/syslog/logs-api.js';
import { BASE, call, expectOktaError, SUPER, T0 } from './api-helpers.js';

// Okta's System Log API (management OpenAPI spec, GET /api/v1/logs, operation listLogEvents):
// since/until/after/filter/q/limit/sortOrder, limit 100 by default, LogEvent bodies, Link paging.

const actor = (id: string) => ({ id, type: 'User', alternateId: `${id}@example.com`, displayName: id });

function setup() {
  const clock = new FixedClock(T0);
  const log = new SystemLog(clock, new SeededIds('log'));
  const app = express();
  app.use(
    '/api/v1',
    createLogsRouter({
      tokens: new Map([[SUPER, 'SUPER_ADMIN']]),
      ids: new SeededIds('api'),
      baseUrl: () => BASE,
      clock,
      log,
    }),
  );
  const record = (
    eventType: string,
    result: 'SUCCESS' | 'FAILURE',
    userId: string,
    reason: string | null = null,
  ) => {
    clock.advance(1000);
    return log.record({
      eventType,
      displayMessage: eventType,
      actor: actor(userId),
      outcome: { result, reason },
      target: [actor(`t-${userId}`)],
      debugData: { fedsimCode: result === 'FAILURE' ? 'IDP_USER_NOT_FOUND' : '' },
    });
  };
  return { clock, log, app, record };
}

describe('GET /api/v1/logs', () => {
  let org: ReturnType<typeof setup>;
  beforeEach(() => {
    org = setup();
    org.record('user.session.start', 'SUCCESS', 'u1');
    org.record('user.authentication.auth_via_IDP', 'FAILURE', 'u2', 'User Not Found');
    org.record('user.authentication.auth_via_IDP', 'SUCCESS', 'u3');
    org.clock.advance(1000);
  });

  it('requires the SSWS token like every API route', async () => {
    const res = await call(org.app, 'get', '/api/v1/logs', { token: null });
    expectOktaError(res, 403, 'E0000005', 'Invalid session');
  });

  it("serves Okta's LogEvent shape, oldest first, with times from the org's clock", async () => {
    const res = await call(org.app, 'get', '/api/v1/logs');
    expect(res.status).toBe(200);
    expect(res.body.map((e: { actor: { id: string } }) => e.actor.id)).toEqual(['u1', 'u2', 'u3']);
    expect(res.body[1]).toMatchObject({
      uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      published: '2026-01-15T09:00:02.000Z',
      eventType: 'user.authentication.auth_via_IDP',
      severity: 'WARN',
      outcome: { result: 'FAILURE', reason: 'User Not Found' },
      actor: { id: 'u2', type: 'User' },
      target: [{ id: 't-u2' }],
      transaction: { type: 'WEB' },
      debugContext: { debugData: { fedsimCode: 'IDP_USER_NOT_FOUND' } },
    });
  });

  it('filters on eventType, outcome.result, actor.id and target.id with and/or', async () => {
    const filter = 'eventType eq "user.authentication.auth_via_IDP" and outcome.result eq "FAILURE"';
    const res = await call(org.app, 'get', `/api/v1/logs?filter=${encodeURIComponent(filter)}`);
    expect(res.body.map((e: { actor: { id: string } }) => e.actor.id)).toEqual(['u2']);
    const either = 'target.id eq "t-u1" or actor.id eq "u3"';
    const res2 = await call(org.app, 'get', `/api/v1/logs?filter=${encodeURIComponent(either)}`);
    expect(res2.body.map((e: { actor: { id: string } }) => e.actor.id)).toEqual(['u1', 'u3']);
  });

  it('refuses a malformed filter with E0000031', async () => {
    const res = await call(org.app, 'get', `/api/v1/logs?filter=${encodeURIComponent('eventType eq')}`);
    expect(res.status).toBe(400);
    expect(res.body.errorCode).toBe('E0000031');
  });

  it('q matches case-insensitive keywords anywhere in the event', async () => {
    const res = await call(org.app, 'get', '/api/v1/logs?q=user%20not%20FOUND');
    expect(res.body.map((e: { actor: { id: string } }) => e.actor.id)).toEqual(['u2']);
  });

  it('since/until bound the published time (since inclusive, until exclusive)', async () => {
    const res = await call(
      org.app,
      'get',
      '/api/v1/logs?since=2026-01-15T09:00:02.000Z&until=2026-01-15T09:00:03.000Z',
    );
    expect(res.body.map((e: { actor: { id: string } }) => e.actor.id)).toEqual(['u2']);
  });

  it('sortOrder=DESCENDING gives the newest first; anything else is E0000001', async () => {
    const res = await call(org.app, 'get', '/api/v1/logs?sortOrder=DESCENDING');
    expect(res.body.map((e: { actor: { id: string } }) => e.actor.id)).toEqual(['u3', 'u2', 'u1']);
    const bad = await call(org.app, 'get', '/api/v1/logs?sortOrder=up');
    expect(bad.body.errorCode).toBe('E0000001');
  });

  it('a bounded query pages by limit with rel="next" until no event remains', async () => {
    const until = '2026-01-15T09:01:00.000Z';
    const first = await call(org.app, 'get', `/api/v1/logs?until=${until}&limit=2`);
    expect(first.body).toHaveLength(2);
    const next = /<([^>]+)>; rel="next"/.exec(String(first.headers.link))?.[1] as string;
    expect(next).toContain(`after=${first.body[1].uuid}`);
    const second = await call(org.app, 'get', next.slice(BASE.length));
    expect(second.body.map((e: { actor: { id: string } }) => e.actor.id)).toEqual(['u3']);
    expect(String(second.headers.link)).not.toContain('rel="next"');
  });

  it('a polling query (no until) always links rel="next", from where the page ended', async () => {
    const res = await call(org.app, 'get', '/api/v1/logs');
    expect(String(res.headers.link)).toContain(`after=${res.body[2].uuid}`);
    org.record('user.lifecycle.create', 'SUCCESS', 'u4');
    org.clock.advance(1000);
    const next = /<([^>]+)>; rel="next"/.exec(String(res.headers.link))?.[1] as string;
    const polled = await call(org.app, 'get', next.slice(BASE.length));
    expect(polled.body.map((e: { actor: { id: string } }) => e.actor.id)).toEqual(['u4']);
  });
});

describe('SystemLog', () => {
  it(`keeps at most ${SYSTEM_LOG_MAX} events, dropping the oldest`, () => {
    const { log, record } = setup();
    for (let i = 0; i <= SYSTEM_LOG_MAX; i += 1) record('user.session.start', 'SUCCESS', `u${i}`);
    expect(log.events).toHaveLength(SYSTEM_LOG_MAX);
    expect(log.events[0]?.actor.id).toBe('u1');
  });
});
