import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopbackFetch } from '../../harness/core/http.js';
import { runScimCheck, SCIM_CHECKS, type ScimCheckReport } from '../../harness/scim/check/index.js';
import { createWorld, type World } from '../../harness/world/world.js';

let world: World;
let report: ScimCheckReport;
let n = 0;

beforeAll(async () => {
  world = await createWorld();
  report = await runScimCheck({
    url: world.dropbox.scimUrl,
    auth: { scheme: 'bearer', token: world.dropbox.options.scimToken },
    fetch: loopbackFetch,
    now: () => 0,
    random: () => `r${(n += 1)}`,
  });
});

afterAll(async () => {
  await world?.close();
});

describe("fedsim scim-check against fedsim's own Dropbox SCIM server", () => {
  it('passes every check', () => {
    const failed = report.results.filter((r) => r.verdict !== 'pass');
    expect(failed.map((r) => [r.id, r.reasons])).toEqual([]);
    expect(report.results.map((r) => r.id)).toEqual(SCIM_CHECKS.map((c) => c.id));
  });
});
