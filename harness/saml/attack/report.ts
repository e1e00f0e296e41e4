import type { Signals } from './answer.js';
import type { AttackReport, AttackResult } from './run.js';

const COLUMNS = ['variant', 'reference', 'expected', 'observed', 'verdict'] as const;

function row(r: AttackResult): string[] {
  return [r.id, r.reference, r.expected, r.observed, r.verdict === 'accepted' ? 'ACCEPTED' : 'refused'];
}

/** Rows as a Markdown table: readable in a terminal, pasteable into an issue. */
function table(rows: string[][]): string {
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(COLUMNS), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const signalText = (s: Signals) =>
  Object.entries(s)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
    .join(', ');

/** The table and a verdict line; the control first, as every verdict is judged against it. */
export function humanReport(report: AttackReport): string {
  const head = `fedsim attack ${report.acsUrl}\ncontrol (a valid response): ${report.control.observed}`;
  if (!report.control.accepted)
    return `${head}\nThe control was refused: ${report.control.reason}. No variant was posted.\n`;
  const accepted = report.results.filter((r) => r.verdict === 'accepted');
  const summary = accepted.length
    ? `${accepted.length} of ${report.results.length} variants ACCEPTED: ${accepted.map((r) => r.id).join(', ')}`
    : `all ${report.results.length} variants refused`;
  return `${head}\naccepted means: ${signalText(report.accepted)}\n\n${table(report.results.map(row))}\n\n${summary}\n`;
}
