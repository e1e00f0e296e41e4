import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { createWorld } from '../../harness/world/world.js';
import { cli, explainText, fixture, loadProfile, readFixture } from './helpers.js';

/** One reader for an Okta IdP object: a scenario's `oktaJson` and `explain --okta-idp` agree. */
const GOOD = JSON.parse(readFileSync(fixture('okta-idp.json'), 'utf8'));
const VALID = 'valid/okta-org2org-signed-both.b64';
const dir = mkdtempSync(join(tmpdir(), 'fedsim-okta-idp-'));

function variant(name: string, change: (idp: typeof GOOD) => void): string {
  const idp = structuredClone(GOOD);
  change(idp);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(idp));
  return file;
}

const SHA512 = variant('sha512', (idp) => {
  idp.protocol.algorithms.response.signature.algorithm = 'SHA-512';
});
const STRING_SKEW = variant('string-skew', (idp) => {
  idp.policy.maxClockSkew = '300000';
});
const FOREIGN_AUDIENCE = variant('foreign-audience', (idp) => {
  idp.protocol.credentials.trust.audience = 'https://sp.example/saml';
});

async function scenarioCode(file: string): Promise<string | undefined> {
  try {
    const world = await createWorld({ org2: { idp: { oktaJson: file } } });
    await world.close();
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code;
  }
}

async function explainCode(file: string): Promise<string | undefined> {
  try {
    await loadProfile({ oktaIdp: [file] });
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code;
  }
}

describe('an Okta IdP object read by a scenario and by explain', () => {
  it.each([
    ['response signature algorithm SHA-512', SHA512],
    ['maxClockSkew as a string', STRING_SKEW],
    ['an audience that is not an Okta SP id', FOREIGN_AUDIENCE],
  ])('%s: both refuse it with CONFIG_INVALID', async (_name, file) => {
    expect(await scenarioCode(file)).toBe('CONFIG_INVALID');
    expect(await explainCode(file)).toBe('CONFIG_INVALID');
  });

  it('the object both accept gives the same expectations in both', async () => {
    const file = fixture('okta-idp.json');
    const world = await createWorld({ org2: { idp: { oktaJson: file } } });
    try {
      const { spec } = await loadProfile({ oktaIdp: [file] });
      const org2 = world.org2.spProfile();
      for (const key of [
        'idpIssuer',
        'audience',
        'signatureScope',
        'minSignatureAlgorithm',
        'maxClockSkewMs',
      ] as const)
        expect(spec[key]).toEqual(org2[key]);
    } finally {
      await world.close();
    }
  });

  it('explain exits 2 naming CONFIG_INVALID, as `run` does for the scenario', async () => {
    const run = await cli([fixture(VALID), '--okta-idp', SHA512, '--json']);
    expect(run.code).toBe(2);
    expect(run.json.error?.code).toBe('CONFIG_INVALID');
  });
});

describe('explain --lenient', () => {
  it('reads a numeric string as the number and says so', async () => {
    const loaded = await loadProfile({ oktaIdp: [STRING_SKEW], lenient: true });
    expect(loaded.spec.maxClockSkewMs).toBe(300_000);
    expect(loaded.notes[0]).toContain('policy.maxClockSkew "300000" is a string');
  });

  it('ignores an algorithm fedsim does not model, so the default minimum (SHA-256) is checked', async () => {
    const loaded = await loadProfile({ oktaIdp: [SHA512], lenient: true });
    expect(loaded.spec.minSignatureAlgorithm).toBeUndefined();
    expect(loaded.notes[0]).toContain('protocol.algorithms.response.signature.algorithm "SHA-512" ignored');
    const strict = await loadProfile({ oktaIdp: [fixture('okta-idp.json')] });
    expect(explainText(readFixture(VALID), loaded).codes).toEqual(
      explainText(readFixture(VALID), strict).codes,
    );
  });

  it('prints each note in the report', async () => {
    const run = await cli([fixture(VALID), '--okta-idp', STRING_SKEW, '--lenient']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('read as the number 300000');
  });

  it('adds no note to an object without wrong values, and still refuses one that is not a SAML IdP', async () => {
    expect((await loadProfile({ oktaIdp: [fixture('okta-idp.json')], lenient: true })).notes).not.toContain(
      expect.stringContaining('ignored'),
    );
    const oidc = variant('oidc', (idp) => {
      idp.type = 'OIDC';
      idp.protocol.type = 'OIDC';
    });
    await expect(loadProfile({ oktaIdp: [oidc], lenient: true })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
  });
});
