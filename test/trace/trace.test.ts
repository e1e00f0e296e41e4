import { beforeAll, describe, expect, it } from 'vitest';
import type { ResponseSummary } from '../../harness/saml/explain/summary.js';
import { junitReport } from '../../harness/scenario/junit.js';
import { parseScenario } from '../../harness/scenario/load.js';
import { humanReport, jsonReport } from '../../harness/scenario/report.js';
import { runParsedScenario, runScenario, type ScenarioResult } from '../../harness/scenario/runner.js';

const broken = parseScenario(
  `name: Deliberately broken audience
world:
  org1:
    org2org:
      audience: https://www.okta.com/saml2/service-provider/spwrongaudience00000
steps:
  - assign: { user: sarah@org1.example }
  - login: { user: sarah@org1.example }
  - expect:
      org2: { user: sarah@org1.example, linked: true }
`,
  'broken.yaml',
);

describe('trace of Sarah’s journey', () => {
  let result: ScenarioResult;
  beforeAll(async () => {
    result = await runScenario('scenarios/sarah-end-to-end.yaml', { trace: true });
  });

  it('records every exchange with its step, actors, method, status and timing', () => {
    const hops = result.trace?.hops ?? [];
    expect(hops.length).toBeGreaterThanOrEqual(20);
    expect(hops.map((h) => h.n)).toEqual(hops.map((_, i) => i + 1));
    const first = hops.find((h) => h.channel === 'browser');
    expect(first).toMatchObject({
      from: 'browser:sarah@org1.example',
      to: 'org1',
      initiator: 'browser',
      method: 'GET',
      status: 302,
      kind: 'navigate',
      step: 5,
      stepName: 'sarah@org1.example starts at org1 and clicks Org2Org → Dropbox Business',
    });
    // Timings rounded to 0.01 ms.
    expect(hops.filter((h) => !/^\d+(\.\d{1,2})?$/.test(String(h.durationMs)))).toEqual([]);
    expect(hops.some((h) => h.setCookies.includes('org1_sid'))).toBe(true);
  });

  it('decodes both SAML responses with who signed what', () => {
    const saml = (result.trace?.hops ?? []).filter((h) => h.saml);
    expect(saml.map((h) => `${h.initiator}->${h.to}:${h.saml?.kind}`)).toEqual([
      'org1->org2:Response',
      'org2->dropbox:Response',
    ]);
    const first = saml[0]?.saml?.decoded as ResponseSummary;
    expect(first.issuer).toMatch(/^http:\/\/www\.okta\.com\/exk/);
    expect(first.assertion?.nameId).toBe('sarah@org1.example');
    expect(first.assertion?.audiences[0]).toMatch(/^https:\/\/www\.okta\.com\/saml2\/service-provider\//);
    expect(first.signatures.map((s) => [s.element, s.valid])).toEqual([
      ['Response', true],
      ['Assertion', true],
    ]);
    expect(saml[0]?.saml?.xml).toContain('\n  <saml2:Issuer');
  });
});

describe('an SP-initiated trace', () => {
  it('shows the AuthnRequest and the answer that names it', async () => {
    const result = await runScenario('scenarios/sp-initiated-at-org2.yaml', { trace: true });
    const saml = (result.trace?.hops ?? []).filter((h) => h.saml);
    // org2 → org1 with the AuthnRequest, again after the sign-in page, then org1's answer to org2.
    expect(saml.map((h) => `${h.to}:${h.saml?.kind}`).slice(0, 3)).toEqual([
      'org1:AuthnRequest',
      'org1:AuthnRequest',
      'org2:Response',
    ]);
    const request = saml[0]?.saml?.decoded as { id?: string };
    const response = saml[2]?.saml?.decoded as { inResponseTo?: string };
    expect(response.inResponseTo).toBe(request.id);
  });
});

describe('a failed step explains itself', () => {
  let result: ScenarioResult;
  beforeAll(async () => {
    result = await runParsedScenario(broken, 'broken.yaml');
  });

  it('carries the failing check and the decoded message that caused it', () => {
    const failed = result.steps.find((s) => s.status === 'failed');
    expect(failed?.error?.code).toBe('SAML_AUDIENCE_MISMATCH');
    expect(failed?.error?.actual).toBe('https://www.okta.com/saml2/service-provider/spwrongaudience00000');
    expect(String(failed?.error?.expected)).toMatch(/service-provider\/spa/);
    expect((failed?.saml?.decoded as ResponseSummary | undefined)?.assertion?.audiences).toEqual([
      'https://www.okta.com/saml2/service-provider/spwrongaudience00000',
    ]);
    expect(result.steps.at(-1)?.status).toBe('skipped');
  });

  it('shows step, code, expected, actual, fix and the decoded Response in the report', () => {
    const report = humanReport([result], 1000);
    expect(report).toContain('✗ Deliberately broken audience');
    expect(report).toContain('SAML_AUDIENCE_MISMATCH');
    expect(report).toMatch(/expected: https:\/\/www\.okta\.com\/saml2\/service-provider\/spa/);
    expect(report).toContain('actual:   https://www.okta.com/saml2/service-provider/spwrongaudience00000');
    expect(report).toContain('fix:');
    expect(report).toContain('the Response that caused it:');
    expect(report).toMatch(
      /Audience\s+\["https:\/\/www\.okta\.com\/saml2\/service-provider\/spwrongaudience00000"\]/,
    );
    expect(report).toContain('0 passed, 1 failed');
    expect(jsonReport([result]).failed).toBe(1);
  });

  it('writes JUnit with one failing testcase whose message is the explanation', () => {
    const xml = junitReport([result]);
    expect(xml).toContain('<testsuite name="fedsim scenarios" tests="1" failures="1"');
    expect(xml).toMatch(
      /<failure message="sarah@org1\.example starts at org1 and clicks Org2Org: SAML_AUDIENCE_MISMATCH: [^"]+" type="SAML_AUDIENCE_MISMATCH">/,
    );
    expect(xml).toContain('fix: ');
  });
});
