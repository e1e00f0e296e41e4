import { createWorld, ERROR_CODES, FedsimError, parseScenario, runParsedScenario, runScenario } from 'fedsim';
import { scenarioTests } from 'fedsim/vitest';
import { expect, test } from 'vitest';

// The README's example, through the package's own entry point (dist/, as a user imports it).
test('the seed journey passes', async () => {
  const result = await runScenario('scenarios/sarah-end-to-end.yaml');
  expect(result.status).toBe('passed');
});

test('drive a world yourself', async () => {
  const world = await createWorld({ org2: { jit: false } });
  try {
    await world.org1.assign('sarah@org1.example');
    expect(world.org2.directory.find('sarah@org1.example')?.status).toBe('PROVISIONED');
  } finally {
    await world.close();
  }
});

test('inline scenarios and stable error codes are exported', async () => {
  const scenario = parseScenario(
    'name: unknown user\nsteps:\n  - assign: { user: nobody@org1.example }\n',
    'inline.yaml',
  );
  const result = await runParsedScenario(scenario);
  expect(result.steps[0]?.error?.code).toBe('SCENARIO_UNKNOWN_USER');
  expect(ERROR_CODES).toContain('SAML_AUDIENCE_MISMATCH');
  expect(() => parseScenario('name: x\n', 'bad.yaml')).toThrow(FedsimError);
});

// README's vitest helper, through its package export: one test per scenario file.
scenarioTests('scenarios/sarah-end-to-end.yaml');
