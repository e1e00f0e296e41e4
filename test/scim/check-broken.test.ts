import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopbackFetch } from '../../harness/core/http.js';
import type { Listening } from '../../harness/core/listen.js';
import type { ScimCheckReport } from '../../harness/scim/check/index.js';
import { BROKEN_KEY, brokenScimServer } from './broken-scim-server.js';
import { checkScimServer } from './run-check.js';

let server: Listening;
let report: ScimCheckReport;
const auth = { scheme: { header: 'X-Api-Key' }, token: BROKEN_KEY };

beforeAll(async () => {
  server = await brokenScimServer();
  report = await checkScimServer(`${server.url}/scim/v2`, auth, 'broken');
});

afterAll(async () => {
  await server?.close();
});

const verdicts = (verdict: string) => report.results.filter((r) => r.verdict === verdict).map((r) => r.id);

describe('fedsim scim-check against a broken SCIM server', () => {
  it('fails exactly the checks its mistakes break, and skips none', () => {
    expect(verdicts('fail')).toEqual([
      // string totalResults and no ListResponse schema: Okta's client cannot read the lookup
      'okta.lookup',
      'okta.create', // 200, not 201
      'okta.filter',
      'spec.users-list',
      'spec.invalid-username',
      'spec.random-absent',
      'spec.create', // 200, not 201
      'spec.duplicate', // no 409
      'rfc.list-shape',
      'rfc.filter-case-insensitive',
      'rfc.duplicate-409',
    ]);
    expect(verdicts('skip')).toEqual([]);
    expect(report.counts).toEqual({ pass: report.results.length - 11, fail: 11, skip: 0 });
  });

  it('says what differed, shows the exchange and the fix', () => {
    const create = report.results.find((r) => r.id === 'spec.create');
    expect(create?.reasons).toEqual(['status 200, expected 201']);
    expect(create?.observed[0]?.request).toMatch(/^POST \/Users \{"schemas":/);
    expect(create?.observed[0]?.status).toBe(200);
    expect(create?.fix).toMatch(/201 Created/);
    const list = report.results.find((r) => r.id === 'rfc.list-shape');
    expect(list?.reasons.join('; ')).toContain('totalResults is "');
    const filter = report.results.find((r) => r.id === 'rfc.filter-case-insensitive');
    expect(filter?.reasons[0]).toBe('totalResults is "0", expected 1');
  });

  it('deletes every user it created, the duplicates the server wrongly accepted included', async () => {
    expect(report.cleanup.map((c) => c.outcome)).toEqual(['deleted', 'deleted', 'deleted', 'deleted']);
    const left = await loopbackFetch(`${server.url}/scim/v2/Users`, { headers: { 'X-Api-Key': BROKEN_KEY } });
    expect(((await left.json()) as { Resources: unknown[] }).Resources).toEqual([]);
  });
});
