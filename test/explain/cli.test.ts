import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, fixture, jsonCodes, PROFILE, readFixture } from './helpers.js';

const VALID = fixture('valid/okta-org2org-signed-both.b64');

describe('fedsim explain, in-process', () => {
  it('prints the decoded summary, every check and the certificate comparison', async () => {
    const run = await cli([fixture('invalid/audience-mismatch.b64'), '--profile', PROFILE]);
    expect(run.code).toBe(1);
    for (const text of [
      'NameID',
      'Audience',
      'Recipient',
      'NotOnOrAfter',
      'Attributes',
      'SHA-1',
      'SHA-256',
    ]) {
      expect(run.stdout).toContain(text);
    }
    expect(run.stdout).toContain('= the trusted certificate');
    expect(run.stdout).toMatch(/✗ audience\s+SAML_AUDIENCE_MISMATCH/);
    expect(run.stdout).toMatch(/✓ signature\s+Response signature valid/);
    expect(run.stdout).toContain(
      "in org1's Org2Org app set Audience URI to https://www.okta.com/saml2/service-provider/spafixture0org2idp1",
    );
    expect(run.stderr).toBe('');
  });

  it('--json prints { input, summary, checks, ok } with every row of the table', async () => {
    const { code, json } = await cli([VALID, '--profile', PROFILE, '--json']);
    expect(code).toBe(0);
    expect(json).toMatchObject({ input: { format: 'base64', messages: 1 }, ok: true, exitCode: 0 });
    expect(json.summary).toMatchObject({
      kind: 'Response',
      issuer: 'http://www.okta.com/exkfixture0org2org1',
    });
    expect(json.checks?.length).toBeGreaterThanOrEqual(17);
    for (const row of json.checks ?? []) {
      expect(Object.keys(row)).toEqual(['check', 'code', 'ok', 'expected', 'actual', 'hint']);
    }
  });

  it('reads stdin with - (and with no file)', async () => {
    const body = readFixture('valid/form-body.txt');
    expect((await cli(['-', '--profile', PROFILE, '--json'], body)).code).toBe(0);
    expect((await cli(['--profile', PROFILE, '--json'], body)).json.input).toMatchObject({
      name: 'stdin',
      format: 'form-body',
    });
  });

  it('exits 2 with a one-line reason on unusable input, and on bad arguments', async () => {
    const bad = await cli([fixture('invalid/not-base64.txt')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('fedsim explain: SAML_BASE64_INVALID: SAMLResponse is not valid base64\n');
    expect((await cli([fixture('does-not-exist.b64')])).stderr).toMatch(
      /^fedsim explain: SAML_INPUT_MISSING: /,
    );
    expect((await cli([VALID, '--bogus'])).code).toBe(2);
    expect((await cli([VALID, '--profile', PROFILE, '--okta-idp', 'x.json'])).code).toBe(2);
    const json = await cli([fixture('invalid/doctype-xxe.xml'), '--json']);
    expect(json.json).toMatchObject({ error: { code: 'SAML_XML_DOCTYPE' }, ok: false, exitCode: 2 });
  });
});

describe('--now', () => {
  const at = async (now?: string) => {
    const { code, json } = await cli([VALID, '--profile', PROFILE, '--json', ...(now ? ['--now', now] : [])]);
    return { code, json, codes: jsonCodes(json) };
  };

  it('defaults to the IssueInstant, and says real time was not used', async () => {
    const { code, json } = await at();
    expect(code).toBe(0);
    expect(json.now).toBe('2026-01-15T09:00:00.000Z');
    expect(json.notes?.join(' ')).toMatch(/IssueInstant .*not the real time/);
  });

  it.each([
    ['2026-01-15T09:06:59Z', []],
    ['2026-01-15T09:07:00Z', ['SAML_EXPIRED', 'SAML_SUBJECT_EXPIRED']],
    ['2026-01-15T08:58:00Z', []],
    ['2026-01-15T08:57:59Z', ['SAML_ISSUED_IN_FUTURE']],
    ['2026-01-15T08:52:59Z', ['SAML_ISSUED_IN_FUTURE', 'SAML_NOT_YET_VALID']],
  ])('judges the window (09:00 ± 5 min, skew 2 min) at %s → %j', async (now, codes) => {
    const r = await at(now);
    expect(r.codes).toEqual([...codes].sort());
    expect(r.json.now).toBe(new Date(now).toISOString());
  });

  it('rejects a value that is not a date', async () => {
    const run = await cli([VALID, '--now', 'yesterday']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^fedsim: CLI_USAGE: .*--now/);
  });
});

describe('the built CLI', () => {
  beforeAll(() => {
    // test/global-setup.ts keeps dist/ built from the current sources.
    expect(existsSync('dist/harness/cli/explain.js')).toBe(true);
  });

  // One spawn: exit codes 0 and 2 are the in-process tests' above, and main.ts hands every
  // command's code to the process the same way (test/cli/cli.test.ts spawns 0 and 2).
  it('node dist/harness/bundle/fedsim.js explain … runs and exits with the table verdict', () => {
    const bad = spawnSync(
      process.execPath,
      [
        'dist/harness/bundle/fedsim.js',
        'explain',
        fixture('invalid/wrong-issuer.b64'),
        '--profile',
        PROFILE,
        '--json',
      ],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(1);
    expect(jsonCodes(JSON.parse(bad.stdout))).toEqual(['SAML_ISSUER_MISMATCH']);
  });
});
