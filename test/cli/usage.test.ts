import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../harness/cli/commands/index.js';
import { MAX_SERVE_PORT, servePorts } from '../../harness/cli/ports.js';
import { integerIn } from '../../harness/cli/values.js';
import { fedsim } from './in-process.js';

const USAGE = /^fedsim: CLI_USAGE: /;
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'fedsim-usage-'));

/** A folder with `count` scenario files (they need not run: usage is checked before). */
function scenarioDir(count: number): string {
  const dir = tmp();
  for (let i = 1; i <= count; i++) writeFileSync(path.join(dir, `s${i}.yaml`), `name: s${i}\nsteps: []\n`);
  return dir;
}

describe('--help and --version', () => {
  it('fedsim --help lists every command and exits 0', async () => {
    const res = await fedsim(['--help']);
    expect(res.code).toBe(0);
    for (const { name } of COMMANDS) expect(res.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    'fedsim %s --help lists every option with its default',
    async (name, spec) => {
      const declared = new Command(name);
      spec.declare(declared);
      const res = await fedsim([name, '--help']);
      expect(res.code).toBe(0);
      expect(res.stderr).toBe('');
      expect(declared.options.length).toBeGreaterThan(0);
      for (const option of declared.options) {
        const line = res.stdout.split('\n').find((l) => l.startsWith(`  ${option.flags} `)) ?? '';
        expect(line, option.flags).not.toBe('');
        if (option.defaultValue === undefined) continue;
        const shown = option.defaultValueDescription ?? JSON.stringify(option.defaultValue);
        expect(line, option.flags).toContain(`(default: ${shown})`);
      }
    },
  );

  it('fedsim --version prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(await fedsim(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('fedsim alone prints the help on stderr and exits 2', async () => {
    const res = await fedsim([]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Usage: fedsim');
  });
});

describe('usage errors exit 2 with CLI_USAGE, naming the option', () => {
  it.each([
    ['frobnicate'],
    ['run', '--bogus'],
    ['serve', '--bogus'],
    ['explain', '--bogus'],
    ['serve', '--port', 'abc'],
    ['serve', '--port', '70000'],
    ['serve', '--port', '65534'],
    ['serve', '--port=-1'],
    ['serve', '--heap', 'fast'],
    ['run', '--concurrency', 'abc'],
    ['run', '--concurrency', '0'],
    ['run', '--shard', '3/2'],
    ['run', '--shard=0/2'],
    ['run', '--shard', 'abc'],
    ['run', '--trace'],
    ['explain', 'x.b64', '--now', 'yesterday'],
    ['explain', 'x.json', '--hop', '0'],
    ['explain', 'a.b64', 'b.b64'],
  ])('fedsim %s', async (...argv) => {
    const res = await fedsim(argv);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(USAGE);
    expect(res.stdout).toBe('');
    const named = argv.find((a) => a.startsWith('-'))?.split('=')[0] ?? argv[0] ?? '';
    expect(res.stderr.split('\n')[0]).toContain(named);
  });
});

it('serve --port N leaves room for N+1 and N+2: 65533 is the highest accepted', () => {
  expect(integerIn(0, MAX_SERVE_PORT)('65533')).toBe(65533);
  expect(servePorts(65533)).toEqual([65533, 65534, 65535]);
  expect(servePorts(0)).toEqual([0, 0, 0]);
});

describe('fedsim run refuses what would test nothing, before running anything', () => {
  it('exits 2 for a folder without scenarios, a path that is not there, and more shards than files', async () => {
    const empty = tmp();
    writeFileSync(path.join(empty, 'notes.md'), 'no scenarios here\n');
    for (const argv of [
      ['run', empty],
      ['run', path.join(empty, 'missing')],
      ['run', scenarioDir(3), '--shard', '4/4'],
    ]) {
      const res = await fedsim(argv);
      expect(res.code, argv.join(' ')).toBe(2);
      expect(res.stderr).toMatch(USAGE);
    }
  });

  it('exits 2 with OUTPUT_WRITE_FAILED when --junit or --trace cannot be written', async () => {
    const dir = scenarioDir(1);
    const file = path.join(dir, 's1.yaml');
    const folder = path.join(dir, 'a-folder');
    mkdirSync(folder);
    for (const outputs of [
      ['--junit', path.join(file, 'report.xml')],
      ['--junit', folder],
      ['--trace', path.join(file, 'traces')],
    ]) {
      const res = await fedsim(['run', dir, ...outputs]);
      expect(res.code, outputs.join(' ')).toBe(2);
      expect(res.stderr).toMatch(/^fedsim: OUTPUT_WRITE_FAILED: /);
      expect(res.stdout).toBe('');
    }
  });
});
