import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../harness/scenario/runner.js';
import type { TraceDocument } from '../../harness/trace/document.js';
import { fedsim } from '../cli/in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'fedsim-diff-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

/** One world (one seed, so the same ids), Sarah signing in by JIT; only her last name varies. */
const scenario = (lastName: string) =>
  write(
    `sarah-${lastName}.yaml`,
    `name: Sarah signs in as ${lastName}
world:
  seed: fedsim-diff
  org1:
    users:
      - { login: sarah@org1.example, firstName: Sarah, lastName: ${lastName}, password: Sarah-Passw0rd! }
    org2org:
      provisioning: { enabled: false }
steps:
  - assign: { user: sarah@org1.example }
  - login: { user: sarah@org1.example }
`,
  );

/** The trace `fedsim run <file> --trace <dir>` writes (normalised), and its path. */
async function runTraced(file: string): Promise<{ path: string; doc: TraceDocument }> {
  const run = await fedsim(['run', file, '--trace', join(dir, 'traces')]);
  expect(run.code).toBe(0);
  const path = join(dir, 'traces', `${file.split('/').at(-1)?.replace('.yaml', '')}.json`);
  return { path, doc: JSON.parse(readFileSync(path, 'utf8')) };
}

const diff = async (a: TraceDocument, b: TraceDocument, ...flags: string[]) =>
  fedsim(['diff', write('a.json', JSON.stringify(a)), write('b.json', JSON.stringify(b)), ...flags]);

describe('fedsim diff', () => {
  let miller: TraceDocument;
  let again: TraceDocument;
  let reyes: TraceDocument;
  let files: { miller: string; reyes: string };
  beforeAll(async () => {
    miller = (await runScenario(scenario('Miller'), { trace: true })).trace as TraceDocument;
    const [a, b] = [await runTraced(scenario('Miller')), await runTraced(scenario('Reyes'))];
    [again, reyes] = [a.doc, b.doc];
    files = { miller: a.path, reyes: b.path };
  });

  it('finds two runs equal, one on other ports and normalised, the other not', async () => {
    expect(miller.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(again.parties.org2).not.toBe(miller.parties.org2);
    const run = await diff(miller, again);
    expect([run.code, run.stdout]).toEqual([0, expect.stringContaining('Result: equal')]);
  });

  it('names the one attribute that differs, at the hop that carried it', async () => {
    const run = await diff(miller, reyes, '--json');
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.first).toMatchObject({
      method: 'POST',
      step: 2,
      url: expect.stringMatching(/\/sso\/saml2\//),
    });
    expect(out.first.saml).toEqual([{ field: 'attribute lastName', a: 'Miller', b: 'Reyes' }]);
    expect(out.first.http).toEqual([]);
    const human = await fedsim(['diff', files.miller, files.reyes]);
    expect(human.stdout).toMatch(/attribute lastName +a: Miller\n +b: Reyes/);
  });

  it('reports a hop only one trace has, and HTTP fields that differ', async () => {
    const shorter = { ...miller, hops: miller.hops.slice(0, -1) };
    const run = await diff(miller, shorter, '--json');
    expect(JSON.parse(run.stdout).first).toMatchObject({ n: miller.hops.length, onlyIn: 'a' });
    const refused = structuredClone(miller);
    const last = refused.hops.at(-1);
    if (last) last.status = 599;
    expect(JSON.parse((await diff(miller, refused, '--json')).stdout).first.http).toEqual([
      { field: 'status', a: miller.hops.at(-1)?.status, b: 599 },
    ]);
    const judged = structuredClone(miller);
    const acs = judged.hops.find((h) => h.sp);
    expect(acs?.decision?.outcome).toBe('jit-created');
    if (acs) acs.decision = { outcome: 'refused', code: 'IDP_USER_NOT_FOUND' };
    expect(JSON.parse((await diff(miller, judged, '--json')).stdout).first.http).toEqual([
      { field: 'decision', a: 'jit-created', b: 'refused IDP_USER_NOT_FOUND' },
    ]);
  });

  it('exits 2 with TRACE_INVALID or TRACE_VERSION_UNSUPPORTED on input that is no trace', async () => {
    const har = await fedsim([
      'diff',
      write('x.har', '{"log":{"entries":[]}}'),
      write('y.json', '[]'),
      '--json',
    ]);
    expect([har.code, JSON.parse(har.stdout).error.code]).toEqual([2, 'TRACE_INVALID']);
    const newer = await diff(miller, { ...miller, fedsimTrace: 2 as 1 });
    expect([newer.code, newer.stderr]).toEqual([2, expect.stringContaining('TRACE_VERSION_UNSUPPORTED')]);
  });
});
