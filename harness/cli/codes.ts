import { ERROR_CODES, ERRORS, type ErrorCode, FedsimError, isErrorCode } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import type { CliIo } from './io.js';

export interface CodeEntry {
  code: ErrorCode;
  status: number;
  summary: string;
  fix: string;
}

/** Every code of the error registry, in the registry's order: what `fedsim codes` and README list. */
export function codeEntries(): CodeEntry[] {
  return ERROR_CODES.map((code) => ({ code, ...ERRORS[code] }));
}

function selected(code: string | undefined): CodeEntry[] {
  if (code === undefined) return codeEntries();
  const wanted = code.toUpperCase();
  if (!isErrorCode(wanted)) {
    throw new FedsimError(
      'CLI_USAGE',
      `${code} is not a fedsim error code${didYouMean(wanted, ERROR_CODES)}`,
      {
        hint: "'fedsim codes' lists every code.",
      },
    );
  }
  return codeEntries().filter((e) => e.code === wanted);
}

const text = (e: CodeEntry) => `${e.code} (${e.status})\n  ${e.summary}\n  fix: ${e.fix}\n`;

/** README's list of codes, one table row each. */
export function codesTable(): string {
  const cell = (s: string) => s.replaceAll('|', '\\|');
  const rows = codeEntries().map(
    (e) => `| \`${e.code}\` | ${e.status} | ${cell(e.summary)} | ${cell(e.fix)} |`,
  );
  return ['| code | status | meaning | usual fix |', '|---|---|---|---|', ...rows].join('\n');
}

/** `fedsim codes [code] [--json]`. */
export async function codesCommand(input: { code?: string; json: boolean }, io: CliIo): Promise<number> {
  const entries = selected(input.code);
  io.stdout(input.json ? `${JSON.stringify(entries, null, 2)}\n` : entries.map(text).join('\n'));
  return 0;
}
