import { z } from 'zod';
import { scenarioSchema } from './schema.js';

/** Where the repository keeps the generated schema; bundled scenarios point at it from their first line. */
export const SCENARIO_SCHEMA_FILE = 'schema/scenario.schema.json';

/**
 * The JSON Schema of a scenario file (draft 2020-12), from the zod schema that loads it: what a
 * user writes (`io: 'input'`, so keys with defaults are optional), each step kind its own variant.
 * A zod type with no JSON Schema form throws here rather than widening to "anything".
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' }),
    title: 'fedsim scenario',
  };
}

/** The schema file's text, formatted as committed. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
