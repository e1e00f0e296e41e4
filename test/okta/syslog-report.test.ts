import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../harness/core/clock.js';
import { SeededIds } from '../../harness/core/ids.js';
import { SYSTEM_ACTOR, SystemLog } from '../../harness/okta/syslog/log-store.js';
import { systemLogReport, systemLogReportHtml } from '../../harness/okta/syslog/report-page.js';
import type { TracedExchange } from '../../harness/trace/document.js';

const START = '2026-03-01T09:00:00.000Z';
const SARAH = { id: '00u1', type: 'User', alternateId: 'sarah@org1.example', displayName: 'Sarah Connor' };
const IDP = { id: '0oa9', type: 'IdentityProvider', alternateId: 'Org1 IDP', displayName: 'Org1 IDP' };

/** Three events an hour apart: a push, a successful sign-in, a failed one. */
function sampleLog(): SystemLog {
  const clock = new FixedClock(START);
  const log = new SystemLog(clock, new SeededIds('report'));
  log.record({
    eventType: 'application.provision.user.push',
    displayMessage: 'Push user to app',
    actor: SYSTEM_ACTOR,
    outcome: { result: 'SUCCESS', reason: null },
    target: [SARAH],
  });
  clock.advance(3_600_000);
  log.record({
    eventType: 'user.authentication.auth_via_IDP',
    displayMessage: 'Authenticate user via IDP',
    actor: SARAH,
    outcome: { result: 'SUCCESS', reason: null },
    target: [IDP],
  });
  clock.advance(3_600_000);
  log.record({
    eventType: 'user.authentication.auth_via_IDP',
    displayMessage: 'Authenticate user via IDP',
    actor: { id: 'unknown', type: 'User', alternateId: 'unknown', displayName: 'unknown' },
    outcome: { result: 'FAILURE', reason: 'Unable to validate incoming SAML Assertion' },
    target: [IDP],
    debugData: { fedsimCode: 'SAML_AUDIENCE_MISMATCH', fedsimMessage: 'Audience is not org2' },
  });
  return log;
}

const rows = (html: string) => [...html.matchAll(/<tr id="event-[^"]+"/g)].length;

const refusedHop = {
  n: 7,
  from: 'browser:user',
  to: 'org2',
  channel: 'browser',
  kind: 'form',
  method: 'POST',
  url: 'http://127.0.0.1:1/sso/saml2/0oa9',
  status: 400,
  setCookies: [],
  checks: [
    {
      check: 'audience',
      code: 'SAML_AUDIENCE_MISMATCH',
      ok: false,
      expected: 'org2',
      actual: 'x',
      hint: 'Set the audience',
    },
  ],
  decision: { outcome: 'refused', code: 'SAML_AUDIENCE_MISMATCH' },
} as unknown as TracedExchange;

describe('System Log report page', () => {
  it('lists every event newest first, one row each', () => {
    const html = systemLogReportHtml(sampleLog().events, {});
    expect(rows(html)).toBe(3);
    expect(html).toContain('3 of 3 events, newest first');
    expect(html.indexOf('FAILURE')).toBeLessThan(html.indexOf('application.provision.user.push'));
  });

  it('filters by text over actor, target and event type, by outcome and by time range', () => {
    const events = sampleLog().events;
    expect(rows(systemLogReportHtml(events, { q: 'sarah' }))).toBe(2);
    expect(rows(systemLogReportHtml(events, { q: 'org1 idp' }))).toBe(2);
    expect(rows(systemLogReportHtml(events, { q: 'provision' }))).toBe(1);
    expect(rows(systemLogReportHtml(events, { result: 'FAILURE' }))).toBe(1);
    expect(rows(systemLogReportHtml(events, { since: '2026-03-01T10:00', until: '2026-03-01T11:00' }))).toBe(
      1,
    );
    const bad = systemLogReportHtml(events, { since: 'yesterday' });
    expect(bad).toContain('since: &quot;yesterday&quot; is not a date');
    expect(rows(bad)).toBe(3);
  });

  it('opens a failed sign-in to its check table and links it into the trace by transaction id', () => {
    const log = sampleLog();
    const failed = log.events.at(-1);
    const html = systemLogReportHtml(log.events, { transaction: failed?.transaction.id }, (id) =>
      id === failed?.transaction.id ? refusedHop : undefined,
    );
    expect(rows(html)).toBe(1);
    expect(html).toContain('<details open><summary>Why it failed</summary>');
    expect(html).toContain('Decision: refused</strong> <code>SAML_AUDIENCE_MISMATCH</code>');
    expect(html).toContain('Failed checks (1)');
    expect(html).toContain('Set the audience');
    expect(html).toContain('<a href="/_fedsim/trace#hop-7">Open in trace (exchange 7)</a>');
  });

  it('says so when no trace of the request is kept', () => {
    const html = systemLogReportHtml(sampleLog().events, { result: 'FAILURE' });
    expect(html).toContain('<details><summary>Why it failed</summary>');
    expect(html).toContain('No trace of this request is kept');
    expect(html).toContain('<code>SAML_AUDIENCE_MISMATCH</code> Audience is not org2');
    expect(html).not.toContain('Open in trace');
  });

  it('escapes what events carry', () => {
    const log = new SystemLog(new FixedClock(START), new SeededIds('x'));
    log.record({
      eventType: 'user.session.start',
      displayMessage: '<script>x</script>',
      actor: SYSTEM_ACTOR,
      outcome: { result: 'SUCCESS', reason: null },
    });
    expect(systemLogReportHtml(log.events, {})).toContain('&lt;script&gt;x&lt;/script&gt;');
  });

  it('serves the fragment inside the console layout it is given', async () => {
    const app = express();
    app.get(
      '/admin/reports/syslog',
      systemLogReport({ log: sampleLog(), render: (b, t) => `<title>${t}</title>${b}` }),
    );
    const res = await request(app).get('/admin/reports/syslog?result=SUCCESS').expect(200);
    expect(res.text.startsWith('<title>System Log</title><section class="syslog"')).toBe(true);
    expect(rows(res.text)).toBe(2);
  });
});
