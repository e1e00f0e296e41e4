import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { FedsimError } from '../core/errors.js';
import { findScenarioFiles } from './files.js';

/** Share `index` (1-based) of `count`, as `--shard index/count` names it. */
export interface Shard {
  index: number;
  count: number;
}

/** One spelling per file (`a.yaml`, `./a.yaml`, `/abs/a.yaml`): its path from `cwd`, with `/`. */
const keyOf = (file: string, cwd: string) => relative(cwd, resolve(cwd, file)).split(sep).join('/');

/** Code-unit order: the same on every machine, unlike localeCompare. */
const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The scenario files that `paths` name, each once. A path that does not exist, or paths that hold
 * no scenario, are refused: a run that tests nothing must not pass.
 */
export function selectScenarioFiles(paths: string[], cwd = process.cwd()): string[] {
  const from = paths.every(isAbsolute) ? '' : ` (relative to ${cwd})`;
  const missing = paths.find((p) => !existsSync(resolve(cwd, p)));
  if (missing !== undefined) {
    throw new FedsimError('CLI_USAGE', `no such file or folder: ${missing}${from}`);
  }
  const seen = new Set<string>();
  const files = findScenarioFiles(paths).filter((f) => {
    const key = keyOf(f, cwd);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (files.length === 0) {
    throw new FedsimError('CLI_USAGE', `no *.yaml/*.yml scenario in ${paths.join(', ')}${from}`, {
      hint: 'Name scenario files or folders that hold them (folders are not searched recursively).',
    });
  }
  return files;
}

/**
 * The files of one shard: sorted by their path from `cwd`, then dealt round-robin (shard i gets
 * the i-th, (i+n)-th, … file), so shares differ in size by at most one and together hold every
 * file once. Like vitest, more shards than files is an error rather than an empty, passing shard.
 */
export function shardFiles(files: string[], shard: Shard, cwd = process.cwd()): string[] {
  if (shard.count > files.length) {
    throw new FedsimError(
      'CLI_USAGE',
      `--shard ${shard.index}/${shard.count}: ${shard.count} shards but only ${files.length} scenario files`,
      { hint: `Use at most ${files.length} shards.` },
    );
  }
  return files
    .map((file) => ({ file, key: keyOf(file, cwd) }))
    .sort(byKey)
    .filter((_, i) => i % shard.count === shard.index - 1)
    .map((f) => f.file);
}
