import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageFolder } from '../../harness/core/package-folder.js';
import { WORKER_ENTRIES } from '../../harness/core/worker-entry.js';

describe('packageFolder: data files found from any depth of the package', () => {
  const root = mkdtempSync(join(tmpdir(), 'fedsim-pkg-'));
  writeFileSync(join(root, 'package.json'), '{}');
  mkdirSync(join(root, 'certs'));
  // A folder with a package.json but no certs/ (a nested package) is walked past.
  mkdirSync(join(root, 'dist', 'harness', 'bundle'), { recursive: true });
  writeFileSync(join(root, 'dist', 'package.json'), '{}');

  it.each([
    ['the root itself', root],
    ['tsc output, two levels down', join(root, 'dist', 'harness')],
    ['a bundle, three levels down', join(root, 'dist', 'harness', 'bundle')],
  ])('from %s', (_, from) => {
    expect(packageFolder('certs', from)).toBe(join(root, 'certs'));
  });

  it('names what it looked for and where when nothing has it', () => {
    expect(() => packageFolder('no-such-folder', join(root, 'dist'))).toThrow(
      `fedsim's no-such-folder not found above ${join(root, 'dist')}`,
    );
  });
});

describe('the build: the command and its threads', () => {
  it('has the bin in dist/harness/bundle/ and the module of every worker thread', async () => {
    // Resolved as the compiled pool and serve resolve them (from the sources they are never started).
    const built = (await import(
      join(process.cwd(), 'dist/harness/core/worker-entry.js')
    )) as typeof import('../../harness/core/worker-entry.js');
    const bin = (JSON.parse(readFileSync('package.json', 'utf8')) as { bin: { fedsim: string } }).bin.fedsim;
    expect(bin).toBe('dist/harness/bundle/fedsim.js');
    const files = [bin, ...WORKER_ENTRIES.map((name) => fileURLToPath(built.workerEntry(name)))];
    expect(files.filter((file) => !existsSync(file))).toEqual([]);
  });
});
