import { describe, expect, it } from 'vitest';
import { FEDSIM_ERRORS } from '../../harness/core/error-codes/fedsim.js';
import { OKTA_ERRORS } from '../../harness/core/error-codes/okta.js';
import { PROVISIONING_ERRORS } from '../../harness/core/error-codes/provisioning.js';
import { SAML_CHECK_ERRORS } from '../../harness/core/error-codes/saml-checks.js';
import { SAML_INPUT_ERRORS } from '../../harness/core/error-codes/saml-input.js';
import {
  ERROR_CODES,
  ERRORS,
  errorInfo,
  FedsimError,
  isErrorCode,
  toFedsimError,
} from '../../harness/core/errors.js';

describe('the error table', () => {
  it.each(ERROR_CODES)('%s has an HTTP error status, a one-line summary and a fix', (code) => {
    const { status, summary, fix } = errorInfo(code);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThanOrEqual(599);
    for (const text of [summary, fix]) {
      expect(text.trim()).not.toBe('');
      expect(text).not.toContain('\n');
    }
  });

  it('lists every code of every family once: no family overrides another', () => {
    const families = [FEDSIM_ERRORS, SAML_INPUT_ERRORS, SAML_CHECK_ERRORS, OKTA_ERRORS, PROVISIONING_ERRORS];
    const all = families.flatMap((f) => Object.keys(f));
    expect(new Set(all).size).toBe(all.length);
    expect([...ERROR_CODES].sort()).toEqual(all.sort());
    expect(Object.keys(ERRORS)).toEqual([...ERROR_CODES]);
  });

  it('has the codes every part relies on: CLI_USAGE for usage errors, INTERNAL for bugs', () => {
    expect([errorInfo('CLI_USAGE').status, errorInfo('INTERNAL').status]).toEqual([400, 500]);
    expect(errorInfo('INTERNAL').fix).toMatch(/bug in fedsim/);
  });

  it("gives Okta's documented status for each E-code fedsim answers with", () => {
    const statuses = Object.fromEntries(
      ERROR_CODES.filter((c) => c.startsWith('OKTA_')).map((c) => [c.slice(5), errorInfo(c).status]),
    );
    expect(statuses).toMatchObject({
      E0000001: 400,
      E0000003: 400,
      E0000005: 403,
      E0000006: 403,
      E0000007: 404,
      E0000009: 500,
      E0000011: 401,
      E0000016: 403,
      E0000038: 403,
      E0000047: 429,
    });
  });

  it('knows its codes and nothing else', () => {
    expect(isErrorCode('SAML_AUDIENCE_MISMATCH')).toBe(true);
    expect(isErrorCode('USER_NOT_FOUND')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });
});

describe('FedsimError', () => {
  it("takes its HTTP status from its code's table entry", () => {
    expect(new FedsimError('SAML_REPLAY', 'again').status).toBe(403);
    expect(new FedsimError('SAML_XML_INVALID', 'not XML').status).toBe(400);
    expect(new FedsimError('HTTP_BODY_TOO_LARGE', 'big').status).toBe(413);
    expect(new FedsimError('SCIM_UNIQUENESS', 'taken').status).toBe(409);
  });
});

describe('toFedsimError', () => {
  it('passes a FedsimError through unchanged', () => {
    const err = new FedsimError('SAML_EXPIRED', 'late');
    expect(toFedsimError(err)).toBe(err);
  });

  it.each([
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a RangeError', new RangeError('Invalid array length')],
    ['a plain Error', new Error('something broke')],
  ])('reports %s as INTERNAL (500), keeping its message and cause', (_what, thrown) => {
    const err = toFedsimError(thrown);
    expect([err.code, err.status, err.message]).toEqual(['INTERNAL', 500, thrown.message]);
    expect(err.cause).toBe(thrown);
    expect(err.hint).toBe(errorInfo('INTERNAL').fix);
  });

  it('reports a thrown non-Error value as INTERNAL too', () => {
    expect([toFedsimError('oops').code, toFedsimError('oops').message]).toEqual(['INTERNAL', 'oops']);
  });
});
