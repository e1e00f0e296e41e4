import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProfiles } from '../../harness/cli/explain-profiles.js';
import { type ExplainOptions, explainInput, failingCodes } from '../../harness/saml/explain/explain.js';
import { readInput } from '../../harness/saml/explain/input.js';
import type { ProfileOptions } from '../../harness/saml/explain/load-profile.js';
import type { LoadedProfile } from '../../harness/saml/explain/profile.js';
import type { jsonReport } from '../../harness/saml/explain/report.js';
import { fedsim } from '../cli/in-process.js';

export type JsonReport = ReturnType<typeof jsonReport> & { error?: { code: string; message: string } };

export const FIXTURES = 'fixtures/responses';
export const PROFILE = join(FIXTURES, 'profile.json');
export const fixture = (name: string) => join(FIXTURES, name);
export const readFixture = (name: string) => readFileSync(fixture(name), 'utf8');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed, when --json was given. */
  json: JsonReport;
}

/** `fedsim explain …` in-process, with captured output. */
export async function cli(args: string[], stdin = ''): Promise<CliRun> {
  const run = await fedsim(['explain', ...args], stdin);
  const json = (args.includes('--json') && run.stdout ? JSON.parse(run.stdout) : {}) as JsonReport;
  return { ...run, json };
}

/** The first profile the options load (one source gives one, but a scenario gives each SP). */
export const loadProfile = async (options: ProfileOptions): Promise<LoadedProfile> =>
  (await loadProfiles(options))[0] as LoadedProfile;

export const fixtureProfile = (): Promise<LoadedProfile> => loadProfile({ profile: [PROFILE] });

/** Explains text against a loaded profile, returning the result and its failing codes. */
export function explainText(
  text: string,
  loaded: LoadedProfile | LoadedProfile[],
  options: ExplainOptions = {},
) {
  const result = explainInput(readInput(text), Array.isArray(loaded) ? loaded : [loaded], options);
  return { result, codes: failingCodes(result) };
}

/** The failing codes of every response in a `--json` report, deduplicated and sorted. */
export const jsonCodes = (json: JsonReport): string[] =>
  [
    ...new Set(
      (json.messages ?? []).flatMap((m) =>
        m.kind === 'Response' ? m.checks.filter((c) => c.ok === false).map((c) => c.code as string) : [],
      ),
    ),
  ].sort();
