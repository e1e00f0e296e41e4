import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SCENARIO_SCHEMA_FILE, scenarioJsonSchemaText } from './json-schema.js';
import { README_SECTIONS, writeSection } from './reference.js';

/**
 * `npm run schema` (from the repository root): writes the scenario JSON Schema and README's step
 * and expect tables; a test fails while either is out of date.
 */
function main(): void {
  mkdirSync(dirname(SCENARIO_SCHEMA_FILE), { recursive: true });
  writeFileSync(SCENARIO_SCHEMA_FILE, scenarioJsonSchemaText());
  let readme = readFileSync('README.md', 'utf8');
  for (const [name, table] of Object.entries(README_SECTIONS)) readme = writeSection(readme, name, table());
  writeFileSync('README.md', readme);
  console.log(
    `wrote ${SCENARIO_SCHEMA_FILE} and README.md's ${Object.keys(README_SECTIONS).join(', ')} tables`,
  );
}

main();
