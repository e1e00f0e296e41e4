import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TraceDocument } from '../../harness/trace/document.js';
import { fedsim } from './in-process.js';

/**
 * Issue #12's "Done when", through the CLI as a person types it: run with --trace, explain what
 * the trace holds (each message alone, the whole trace, a tampered copy), and a failed run's
 * printed explain command. One traced run serves every check; test/trace/diff.test.ts diffs
 * what `fedsim run --trace` wrote for two scenarios that differ in one attribute.
 */
const SCENARIO = 'scenarios/sarah-end-to-end.yaml';
const dir = mkdtempSync(join(tmpdir(), 'fedsim-trace-loop-'));
const TRACE = join(dir, 't', 'sarah-end-to-end.json');

interface Verdict {
  kind: string;
  ok: boolean;
  judgedBy?: { sp: string };
}
const explain = async (args: string[], stdin?: string) => {
  const run = await fedsim(['explain', ...args, '--json'], stdin);
  return { code: run.code, messages: (JSON.parse(run.stdout).messages ?? []) as Verdict[] };
};
const verdicts = (messages: Verdict[]) =>
  messages.filter((m) => m.kind === 'Response').map((m) => [m.judgedBy?.sp, m.ok]);

const ORG2 = "org2's IdP 'Org1 IDP'";
const DROPBOX = 'Dropbox (Admin console > Security > SSO)';

describe('run --trace, then explain what it wrote', () => {
  let doc: TraceDocument;
  let responses: string[];
  beforeAll(async () => {
    const run = await fedsim(['run', SCENARIO, '--trace', join(dir, 't')]);
    expect(run.code).toBe(0);
    doc = JSON.parse(readFileSync(TRACE, 'utf8'));
    responses = doc.hops.flatMap((h) => (h.formFields?.SAMLResponse ? [h.formFields.SAMLResponse] : []));
  });

  it.each([
    ['as written', SCENARIO],
    ['with ./', `./${SCENARIO}`],
    ['absolute', resolve(SCENARIO)],
  ])('passes each SAMLResponse of the written trace alone, --profile %s', async (_, profile) => {
    expect(doc.normalized).toBe(true);
    expect(responses).toHaveLength(2);
    for (const [i, b64] of responses.entries()) {
      const run = await explain(['-', '--profile', profile], b64);
      expect([run.code, verdicts(run.messages)]).toEqual([0, [[[ORG2, DROPBOX][i], true]]]);
    }
  });

  it('passes every message of the trace file, and fails a tampered copy on that SP only', async () => {
    const whole = await explain([TRACE]);
    expect(verdicts(whole.messages)).toEqual([
      [ORG2, true],
      [DROPBOX, true],
    ]);
    expect(whole.code).toBe(0);

    const first = doc.hops.find((h) => h.formFields?.SAMLResponse);
    if (!first?.formFields?.SAMLResponse) throw new Error('no Response in the trace');
    const xml = Buffer.from(first.formFields.SAMLResponse, 'base64').toString('utf8');
    expect(xml).toContain('>sarah@org1.example<');
    first.formFields.SAMLResponse = Buffer.from(
      xml.replace('>sarah@org1.example<', '>admin@org1.example<'),
    ).toString('base64');
    const copy = join(dir, 'tampered.json');
    writeFileSync(copy, JSON.stringify(doc));
    const tampered = await explain([copy]);
    expect(verdicts(tampered.messages)).toEqual([
      [ORG2, false],
      [DROPBOX, true],
    ]);
    expect(tampered.code).toBe(1);
  });
});

describe('a failed run without --trace', () => {
  it('prints the trace path and an explain command that exits 1 naming the failing check', async () => {
    // The audience-mismatch world, with the refusal unexpected: the run fails at org2's ACS.
    const failing = mkdtempSync(join(tmpdir(), 'fedsim-trace-loop-fail-'));
    const file = join(failing, `${basename(failing)}.yaml`);
    writeFileSync(
      file,
      readFileSync('scenarios/audience-mismatch.yaml', 'utf8').replace(/\n\s+expectError: \S+/, ''),
    );
    const run = await fedsim(['run', file, '--trace-on-failure', join(failing, 'traces')]);
    expect(run.code).toBe(1);
    const command = /^ {2}explain: (fedsim explain .*)$/m.exec(run.stdout)?.[1];
    expect(command).toMatch(/ --hop \d+$/);
    expect(run.stdout).toContain(`trace ${join(failing, 'traces', basename(file, '.yaml'))}.json`);
    const argv = (command ?? '').split(' ').slice(1);
    const explained = await fedsim(argv);
    expect(explained.code).toBe(1);
    expect(explained.stdout).toContain('SAML_AUDIENCE_MISMATCH');
  });
});
