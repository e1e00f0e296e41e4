import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SystemClock } from '../../harness/core/clock.js';
import { loopbackFetch } from '../../harness/core/http.js';
import { SeededIds } from '../../harness/core/ids.js';
import type { Listening } from '../../harness/core/listen.js';
import { loadCredential } from '../../harness/crypto/store.js';
import type { Signals } from '../../harness/saml/attack/answer.js';
import { attackVariant } from '../../harness/saml/attack/catalogue.js';
import { attackContext } from '../../harness/saml/attack/context.js';
import { type AttackReport, runAttack } from '../../harness/saml/attack/run.js';
import { fedsim } from '../cli/in-process.js';
import { weakSp } from './weak-sp.js';

const ISSUER = 'http://www.okta.com/exkfedsimattack00000';
const KEY = 'certs/org1-org2org.key.pem';
const CERT = 'certs/org1-org2org.cert.pem';
/** Each run posts 53 messages, some of them 1 MiB or 19,000 levels deep: slow on a loaded machine. */
const RUN_TIMEOUT = 90_000;
const idpDir = () => mkdtempSync(join(tmpdir(), 'fedsim-attack-'));

const reportOf = (stdout: string) => JSON.parse(stdout) as AttackReport;
const acceptedIds = (r: AttackReport) => r.results.filter((x) => x.verdict === 'accepted').map((x) => x.id);

describe("fedsim attack --target: fedsim's own SPs refuse every variant", () => {
  it.each(['org2', 'dropbox'])(
    '--target %s exits 0 with every variant refused',
    async (target) => {
      const out = await fedsim(['attack', '--target', target, '--json']);
      expect(out.stderr).toContain('IdP the SP must trust');
      const report = reportOf(out.stdout);
      expect(report.control.accepted).toBe(true);
      expect(report.results.length).toBeGreaterThanOrEqual(40);
      expect(acceptedIds(report)).toEqual([]);
      expect(out.code).toBe(0);
    },
    RUN_TIMEOUT,
  );
});

describe('fedsim attack --acs against a weak SP (samlify alone, no checks of its own)', () => {
  let sp: Listening & { metadataUrl: string };
  beforeAll(async () => {
    sp = await weakSp({ issuer: ISSUER, certPem: readFileSync(CERT, 'utf8') });
  });
  afterAll(async () => {
    await sp?.close();
  });
  const signedAs = ['--idp-key', KEY, '--idp-cert', CERT];

  it(
    'exits 1 and names the signature-wrapping and Destination variants it accepted',
    async () => {
      const out = await fedsim([
        'attack',
        '--sp-metadata',
        sp.metadataUrl,
        ...signedAs,
        '--idp-dir',
        idpDir(),
      ]);
      expect(out.code).toBe(1);
      const summary = out.stdout.split('\n').find((l) => l.includes('variants ACCEPTED')) ?? '';
      for (const id of ['xsw1', 'xsw3', 'wrong-destination', 'destination-unsigned-edit'])
        expect(summary).toMatch(new RegExp(`\\b${id}\\b`));
      expect(out.stdout).toMatch(/^\| xsw1 +\| On Breaking SAML .*\| 302 → \/home +\| ACCEPTED \|$/m);
      // What samlify does check is refused: a foreign key, no signature, DTDs.
      for (const id of ['attacker-key', 'exclusion-both', 'doctype-xxe'])
        expect(out.stdout).toMatch(new RegExp(`^\\| ${id} .*\\| refused +\\|$`, 'm'));
    },
    RUN_TIMEOUT,
  );

  it('judges by the given success signals, the control included', async () => {
    const ctx = attackContext(
      { issuer: ISSUER, credential: loadCredential('org1-org2org') },
      { acsUrl: `${sp.url}/acs`, audience: sp.metadataUrl, nameId: 'sarah@org1.example' },
      { clock: new SystemClock(), ids: new SeededIds('signals'), attacker: loadCredential('attacker') },
    );
    const variants = ['xsw1', 'wrong-destination', 'attacker-key'].map(attackVariant);
    const run = (success: Signals) =>
      runAttack(ctx, { acsUrl: `${sp.url}/acs`, fetch: loopbackFetch, success, variants });
    const given = await run({ location: '/home?user=' });
    expect(given.accepted).toEqual({ location: '/home?user=' });
    expect(acceptedIds(given)).toEqual(['xsw1', 'wrong-destination']);
    expect(given.exitCode).toBe(1);
    const wrong = await run({ status: 200 });
    expect(wrong.exitCode).toBe(2);
    expect(wrong.control.reason).toBe('it does not match the given success signals');
  });

  it('exits 2 with ATTACK_CONTROL_REFUSED when the SP does not trust the IdP, posting nothing more', async () => {
    const dir = idpDir();
    const out = await fedsim(['attack', '--sp-metadata', sp.metadataUrl, '--idp-dir', dir, '--json']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^fedsim attack: ATTACK_CONTROL_REFUSED: .*401/m);
    expect(reportOf(out.stdout).results).toEqual([]);
    // The generated IdP is kept for the user to configure the SP with, and reused next time.
    const cert = readFileSync(join(dir, 'idp.cert.pem'), 'utf8');
    expect(existsSync(join(dir, 'idp-metadata.xml'))).toBe(true);
    expect(out.stderr).toContain(join(dir, 'idp.cert.pem'));
    await fedsim(['attack', '--sp-metadata', sp.metadataUrl, '--idp-dir', dir, '--json']);
    expect(readFileSync(join(dir, 'idp.cert.pem'), 'utf8')).toBe(cert);
  });
});

describe('fedsim attack usage', () => {
  it.each([
    [[], /name the SP/],
    [['--acs', 'http://127.0.0.1:9/acs'], /--sp-metadata FILE\|URL or --audience/],
    [['--acs', 'not a url', '--audience', 'x'], /not a URL/],
    [['--target', 'org2', '--acs', 'http://127.0.0.1:9/acs'], /drop --acs/],
    [['--target', 'okta'], /Expected one of org2, dropbox/],
    [['--acs', 'http://127.0.0.1:9/acs', '--audience', 'x', '--idp-key', KEY], /go together/],
    [['--target', 'org2', '--success-status', '99'], /from 100 to 599/],
  ])('fedsim attack %j exits 2 with CLI_USAGE', async (args, message) => {
    const out = await fedsim(['attack', ...args]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^fedsim: CLI_USAGE: /);
    expect(out.stderr).toMatch(message);
    expect(out.stdout).toBe('');
  });
});
