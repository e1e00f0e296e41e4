import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../../harness/trace/document.js';
import { LIVE_TRACE_MAX_HOPS, LiveTrace } from '../../../harness/trace/live/recorder.js';
import type { RecordedCall } from '../../../harness/trace/record.js';

const ORG2 = 'http://127.0.0.1:4002';

function bound(max?: number): LiveTrace {
  const trace = new LiveTrace(max);
  trace.bind({ parties: () => ({ org2: ORG2 }), spFor: () => undefined, secrets: () => ['s3cret-token'] });
  return trace;
}

const call = (path: string, body?: unknown): RecordedCall => ({
  method: 'POST',
  url: `${ORG2}${path}`,
  status: 200,
  requestHeaders: { 'content-type': 'application/json', authorization: 'SSWS s3cret-token' },
  responseHeaders: { 'content-type': 'application/json' },
  setCookie: [],
  ...(body === undefined ? {} : { requestBody: JSON.stringify(body), responseBody: JSON.stringify(body) }),
  durationMs: 1.234,
});

/** A party's call through the recorder's sink, as its recorded fetch makes it. */
function partyCall(trace: LiveTrace, path: string, body?: unknown): void {
  const done = trace.sinks('org1')({ method: 'POST', url: `${ORG2}${path}` });
  done(call(path, body));
}

describe('LiveTrace', () => {
  it('keeps a ring of the latest exchanges, numbered from the world start', () => {
    expect(LIVE_TRACE_MAX_HOPS).toBe(300);
    const trace = bound(3);
    for (let i = 1; i <= 5; i++) partyCall(trace, `/api/v1/users/${i}`);
    expect(trace.hops.map((h) => [h.n, h.url])).toEqual([
      [3, `${ORG2}/api/v1/users/3`],
      [4, `${ORG2}/api/v1/users/4`],
      [5, `${ORG2}/api/v1/users/5`],
    ]);
    expect(trace.document().hops.map((h) => h.n)).toEqual([3, 4, 5]);
  });

  it('orders by start: a call that started first and ended last keeps its place', () => {
    const trace = bound();
    const first = trace.sinks('org1')({ method: 'POST', url: `${ORG2}/slow` });
    partyCall(trace, '/fast');
    first(call('/slow'));
    expect(trace.hops.map((h) => [h.n, h.url.slice(ORG2.length)])).toEqual([
      [1, '/slow'],
      [2, '/fast'],
    ]);
  });

  it('knows a party call in flight, so the receiving party does not record it twice', () => {
    const trace = bound();
    const done = trace.sinks('org1')({ method: 'GET', url: `${ORG2}/api/v1/users/x` });
    expect(trace.isPartyCall('GET', `${ORG2}/api/v1/users/x`)).toBe(true);
    expect(trace.isPartyCall('POST', `${ORG2}/api/v1/users/x`)).toBe(false);
    done({ ...call('/api/v1/users/x'), method: 'GET' });
    expect(trace.isPartyCall('GET', `${ORG2}/api/v1/users/x`)).toBe(false);
  });

  it('redacts as --trace does and tells subscribers until they leave', () => {
    const trace = bound();
    const seen: number[] = [];
    const leave = trace.subscribe((hop) => seen.push(hop.n));
    partyCall(trace, '/api/v1/users', {
      profile: { login: 'a' },
      credentials: { password: { value: 'pw' } },
    });
    leave();
    partyCall(trace, '/api/v1/users');
    expect(seen).toEqual([1]);
    const [hop] = trace.hops;
    expect(hop?.requestHeaders?.authorization).toBe(`SSWS ${REDACTED}`);
    expect(hop?.requestBody).toEqual({
      profile: { login: 'a' },
      credentials: { password: { value: REDACTED } },
    });
    expect(JSON.stringify(trace.document())).not.toContain('s3cret-token');
  });

  it('finds the exchange of a request id (a System Log transaction)', () => {
    const trace = bound();
    trace.add(trace.take(), { channel: 'api', from: 'org1', call: call('/a'), requestId: 'req-1' });
    expect(trace.hopOf('req-1')?.requestId).toBe('req-1');
    expect(trace.hopOf('req-2')).toBeUndefined();
  });

  it('builds an exchange when it is first read, redacted with the secrets it completed under', () => {
    const secrets = ['old-password-1'];
    const trace = new LiveTrace();
    trace.bind({ parties: () => ({ org2: ORG2 }), spFor: () => undefined, secrets: () => [...secrets] });
    partyCall(trace, '/api/v1/users', { note: 'was old-password-1' });
    secrets.length = 0;
    expect(trace.hops[0]?.requestBody).toEqual({ note: `was ${REDACTED}` });
    expect(trace.hops[0]).toBe(trace.document().hops[0]);
  });
});
