import { describe, expect, it } from 'vitest';
import { createOptions } from '../../harness/okta/org1/initial-status.js';

// Okta, "Org2Org Initial Status Options and Functionality"
// (https://support.okta.com/help/s/article/what-do-the-org2org-initial-status-options-do).
describe("Org2Org's Initial status on org2's create call", () => {
  it('activates for active_*, stages for pending_*, and sends the password only for *_with_pass', () => {
    expect(createOptions('active_with_pass', 'pw')).toEqual({ activate: true, password: 'pw' });
    expect(createOptions('active_without_pass', 'pw')).toEqual({ activate: true });
    expect(createOptions('pending_with_pass', 'pw')).toEqual({ activate: false, password: 'pw' });
    expect(createOptions('pending_without_pass', 'pw')).toEqual({ activate: false });
  });

  it('sends no password for a user org1 has none for', () => {
    expect(createOptions('active_with_pass', undefined)).toEqual({ activate: true });
  });
});
