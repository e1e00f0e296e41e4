import { expect, it } from 'vitest';
import { traceDocumentOf } from '../../harness/cli/trace-adapter.js';
import type { ScenarioResult } from '../../harness/scenario/runner.js';
import { REDACTED, TRACE_VERSION } from '../../harness/trace/document.js';

it('turns a run into a trace document: numbered browser hops, rounded timings, passwords redacted', () => {
  const result: ScenarioResult = {
    file: 'scenarios/x.yaml',
    name: 'x',
    status: 'failed',
    durationMs: 5,
    steps: [
      {
        name: 'login',
        status: 'failed',
        durationMs: 1,
        error: { code: 'AUTH_USER_INACTIVE', message: 'no' },
      },
    ],
    trace: [
      {
        from: 'org1',
        to: 'org1',
        method: 'POST',
        url: 'http://127.0.0.1:1/login',
        status: 303,
        kind: 'form',
        formFields: { username: 'sarah@org1.example', password: 'Sarah-Passw0rd!' },
        setCookies: ['org1_sid'],
        durationMs: 47.284223999999995,
      },
    ],
  };
  const doc = traceDocumentOf(result);
  expect(doc).toMatchObject({
    fedsimTrace: TRACE_VERSION,
    scenario: { file: 'scenarios/x.yaml', status: 'failed' },
  });
  expect(doc.steps).toEqual([
    { index: 1, name: 'login', status: 'failed', error: { code: 'AUTH_USER_INACTIVE', message: 'no' } },
  ]);
  expect(doc.hops[0]).toMatchObject({
    n: 1,
    from: 'browser',
    to: 'org1',
    channel: 'browser',
    durationMs: 47.28,
  });
  expect(doc.hops[0]?.formFields).toEqual({ username: 'sarah@org1.example', password: REDACTED });
  expect(JSON.stringify(doc)).not.toContain('Passw0rd');
});
