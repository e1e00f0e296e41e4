import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../harness/core/errors.js';
import { CHECKS } from '../../../harness/saml/checks/index.js';
import { issue } from '../helpers.js';
import { COVERED_CHECKS, table } from './helpers.js';

describe('the SP check table', () => {
  it('every check in CHECKS has pass and fail unit tests under test/saml/checks/', () => {
    expect(
      CHECKS.map((c) => c.name).filter((n) => !(COVERED_CHECKS as readonly string[]).includes(n)),
    ).toEqual([]);
  });

  it('names are unique and codes are stable error codes', () => {
    expect(new Set(CHECKS.map((c) => c.name)).size).toBe(CHECKS.length);
    for (const c of CHECKS) expect(ERROR_CODES).toContain(c.code);
  });

  it('a valid response passes every row, each with expected, actual and a hint', () => {
    const rows = table(issue().xml);
    expect(rows.map((r) => r.check)).toEqual(CHECKS.map((c) => c.name));
    for (const r of rows) {
      expect(r, r.check).toMatchObject({ ok: true });
      expect(r.expected, r.check).toBeDefined();
      expect(r.actual, r.check).toBeDefined();
      expect(r.hint.length, r.check).toBeGreaterThan(10);
      expect(ERROR_CODES).toContain(r.code);
    }
  });
});
