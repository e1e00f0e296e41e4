import { describe, expect, it } from 'vitest';
import { FedsimError } from '../../harness/core/errors.js';
import { parseScenario } from '../../harness/scenario/load.js';

/** The error a scenario text fails to load with. */
function loadError(text: string): FedsimError {
  try {
    parseScenario(text, 'bad.yaml');
  } catch (err) {
    if (err instanceof FedsimError) return err;
    throw err;
  }
  throw new Error('the scenario loaded');
}

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('scenario load errors: file:line:col, the path inside it, the reason', () => {
  it('a misspelt expectError fails at load and names the code meant', () => {
    const err = loadError(
      lines('name: x', 'steps:', '  - login: { user: a }', '    expectError: USER_NOT_FOUND'),
    );
    expect(err.code).toBe('SCENARIO_INVALID');
    expect(err.message).toMatch(
      /^bad\.yaml:4:18: steps\[0\]\.expectError: .*did you mean IDP_USER_NOT_FOUND\?$/,
    );
  });

  it('an unknown key points at the key and names the allowed key meant', () => {
    const err = loadError(lines('name: x', 'steps:', '  - login: { user: a, tilez: [Org2Org] }'));
    expect(err.code).toBe('SCENARIO_INVALID');
    expect(err.message).toMatch(/^bad\.yaml:3:23: steps\[0\]\.login: .*tilez.*did you mean tiles\?$/);
  });

  it('an unknown key deep in the world is located too', () => {
    const err = loadError(
      lines('name: x', 'world:', '  org2:', '    idp:', '      matchTyp: EMAIL', 'steps:', '  - expect: {}'),
    );
    expect(err.message).toMatch(/^bad\.yaml:5:7: world\.org2\.idp: .*did you mean matchType\?$/);
  });

  it('an unknown step kind names the kind meant', () => {
    const err = loadError(lines('name: x', 'steps:', '  - assign: { user: a }', '  - lgoin: { user: a }'));
    expect(err.code).toBe('SCENARIO_INVALID');
    expect(err.message).toMatch(/^bad\.yaml:4:5: steps\[1\]: .*lgoin.*did you mean login\?$/);
  });

  it('a step with two kinds, or none, is refused at the step', () => {
    const two = loadError(
      lines('name: x', 'steps:', '  - expect: {}', '  - login: { user: a }', '    expect: {}'),
    );
    expect(two.code).toBe('SCENARIO_INVALID');
    expect(two.message).toMatch(/^bad\.yaml:4:5: steps\[1\]: .*login and expect/);
    const none = loadError(lines('name: x', 'steps:', '  - name: nothing to do'));
    expect(none.message).toMatch(/^bad\.yaml:3:5: steps\[0\]: .*assign, unassign/);
    const scalar = loadError(lines('name: x', 'steps:', '  - login'));
    expect(scalar.message).toMatch(/^bad\.yaml:3:5: steps\[0\]: /);
  });

  it("a bad value inside a step's input is located at the value, not the step", () => {
    const err = loadError(
      lines(
        'name: x',
        'steps:',
        '  - expect: {}',
        '  - login:',
        '      user: a',
        '      tiles: [Org2Org, Dropbox]',
      ),
    );
    expect(err.message).toMatch(/^bad\.yaml:6:24: steps\[1\]\.login\.tiles\[1\]: /);
  });

  it('an app a step names must be in the world: Org2Org, Dropbox Business or world.org2.apps', () => {
    const err = loadError(
      lines(
        'name: x',
        'world: { org2: { apps: [{ name: My App, saml: { acsUrl: "http://127.0.0.1:9/acs", audience: a } }] } }',
        'steps:',
        '  - assign: { user: a, app: My Ap }',
      ),
    );
    expect(err.message).toMatch(
      /^bad\.yaml:4:29: steps\[0\]\.assign\.app: no app "My Ap" in this world; apps: Org2Org, Dropbox Business, My App/,
    );
  });

  it('a missing required key points at the mapping that lacks it', () => {
    const err = loadError(lines('name: x', 'steps:', '  - assign: {}'));
    expect(err.message).toMatch(/^bad\.yaml:3:13: steps\[0\]\.assign\.user: .*required/);
  });

  it('error codes in provisioning expectations are checked the same way', () => {
    const err = loadError(
      lines(
        'name: x',
        'steps:',
        '  - expect:',
        '      provisioning: { party: org1, status: failed, code: E0000001 }',
      ),
    );
    expect(err.message).toMatch(
      /^bad\.yaml:4:58: steps\[0\]\.expect\.provisioning\.code: .*OKTA_E0000001\?$/,
    );
  });

  it('lists every problem, each located', () => {
    const err = loadError(lines('nme: x', 'steps:', '  - expect: {}'));
    expect(err.actual).toEqual([
      expect.stringMatching(/^bad\.yaml:1:1: name: /),
      expect.stringMatching(/^bad\.yaml:1:1: \(root\): .*did you mean name\?$/),
    ]);
    expect(err.hint).toMatch(/^2 /);
  });

  it('YAML syntax errors are SCENARIO_PARSE with file:line:col', () => {
    const err = loadError(lines('name: x', 'steps:', '  - login: { user: a'));
    expect(err.code).toBe('SCENARIO_PARSE');
    expect(err.message).toMatch(/^bad\.yaml:4:1: /);
    const dup = loadError(lines('name: x', 'name: y', 'steps:', '  - expect: {}'));
    expect(dup.code).toBe('SCENARIO_PARSE');
    expect(dup.message).toMatch(/^bad\.yaml:2:1: /);
  });
});
