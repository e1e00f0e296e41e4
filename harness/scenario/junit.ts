import type { ScenarioResult } from './runner.js';

const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')

    // XML 1.0 cannot carry most control characters, even escaped: drop them.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD]/g, '');

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** JUnit XML for CI systems: one testcase per scenario; a failure carries its step's explanation. */
export function junitReport(results: ScenarioResult[], suiteName = 'fedsim scenarios'): string {
  const failures = results.filter((r) => r.status === 'failed').length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = results.reduce((sum, r) => sum + r.durationMs, 0);
  const cases = results.map((r) => {
    const attrs = `name="${esc(r.name)}" classname="${esc(r.file)}" time="${seconds(r.durationMs)}"`;
    const failed = r.steps.find((s) => s.status === 'failed');
    if (!failed?.error) return `  <testcase ${attrs}/>`;
    const e = failed.error;
    const detail = [
      `step: ${failed.name}`,
      `${e.code}: ${e.message}`,
      e.expected === undefined ? '' : `expected: ${show(e.expected)}`,
      e.actual === undefined ? '' : `actual: ${show(e.actual)}`,
      e.hint ? `fix: ${e.hint}` : '',
    ].filter(Boolean);
    return (
      `  <testcase ${attrs}>\n    <failure message="${esc(`${failed.name}: ${e.code}: ${e.message}`)}" type="${esc(e.code)}">` +
      `${esc(detail.join('\n'))}</failure>\n  </testcase>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites tests="${results.length}" failures="${failures}" time="${seconds(total)}">\n` +
    `<testsuite name="${esc(suiteName)}" tests="${results.length}" failures="${failures}" errors="0" skipped="0" time="${seconds(total)}">\n` +
    `${cases.join('\n')}\n</testsuite>\n</testsuites>\n`
  );
}
