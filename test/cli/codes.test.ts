import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERRORS } from '../../harness/core/errors.js';
import { fedsim } from './in-process.js';

describe('fedsim codes', () => {
  it('--json lists every code of the registry with its status, summary and fix', async () => {
    const { code, stdout } = await fedsim(['codes', '--json']);
    expect(code).toBe(0);
    const entries = JSON.parse(stdout) as { code: string; status: number; summary: string; fix: string }[];
    expect(entries.map((e) => e.code)).toEqual([...ERROR_CODES]);
    const audience = entries.find((e) => e.code === 'SAML_AUDIENCE_MISMATCH');
    expect(audience).toEqual({ code: 'SAML_AUDIENCE_MISMATCH', ...ERRORS.SAML_AUDIENCE_MISMATCH });
  });

  it('prints one code, whatever its case', async () => {
    const { code, stdout } = await fedsim(['codes', 'idp_user_not_found']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^IDP_USER_NOT_FOUND \(\d{3}\)\n/);
    expect(stdout).toContain(`fix: ${ERRORS.IDP_USER_NOT_FOUND.fix}`);
    expect(stdout).not.toContain('SAML_');
  });

  it('an unknown code is a usage error that names the code meant', async () => {
    const { code, stderr } = await fedsim(['codes', 'USER_NOT_FOUND']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^fedsim: CLI_USAGE: USER_NOT_FOUND .*did you mean IDP_USER_NOT_FOUND\?/);
  });
});
