import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findScenarioFiles } from '../../harness/scenario/files.js';
import { SCENARIO_SCHEMA_FILE } from '../../harness/scenario/json-schema.js';
import { STEP_KINDS } from '../../harness/scenario/steps/index.js';

const committed = readFileSync(SCENARIO_SCHEMA_FILE, 'utf8');
// zod writes a pattern beside `format: date-time`; the pattern is what checks it here.
const validate = new Ajv2020({ allErrors: true, formats: { 'date-time': true } }).compile(
  JSON.parse(committed),
);
const bundled = findScenarioFiles(['scenarios']);

function valid(text: string): boolean {
  return validate(parse(text)) === true;
}

describe('the scenario JSON Schema', () => {
  it('is draft 2020-12 and gives each step kind its own variant', () => {
    const schema = JSON.parse(committed);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const variants = schema.properties.steps.items.anyOf as { required: string[] }[];
    expect(variants.map((v) => v.required)).toContainEqual(['login']);
    expect(variants.map((v) => v.required[0])).toEqual(STEP_KINDS);
  });

  it.each(bundled)('validates %s, which points at it from its first line', (file) => {
    const text = readFileSync(file, 'utf8');
    const [first] = text.split('\n');
    const ref = /^# yaml-language-server: \$schema=(\S+)$/.exec(first ?? '')?.[1];
    expect(ref, `${file} starts with the yaml-language-server line`).toBeDefined();
    expect(resolve(dirname(file), ref ?? '')).toBe(resolve(SCENARIO_SCHEMA_FILE));
    expect(validate(parse(text)), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('refuses what the loader refuses', () => {
    const step = (s: string) => `name: x\nsteps:\n  - ${s}\n`;
    expect(valid(step('login: { user: a }'))).toBe(true);
    expect(valid(step('login: { user: a }\n    expect: {}'))).toBe(false);
    expect(valid(step('name: only a name'))).toBe(false);
    expect(valid(step('lgoin: { user: a }'))).toBe(false);
    expect(valid(step('login: { user: a, tilez: [Org2Org] }'))).toBe(false);
    expect(valid(step('login: { user: a }\n    expectError: USER_NOT_FOUND'))).toBe(false);
    expect(valid('name: x\nsteps: []\n')).toBe(false);
    expect(valid(step('expect: { dropbox: { member: a, familyName: Reyes, active: true } }'))).toBe(true);
  });

  it('is shipped with the package', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { files: string[] };
    expect(pkg.files).toContain(dirname(SCENARIO_SCHEMA_FILE));
    expect(existsSync(SCENARIO_SCHEMA_FILE)).toBe(true);
  });
});
