import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes test/bench/results.json in the repository's JSON style, so `npm run lint` passes with it. */
export function writeResults(root: string, results: object): void {
  const file = join(root, 'test/bench/results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  spawnSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', file], { stdio: 'ignore' });
}
