import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../harness/scenario/load.js';
import { runParsedScenario } from '../../harness/scenario/runner.js';
import { describeStep, STEP_KINDS, STEPS, stepKind, stepSchema } from '../../harness/scenario/steps/index.js';

const SARAH = 'sarah@org1.example';

describe('the step table', () => {
  it('has one definition per kind, and the schema one variant per definition', () => {
    expect(new Set(STEP_KINDS).size).toBe(STEPS.length);
    expect(stepSchema.options).toHaveLength(STEPS.length);
    expect(STEPS.every((s) => s.summary.length > 0)).toBe(true);
  });

  it('finds the kind of a parsed step', () => {
    expect(stepKind(stepSchema.parse({ name: 'n', advanceClock: { seconds: 1 } }))).toBe('advanceClock');
  });

  // Report names are user-visible (JSON report, JUnit): each kind keeps the name it always had.
  it.each([
    [{ assign: { user: SARAH } }, `assign ${SARAH} to Org2Org`],
    [{ assign: { user: SARAH, app: 'Dropbox Business' } }, `assign ${SARAH} to Dropbox Business`],
    [{ unassign: { user: SARAH } }, `unassign ${SARAH} from Org2Org`],
    [
      { updateProfile: { user: SARAH, profile: { lastName: 'Reyes' } } },
      `update ${SARAH} in org1: {"lastName":"Reyes"}`,
    ],
    [{ deactivate: { user: SARAH, org: 'org2' } }, `deactivate ${SARAH} in org2`],
    [{ login: { user: SARAH } }, `${SARAH} starts at org1 and clicks Org2Org`],
    [{ login: { user: SARAH, start: 'dropbox' } }, `${SARAH} starts at dropbox`],
    [
      { login: { user: SARAH, start: 'org2', path: '/x', tiles: ['Dropbox Business'] } },
      `${SARAH} starts at org2/x and clicks Dropbox Business`,
    ],
    [{ replay: { user: SARAH } }, `${SARAH}'s browser posts its last SAML response to org2 again`],
    [{ advanceClock: { seconds: 90 } }, 'advance the clock 90 s'],
    [{ setGroups: { user: SARAH, groups: ['a', 'b'] } }, `${SARAH}'s org1 groups become [a, b]`],
    [{ configure: { org2: { jit: false } } }, 'configure {"org2":{"jit":false}}'],
    [
      { inject: { party: 'dropbox', fault: 'latency', ms: 5, count: 2 } },
      "inject latency (5 ms) into dropbox's next 2 API calls",
    ],
    [
      { inject: { party: 'org2', fault: 'error5xx', status: 503 } },
      "inject error5xx (503) into org2's next 1 API call",
    ],
    [{ expect: {} }, 'expect'],
    [{ name: 'my own name', expect: {} }, 'my own name'],
  ])('names %j as "%s"', (step, name) => {
    expect(describeStep(stepSchema.parse(step))).toBe(name);
  });
});

describe('steps at run time', () => {
  it("a Dropbox assignment fails on this user's task, not on the task another user's push left last", async () => {
    const scenario = parseScenario(
      `name: one user's failed push does not fail another's assignment
world:
  org2:
    dropbox:
      provisioning: { retry: { maxAttempts: 1 } }
steps:
  - assign: { user: david@org1.example }
  - assign: { user: ${SARAH} }
  - inject: { party: dropbox, fault: error5xx }
  - assign: { user: david@org1.example, app: Dropbox Business }
    expectError: PROVISIONING_FAILED
  - configure: { org2: { dropbox: { provisioning: { create: false } } } }
  - assign: { user: ${SARAH}, app: Dropbox Business }
  - expect:
      provisioning: { party: org2, status: failed, user: david@org1.example }
      dropbox: { memberCount: 0 }
`,
      'inline.yaml',
    );
    const result = await runParsedScenario(scenario);
    expect(result.steps.map((s) => s.status)).toEqual(Array(7).fill('passed'));
  });

  it('expect.dropbox compares member attributes and names each one that differs', async () => {
    const scenario = parseScenario(
      `name: wrong member attributes
steps:
  - assign: { user: ${SARAH} }
  - assign: { user: ${SARAH}, app: Dropbox Business }
  - expect:
      dropbox: { member: ${SARAH}, givenName: Sarah, familyName: Reyes, email: ${SARAH}, active: false }
`,
      'inline.yaml',
    );
    const failed = (await runParsedScenario(scenario)).steps[2];
    expect(failed?.error?.code).toBe('SCENARIO_EXPECTATION_FAILED');
    expect(failed?.error?.actual).toEqual({
      [`dropbox member ${SARAH} familyName`]: 'Miller',
      [`dropbox member ${SARAH} active`]: true,
    });
  });

  it('a member attribute of a member that does not exist fails on existence', async () => {
    const scenario = parseScenario(
      `name: no such member\nsteps:\n  - expect:\n      dropbox: { member: nobody@org1.example, familyName: Reyes }\n`,
      'inline.yaml',
    );
    const failed = (await runParsedScenario(scenario)).steps[0];
    expect(failed?.error?.actual).toEqual({ 'dropbox member nobody@org1.example exists': false });
  });
});
