import {
  comparableTrace,
  createWorld,
  diffTraces,
  ERROR_CODES,
  FedsimError,
  normalizeTrace,
  parseScenario,
  readTrace,
  runParsedScenario,
  runScenario,
} from 'fedsim';
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

// The README's golden-trace example: a run's trace against one kept (here: the same run's JSON).
test('a trace is read, diffed and compared through the package entry', async () => {
  const { trace } = await runScenario('scenarios/sarah-end-to-end.yaml', { trace: true });
  if (!trace) throw new Error('no trace recorded');
  const golden = readTrace(JSON.stringify(normalizeTrace(trace)))?.doc;
  if (!golden) throw new Error('not read as a trace');
  expect(diffTraces(golden, trace)).toMatchObject({ equal: true });
  expect(comparableTrace(trace)).toEqual(comparableTrace(golden));
  const changed = structuredClone(golden);
  changed.hops[0] = { ...changed.hops[0], status: 599 } as (typeof changed.hops)[0];
  expect(diffTraces(golden, changed).first?.http).toEqual([
    { field: 'status', a: golden.hops[0]?.status, b: 599 },
  ]);
});
