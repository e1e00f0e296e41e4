import { FedsimError, isErrorCode } from '../core/errors.js';
import { samlSummary } from '../trace/decode.js';
import type { ScenarioResult, StepResult } from './runner.js';

/** The `--json` document of `fedsim run` (README, Commands). */
export type JsonReport = ReturnType<typeof jsonReport>;

export function jsonReport(results: ScenarioResult[]) {
  return {
    passed: results.filter((r) => r.status === 'passed').length,
    failed: results.filter((r) => r.status === 'failed').length,
    scenarios: results.map((r) => ({
      file: r.file,
      name: r.name,
      status: r.status,
      durationMs: r.durationMs,
      steps: r.steps.map((s) => ({ name: s.name, status: s.status, ...(s.error ? { error: s.error } : {}) })),
    })),
  };
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function failedStepLines(step: StepResult, index: number): string[] {
  const e = step.error;
  const lines = [`    step ${index + 1}: ${step.name}`];
  if (!e) return lines;
  lines.push(`      ${e.code}: ${e.message}`);
  if (e.expected !== undefined) lines.push(`      expected: ${show(e.expected)}`);
  if (e.actual !== undefined) lines.push(`      actual:   ${show(e.actual)}`);
  if (e.hint) lines.push(`      fix:      ${e.hint}`);
  if (step.saml) {
    lines.push(`      the ${step.saml.kind} that caused it:`);
    for (const [k, v] of Object.entries(samlSummary(step.saml))) {
      if (v !== undefined && v !== null && v !== '') lines.push(`        ${k.padEnd(13)} ${show(v)}`);
    }
  }
  return lines;
}

/** One line per scenario as it finishes (non-TTY progress and the report body). */
export function scenarioLine(r: ScenarioResult): string {
  const mark = r.status === 'passed' ? '✓' : '✗';
  const steps = r.steps.filter((s) => s.status === 'passed').length;
  return `${mark} ${r.name}  (${r.file}, ${steps}/${r.steps.length} steps, ${Math.round(r.durationMs)} ms)`;
}

/** The readable report: every scenario, and for failures the step, the code, expected vs actual, the fix. */
export function humanReport(results: ScenarioResult[], wallMs: number): string {
  const lines: string[] = ['', 'fedsim scenarios', ''];
  for (const r of results) {
    lines.push(scenarioLine(r));
    r.steps.forEach((s, i) => {
      if (s.status === 'failed') lines.push(...failedStepLines(s, i));
    });
  }
  const passed = results.filter((r) => r.status === 'passed').length;
  lines.push(
    '',
    `${results.length} scenarios in ${(wallMs / 1000).toFixed(2)} s`,
    `${passed} passed, ${results.length - passed} failed`,
  );
  return lines.join('\n');
}

/** A failed scenario as one error with its step's code: which step failed, then the report's lines for it. */
export function scenarioFailure(result: ScenarioResult): FedsimError | undefined {
  const index = result.steps.findIndex((s) => s.status === 'failed');
  const step = result.steps[index];
  if (!step) return undefined;
  const code = step.error && isErrorCode(step.error.code) ? step.error.code : 'SCENARIO_STEP_FAILED';
  const head = `${result.name} (${result.file}) failed at step ${index + 1} of ${result.steps.length}:`;
  return new FedsimError(code, [head, ...failedStepLines(step, index)].join('\n'));
}
