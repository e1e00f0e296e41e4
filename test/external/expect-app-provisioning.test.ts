import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../harness/scenario/load.js';
import { runParsedScenario } from '../../harness/scenario/runner.js';
import { startScimServer } from './scim-server.js';

// `expect.provisioning.app`: a scenario checks the SCIM tasks of one org2 app by name, here an
// app provisioning to a SCIM server of the test's (not fedsim's Dropbox), next to Dropbox's own.

const SARAH = 'sarah@org1.example';
let server: Awaited<ReturnType<typeof startScimServer>>;

beforeAll(async () => {
  server = await startScimServer();
});

afterAll(async () => {
  await server?.listening.close();
});

const scenario = (expectations: string) =>
  parseScenario(
    `name: an app's SCIM tasks
world:
  org2:
    apps:
      - name: Notes
        saml: { acsUrl: http://127.0.0.1:9/acs, audience: urn:example:notes }
        provisioning:
          scim: { url: ${server.url}, token: T }
          retry: { maxAttempts: 2, backoffSeconds: 0 }
steps:
  - assign: { user: ${SARAH} }
  - assign: { user: ${SARAH}, app: Notes }
  - assign: { user: ${SARAH}, app: Dropbox Business }
${expectations}`,
    'inline.yaml',
  );

describe('expect.provisioning names the org2 app whose tasks it checks', () => {
  it("checks the app's own tasks, Dropbox's apart", async () => {
    const result = await runParsedScenario(
      scenario(`  - expect:
      provisioning: { party: org2, app: Notes, action: create, user: ${SARAH}, status: done, attempts: 1 }
  - expect:
      provisioning: { party: org2, action: create, user: ${SARAH}, status: done }
`),
    );
    expect(result.steps.map((s) => s.status)).toEqual(Array(5).fill('passed'));
    expect(server.seen.map((s) => s.method)).toEqual(['GET', 'POST']);
  });

  it("a retried push shows on the app's task, and a wrong expectation names the app", async () => {
    server.seen.length = 0;
    server.failNext(1);
    const result = await runParsedScenario(
      scenario(`  - expect:
      provisioning: { party: org2, app: Notes, user: ${SARAH}, status: done, attempts: 2, attemptStatuses: [503] }
  - expect:
      provisioning: { party: org2, app: Notes, user: ${SARAH}, status: failed }
`),
    );
    expect(result.steps.map((s) => s.status).slice(3)).toEqual(['passed', 'failed']);
    expect(result.steps[4]?.error?.actual).toEqual({
      [`org2 Notes last ${SARAH}'s provisioning task status`]: 'done',
    });
  });

  it('refuses at load an app that is not in the world, or an app with party org1', () => {
    expect(() =>
      scenario(`  - expect:\n      provisioning: { party: org2, app: Nope, status: done }\n`),
    ).toThrow(/no app "Nope" in this world/);
    expect(() =>
      scenario(`  - expect:\n      provisioning: { party: org1, app: Notes, status: done }\n`),
    ).toThrow(/app names an org2 app: give party: org2/);
  });
});
