import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCIM_CHECKS, type ScimCheckReport } from '../../harness/scim/check/index.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { checkScimServer } from './run-check.js';

let world: World;
let report: ScimCheckReport;

beforeAll(async () => {
  world = await createWorld();
  report = await checkScimServer(
    world.dropbox.scimUrl,
    { scheme: 'bearer', token: world.dropbox.options.scimToken },
    'own',
  );
});

afterAll(async () => {
  await world?.close();
});

describe("fedsim scim-check against fedsim's own Dropbox SCIM server", () => {
  it('passes every check, each of the table run once in order', () => {
    const notPassed = report.results.filter((r) => r.verdict !== 'pass').map((r) => [r.id, r.reasons]);
    expect(notPassed).toEqual([]);
    expect(report.results.map((r) => r.id)).toEqual(SCIM_CHECKS.map((c) => c.id));
    expect(report.results).toHaveLength(27);
  });

  it("sends Okta's requests: the lookup with startIndex and count, then POST", () => {
    const lookup = report.results.find((r) => r.id === 'okta.lookup');
    expect(lookup?.observed[0]?.request).toBe(
      'GET /Users?filter=userName eq "fedsim-okta-own1@example.com"&startIndex=1&count=100',
    );
    const sequence = report.results.find((r) => r.id === 'okta.sequence');
    expect(sequence?.observed.map((e) => e.request.split(' ')[0])).toEqual([
      'GET',
      'POST',
      'GET',
      'GET',
      'GET',
      'PUT',
      'GET',
      'PATCH',
      'GET',
      'PATCH',
      'GET',
      'PATCH',
      'GET',
    ]);
  });

  it('removes the users it created: the team is empty again', () => {
    expect(report.cleanup.map((c) => c.outcome)).toEqual(['deleted', 'deleted']);
    expect(world.dropbox.team.all()).toEqual([]);
  });
});
