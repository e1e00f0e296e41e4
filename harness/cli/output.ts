import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { FedsimError } from '../core/errors.js';

/**
 * Report files named on the command line. Like vitest's outputFile, missing folders are created;
 * the paths are prepared before the run so a bad one fails at once, not after every scenario.
 */

/** What the usual errno codes mean for a path the user gave. */
const REASONS: Record<string, string> = {
  EEXIST: 'a file is in the way of a folder',
  ENOTDIR: 'a file is in the way of a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};

function failed(option: string, path: string, err: unknown): FedsimError {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  const reason = REASONS[code] ?? (code || (err as Error).message);
  return new FedsimError('OUTPUT_WRITE_FAILED', `${option} ${path}: cannot write (${reason})`, {
    hint: `Give ${option} a path fedsim can write to.`,
    cause: err,
  });
}

/** Creates `dir` (and its parents) for `option`, or says why it cannot. */
export function prepareDir(option: string, dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw failed(option, dir, err);
  }
}

/** Creates the folder of `file` for `option`; a file that is a folder is refused now. */
export function prepareFile(option: string, file: string): void {
  prepareDir(option, dirname(file));
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
    throw failed(option, file, Object.assign(new Error(file), { code: 'EISDIR' }));
  }
}

export function writeOutput(option: string, file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (err) {
    throw failed(option, file, err);
  }
}
