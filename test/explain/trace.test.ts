import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../harness/scenario/runner.js';
import type { TraceDocument } from '../../harness/trace/document.js';
import { normalizeTrace } from '../../harness/trace/normalize.js';
import { cli, type JsonReport, jsonCodes } from './helpers.js';

const SCENARIO = 'scenarios/sarah-end-to-end.yaml';
const dir = mkdtempSync(join(tmpdir(), 'fedsim-explain-trace-'));
const write = (name: string, value: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

/** Per Response: who judged it and whether it passed. */
const verdicts = (json: JsonReport) =>
  (json.messages ?? []).flatMap((m) => (m.kind === 'Response' ? [[m.judgedBy.sp, m.ok]] : []));

const ORG2 = "org2's IdP 'Org1 IDP'";
const DROPBOX = 'Dropbox (Admin console > Security > SSO)';

describe('the debugging loop: run --trace, then explain what the trace holds', () => {
  let hops: Array<{ url: string; method: string; formFields?: Record<string, string> }>;
  let doc: TraceDocument;
  let normalized: TraceDocument;
  beforeAll(async () => {
    const trace = (await runScenario(SCENARIO, { trace: true })).trace;
    if (!trace) throw new Error('runScenario recorded no trace');
    doc = trace;
    hops = doc.hops;
    normalized = normalizeTrace(doc);
  });

  it("explains today's hop array against every SP of the scenario's world, each by its ACS", async () => {
    const run = await cli([write('hops.json', hops), '--profile', SCENARIO, '--json']);
    expect(run.json.input?.format).toBe('trace-hops');
    expect(verdicts(run.json)).toEqual([
      [ORG2, true],
      [DROPBOX, true],
    ]);
    expect(run.code).toBe(0);
  });

  it('passes each SAMLResponse of the trace on its own with --profile scenario.yaml', async () => {
    const responses = hops.flatMap((h) => (h.formFields?.SAMLResponse ? [h.formFields.SAMLResponse] : []));
    expect(responses).toHaveLength(2);
    for (const [i, b64] of responses.entries()) {
      const run = await cli([write(`r${i}.b64`, b64), '--profile', SCENARIO, '--json']);
      expect([run.code, verdicts(run.json)]).toEqual([0, [[[ORG2, DROPBOX][i], true]]]);
    }
  });

  it('judges the Dropbox-bound response of a HAR of the whole journey against Dropbox', async () => {
    const entries = hops.map((h) => ({
      request: {
        method: h.method,
        url: h.url,
        postData: h.formFields && {
          params: Object.entries(h.formFields).map(([name, value]) => ({
            name,
            value: encodeURIComponent(value),
          })),
        },
      },
    }));
    const run = await cli([write('journey.har', { log: { entries } }), '--profile', SCENARIO, '--json']);
    expect(verdicts(run.json)).toEqual([
      [ORG2, true],
      [DROPBOX, true],
    ]);
    expect(run.json.messages?.[1]).toMatchObject({
      judgedBy: { why: expect.stringContaining('/saml_login') },
    });
    expect(run.code).toBe(0);
  });

  it.each([
    ['as recorded', () => doc],
    ['normalised ({org1}, {org2}, … put back from parties)', () => normalized],
  ])(
    'passes every message of a trace document %s, each judged by the SP the trace recorded',
    async (_, get) => {
      const run = await cli([write('doc.json', get()), '--json']);
      expect(run.json.input?.format).toBe('trace');
      expect(verdicts(run.json)).toEqual([
        [ORG2, true],
        [DROPBOX, true],
      ]);
      expect(run.json.messages?.[0]).toMatchObject({
        nowSource: 'recorded',
        judgedBy: { source: /^trace hop \d+ \(org2\)$/ },
      });
      expect(run.code).toBe(0);
    },
  );

  it("fails a hand-tampered copy on the receiving SP's rows only", async () => {
    // A normalised trace keeps the signed base64 exact, with the run's real origins inside.
    const tampered = structuredClone(normalized);
    const hop = tampered.hops.filter((h) => h.sp)[1];
    if (!hop?.formFields?.SAMLResponse) throw new Error('no Dropbox-bound response');
    const xml = Buffer.from(hop.formFields.SAMLResponse, 'base64').toString('utf8');
    const acs = `${tampered.parties.dropbox}/saml_login`;
    expect(xml).toContain(acs);
    hop.formFields.SAMLResponse = Buffer.from(xml.replace(acs, `${tampered.parties.dropbox}/other`)).toString(
      'base64',
    );
    const run = await cli([write('tampered.json', tampered), '--json']);
    expect(verdicts(run.json)).toEqual([
      [ORG2, true],
      [DROPBOX, false],
    ]);
    expect(jsonCodes(run.json)).toEqual(['SAML_DESTINATION_MISMATCH', 'SAML_SIGNATURE_INVALID']);
    expect(run.code).toBe(1);
  });

  it('explains one hop with --hop', async () => {
    const n = doc.hops.filter((h) => h.sp)[1]?.n ?? 0;
    const run = await cli([write('doc.json', doc), '--hop', String(n), '--json']);
    expect(verdicts(run.json)).toEqual([[DROPBOX, true]]);
    const none = await cli([write('doc.json', doc), '--hop', '1', '--json']);
    expect([none.code, none.json.error?.code]).toEqual([2, 'SAML_INPUT_MISSING']);
  });

  it('refuses a trace of an unknown version with TRACE_VERSION_UNSUPPORTED', async () => {
    const run = await cli([write('v9.json', { ...doc, fedsimTrace: 9 }), '--json']);
    expect([run.code, run.json.error?.code]).toEqual([2, 'TRACE_VERSION_UNSUPPORTED']);
    const bad = await cli([write('bad.json', { fedsimTrace: 1, hops: 'x' }), '--json']);
    expect(bad.json.error?.code).toBe('TRACE_INVALID');
  });
});
