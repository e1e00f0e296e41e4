import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { expect, it, vi } from 'vitest';
import { SeededIds } from '../../harness/core/ids.js';
import { randomSecrets } from '../../harness/core/secrets.js';
import { findScenarioFiles } from '../../harness/scenario/files.js';
import { loadScenarioFile } from '../../harness/scenario/load.js';
import { scenarioFailure } from '../../harness/scenario/report.js';
import { runParsedScenario } from '../../harness/scenario/runner.js';
import { comparableTrace, normalizeTrace } from '../../harness/trace/normalize.js';
import { WORLD_DEFAULTS } from '../../harness/world/defaults.js';

const schema = JSON.parse(readFileSync('schema/trace.schema.json', 'utf8'));
const validate = new Ajv({ allErrors: true, validateFormats: false }).compile(schema);

/** Every string under a key named password in a scenario: the passwords its world and steps use. */
function passwordsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(passwordsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    /password/i.test(k) && typeof v === 'string' ? [v] : passwordsIn(v),
  );
}

const DEFAULT_PASSWORDS = WORLD_DEFAULTS.org1Users.flatMap((u) => (u.password ? [u.password] : []));

/**
 * One quarter of the bundled scenarios (the suite's two workers share four files), the only
 * place they all run: each is run twice with recording on. Both runs must pass (a failure is the step report,
 * as fedsim/vitest gives it); the two normalised traces must be equal once the signed bytes are
 * masked, valid against schema/trace.schema.json, and free of every secret the world made.
 */
export function everyScenario(quarter: 0 | 1 | 2 | 3): void {
  const files = findScenarioFiles(['scenarios']).filter((_, i) => i % 4 === quarter);
  for (const file of files) {
    const scenario = loadScenarioFile(file);
    // Named as fedsim/vitest names a scenario test (vitest's $-titles would cut the name short).
    it(`${scenario.name} (${file}): passes, same trace twice, schema-valid, no secrets`, async () => {
      // Every token handed out is a secret: API and SCIM tokens (seeded), session ids (random).
      const tokens = vi.spyOn(SeededIds.prototype, 'token');
      const sessions = vi.spyOn(randomSecrets, 'token');
      // One after the other, as the scenario test before this one ran them.
      const a = await runParsedScenario(scenario, file, { trace: true });
      const b = await runParsedScenario(scenario, file, { trace: true });
      const secrets = [
        ...[...tokens.mock.results, ...sessions.mock.results].map((r) => r.value as string),
        ...DEFAULT_PASSWORDS,
        ...passwordsIn(scenario),
      ];
      tokens.mockRestore();
      sessions.mockRestore();
      for (const result of [a, b]) {
        const failure = scenarioFailure(result);
        if (failure) throw failure;
      }
      if (!a.trace || !b.trace) throw new Error(`${file} recorded no trace`);
      expect(comparableTrace(b.trace)).toEqual(comparableTrace(a.trace));
      const written = normalizeTrace(a.trace);
      expect(validate(written), JSON.stringify(validate.errors)).toBe(true);
      for (const text of [JSON.stringify(written), JSON.stringify(a.trace)]) {
        expect(secrets.filter((s) => text.includes(s))).toEqual([]);
      }
    });
  }
}
