import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { FedsimError } from '../core/errors.js';
import { locateIssues, scenarioErrorMap } from './load-issues.js';
import { type Scenario, scenarioSchema } from './schema.js';

const MAX_SCENARIO_BYTES = 1024 * 1024;

/** Parses scenario YAML text; every problem names the file, line:column, the path in it and the reason. */
export function parseScenario(text: string, file: string): Scenario {
  if (text.length > MAX_SCENARIO_BYTES)
    throw new FedsimError('SCENARIO_PARSE', `${file}: larger than ${MAX_SCENARIO_BYTES} bytes`);
  const lines = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter: lines });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = yamlError.linePos?.[0];
    throw new FedsimError(
      'SCENARIO_PARSE',
      `${file}${pos ? `:${pos.line}:${pos.col}` : ''}: ${yamlError.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`,
      {
        hint: 'Fix the YAML syntax at that position.',
      },
    );
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  const result = scenarioSchema.safeParse(data, { error: scenarioErrorMap });
  if (result.success) return result.data;
  // A failed parse has at least one issue, and locating keeps at least one per issue.
  const located = locateIssues(result.error.issues, doc, lines, data).map(
    (i) => `${file}:${i.line}:${i.col}: ${i.path}: ${i.message}`,
  );
  const more = located.length > 1;
  throw new FedsimError('SCENARIO_INVALID', located[0] as string, {
    actual: more ? located : undefined,
    hint: more ? `${located.length} problems in all` : undefined,
  });
}

export function loadScenarioFile(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new FedsimError(
      'SCENARIO_PARSE',
      `${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      { cause: err },
    );
  }
  return parseScenario(text, file);
}

/**
 * The seed of a scenario's ids: its world's `seed`, else its `name`. Never the path as typed
 * (`x.yaml`, `./x.yaml` and an absolute path are one scenario), so `run`, `explain --profile`
 * and two runs of the same scenario derive the same ids, XML and signatures.
 */
export function scenarioSeed(scenario: Scenario): string {
  return scenario.world?.seed ?? scenario.name;
}
